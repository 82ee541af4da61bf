package io.amiboot.test.asterisk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/** Which logins the scripted peer accepts: any, until one user and secret are required (plain, or MD5). */
final class ScriptedLogin {

    /** The challenge every {@code Challenge} action gets, so that a test can predict the MD5 key. */
    static final String CHALLENGE = "840415273";

    private volatile Credentials required;

    /** Accepts only {@code username} with {@code secret} from now on. */
    void require(String username, String secret) {
        required = new Credentials(Objects.requireNonNull(username, "username"), Objects.requireNonNull(secret, "secret"));
    }

    /** Whether {@code login} (a Login action's headers) is accepted. */
    boolean accepts(Map<String, String> login) {
        Credentials credentials = required;
        if (credentials == null) {
            return true;
        }
        boolean md5 = "MD5".equalsIgnoreCase(login.get("AuthType"));
        return credentials.username().equals(login.get("Username"))
                && (md5 ? md5(CHALLENGE + credentials.secret()).equals(login.get("Key"))
                        : credentials.secret().equals(login.get("Secret")));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Read together, so a login is never checked against one test's user and another's secret. */
    private record Credentials(String username, String secret) {
    }
}
