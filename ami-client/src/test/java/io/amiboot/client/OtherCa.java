package io.amiboot.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A CA certificate (PEM) that signed nothing Asterisk serves: made with the JDK's keytool, no key leaves the directory. */
public final class OtherCa {

    private OtherCa() {
    }

    /** Makes {@code other-ca.pem} in {@code directory} and returns its path. */
    public static Path create(Path directory) throws IOException, InterruptedException {
        Path store = directory.resolve("other-ca.p12");
        Path pem = directory.resolve("other-ca.pem");
        keytool("-genkeypair", "-alias", "other-ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=amiboot other test CA", "-ext", "bc:c", "-validity", "2", "-keystore", store.toString(), "-storetype",
                "PKCS12", "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "other-ca", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        return pem;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed:\n" + output);
        }
    }
}
