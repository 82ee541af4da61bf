package io.amiboot.autoconfigure.actuate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.Ordered;

/**
 * Hides AMI credentials in {@code /actuator/env} and {@code /actuator/configprops} even when their values are
 * shown ({@code management.endpoint.env.show-values=always}): the value of every {@code ami.*secret} key, the
 * secret in the user info of every {@code ami.*url} ({@code ami://admin:******@pbx:5038}), and also wherever else
 * it turns up: the user-info secret of any {@code ami://} or {@code amis://} URL in any value (a launcher's
 * environment variable, {@code sun.java.command}), and any value that contains the secret of a running client
 * (an environment variable that {@code ami.secret=${PBX_PASS}} refers to). Keys in any relaxed form
 * ({@code AMI_SERVERS_LONDON_SECRET}) are recognized. Other values pass unchanged.
 *
 * <p>It runs before unordered sanitizing functions, so that AMI URLs keep their host and user even where a
 * broader function (Spring Boot's {@code SanitizingFunction.sanitizeValue().ifLikelyUri()}) would hide them whole.
 */
public final class AmiSanitizingFunction implements SanitizingFunction, Ordered {

    static final String MASK = SanitizableData.SANITIZED_VALUE;

    /** The user and the secret of an AMI URL's user info, up to the last {@code @} of the URL. */
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)(amis?://[^\\s\"':/@]+:)[^\\s\"']*@");

    private final Supplier<? extends Collection<String>> secrets;

    /** Recognizes AMI secrets by key and in AMI URLs only. */
    public AmiSanitizingFunction() {
        this(List::of);
    }

    /**
     * Also hides every value that contains one of {@code secrets}, plain or URL-encoded.
     *
     * @param secrets the secrets to hide (the clients' secrets in the auto-configuration), asked again at each use
     */
    public AmiSanitizingFunction(Supplier<? extends Collection<String>> secrets) {
        this.secrets = secrets;
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        if (data.getValue() == null) {
            return data;
        }
        String key = data.getLowerCaseKey().replace('_', '.').replace("-", "");
        if (key.startsWith("ami.") && key.endsWith("secret")) {
            return data.withSanitizedValue();
        }
        String value = data.getValue().toString();
        String masked = value;
        if (key.startsWith("ami.") && key.endsWith("url")) {
            masked = maskUserInfoSecret(value);
        }
        else if (data.getValue() instanceof CharSequence) {
            masked = maskEmbeddedUrls(value);
        }
        // What is left may still hold a secret: given under another name, or as an AMI user's name too.
        if (masked == null || containsSecret(masked)) {
            return data.withSanitizedValue();
        }
        return masked.equals(value) ? data : data.withValue(masked);
    }

    private boolean containsSecret(String value) {
        for (String secret : secrets.get()) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            if (value.contains(secret) || value.contains(encoded) || value.contains(encoded.replace("+", "%20"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return 0;
    }

    /**
     * The URL with the secret of its user info masked ({@code ami://user:******@host:port}); the URL itself when
     * it has none; {@code null} when it cannot tell where the secret is (then the whole value is to be hidden).
     */
    static String maskUserInfoSecret(String url) {
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (scheme < 0) {
            return at < 0 ? url : null;
        }
        if (at < scheme) {
            return url;
        }
        int colon = url.indexOf(':', scheme + 3);
        if (colon < 0 || colon > at) {
            return url;
        }
        return url.substring(0, colon + 1) + MASK + url.substring(at);
    }

    /** {@code text} with the user-info secret of every AMI URL in it masked. */
    static String maskEmbeddedUrls(String text) {
        return URL_USER_INFO.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK + "@"));
    }
}
