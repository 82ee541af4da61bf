package io.amiboot.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Hides AMI credentials in {@code /actuator/env} and {@code /actuator/configprops} even when their values are
 * shown ({@code management.endpoint.env.show-values=always}): the value of every {@code ami.*secret} key, and the
 * secret in the user info of every {@code ami.*url} ({@code ami://admin:******@pbx:5038}). Keys in any relaxed form
 * ({@code AMI_SERVERS_LONDON_SECRET}) are recognized. Other keys pass unchanged.
 */
public final class AmiSanitizingFunction implements SanitizingFunction {

    static final String MASK = SanitizableData.SANITIZED_VALUE;

    @Override
    public SanitizableData apply(SanitizableData data) {
        if (data.getValue() == null) {
            return data;
        }
        String key = data.getLowerCaseKey().replace('_', '.').replace("-", "");
        if (!key.startsWith("ami.")) {
            return data;
        }
        if (key.endsWith("secret")) {
            return data.withSanitizedValue();
        }
        if (key.endsWith("url")) {
            String masked = maskUserInfoSecret(data.getValue().toString());
            return masked == null ? data.withSanitizedValue() : data.withValue(masked);
        }
        return data;
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
}
