package io.amiboot.test.asterisk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The test Asterisk's AMI-over-TLS port: its {@code amis://} URL and the PEM file of the test CA that signed its
 * certificate. Found, in this order, in {@code -Damiboot.asterisk.tls-url} / {@code AMIBOOT_ASTERISK_TLS_URL} plus
 * {@code -Damiboot.asterisk.tls-ca} / {@code AMIBOOT_ASTERISK_TLS_CA}, else by asking {@code scripts/asterisk.sh tls-url}
 * and {@code tls-ca} (the control script, or the one found above the working directory). Anything missing fails with
 * what is missing: a TLS test never skips.
 */
record TlsEndpoint(String url, Path caCertificate) {

    static final String URL_PROPERTY = "amiboot.asterisk.tls-url";
    static final String URL_ENV = "AMIBOOT_ASTERISK_TLS_URL";
    static final String CA_PROPERTY = "amiboot.asterisk.tls-ca";
    static final String CA_ENV = "AMIBOOT_ASTERISK_TLS_CA";

    /** @param script the server's control script, or null to look for {@code scripts/asterisk.sh} */
    static TlsEndpoint resolve(Environment env, TestAsterisk.Mode mode, ScriptControl script) {
        String url = AsteriskResolver.setting(env, URL_PROPERTY, URL_ENV);
        String ca = AsteriskResolver.setting(env, CA_PROPERTY, CA_ENV);
        if (url != null || ca != null) {
            List<String> missing = new ArrayList<>();
            if (url == null) {
                missing.add(URL_ENV + " (or -D" + URL_PROPERTY + "), e.g. amis://amiboot:amiboot@localhost:15039");
            }
            if (ca == null) {
                missing.add(CA_ENV + " (or -D" + CA_PROPERTY + "), the PEM file of the CA that signed the TLS port's certificate");
            }
            if (!missing.isEmpty()) {
                throw unavailable("set " + String.join(" and ", missing));
            }
            return checked(url, Path.of(ca), "from " + URL_ENV + " / " + CA_ENV);
        }
        if (mode == TestAsterisk.Mode.CONTAINER) {
            throw unavailable("the Docker image (" + AsteriskResolver.DOCKERFILE + ") serves plain AMI only; set " + URL_ENV
                    + " and " + CA_ENV + " to a server with TLS, or use the rootfs of " + AsteriskResolver.SCRIPT);
        }
        ScriptControl control = script;
        if (control == null) {
            control = AsteriskResolver.findUp(env.workingDirectory(), AsteriskResolver.SCRIPT)
                    .map(root -> new ScriptControl(root.resolve(AsteriskResolver.SCRIPT))).orElseThrow(() -> unavailable(
                            "neither " + URL_ENV + " + " + CA_ENV + " are set nor is " + AsteriskResolver.SCRIPT
                                    + " (which knows its own) found above " + env.workingDirectory()));
        }
        String from = "from " + control + " tls-url / tls-ca";
        try {
            return checked(control.printed("tls-url", "amis://"), Path.of(control.printed("tls-ca", "/")), from);
        }
        catch (IllegalStateException e) {
            throw unavailable(from + ": " + e.getMessage());
        }
    }

    private static TlsEndpoint checked(String url, Path ca, String from) {
        if (!url.startsWith("amis://")) {
            throw unavailable("the TLS URL '" + url.replaceAll(":[^:@/]*@", ":****@") + "' (" + from + ") is not amis://");
        }
        if (!Files.isReadable(ca)) {
            throw unavailable("the test CA certificate " + ca + " (" + from + ") is not a readable file;"
                    + " scripts/asterisk.sh makes it at each start (restart a server started without it)");
        }
        return new TlsEndpoint(url, ca);
    }

    private static AsteriskUnavailableException unavailable(String why) {
        return new AsteriskUnavailableException("No AMI-over-TLS port of the test Asterisk is known: " + why + ".");
    }
}
