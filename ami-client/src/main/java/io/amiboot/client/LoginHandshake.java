package io.amiboot.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The login flow of one connection, once its banner arrived: {@code Login} with the secret ({@link AmiAuthType#PLAIN})
 * or {@code Challenge} then {@code Login} with the MD5 key ({@link AmiAuthType#MD5}), both with the event mask;
 * then a best-effort {@code CoreSettings} for the Asterisk version. A refused login fails with
 * {@link AmiAuthenticationException}.
 */
final class LoginHandshake {

    private final AmiClientOptions options;

    private final AmiConnection connection;

    /** Runs on the event loop as the login's success is read, before any event that follows it is delivered. */
    private final Runnable onLoginAccepted;

    LoginHandshake(AmiClientOptions options, AmiConnection connection, Runnable onLoginAccepted) {
        this.options = options;
        this.connection = connection;
        this.onLoginAccepted = onLoginAccepted;
    }

    /** Logs in and asks for the settings; completes with the Asterisk version, {@code null} if not allowed to know. */
    CompletableFuture<String> run() {
        CompletableFuture<AmiResponse> login = options.authType() == AmiAuthType.MD5 ? md5Login() : plainLogin();
        return login.handle(this::refusalAsAuthenticationFailure)
                .thenCompose(accepted -> connection.write(AmiAction.of("CoreSettings"), options.actionTimeout())
                        // Best effort: a user without 'system' read permission still connects.
                        .handle((settings, failure) -> settings != null ? settings.get("AsteriskVersion") : null));
    }

    private CompletableFuture<AmiResponse> plainLogin() {
        return connection.write(AmiAction.builder("Login")
                .header("Username", options.url().username())
                .header("Secret", options.url().secret())
                .header("Events", options.eventMask())
                .build(), options.actionTimeout(), onLoginAccepted);
    }

    private CompletableFuture<AmiResponse> md5Login() {
        Duration timeout = options.actionTimeout();
        return connection.write(AmiAction.builder("Challenge").header("AuthType", "MD5").build(), timeout)
                .thenCompose(challenge -> connection.write(AmiAction.builder("Login")
                        .header("AuthType", "MD5")
                        .header("Username", options.url().username())
                        .header("Key", md5Hex(Objects.toString(challenge.get("Challenge"), "") + options.url().secret()))
                        .header("Events", options.eventMask())
                        .build(), timeout, onLoginAccepted));
    }

    private AmiResponse refusalAsAuthenticationFailure(AmiResponse response, Throwable failure) {
        Throwable cause = AmiConnection.unwrap(failure);
        if (cause instanceof AmiActionException refused) {
            throw new AmiAuthenticationException(options.url().username(),
                    Objects.toString(refused.response().message(), "no reason given"));
        }
        if (cause != null) {
            throw cause instanceof RuntimeException runtime ? runtime : new AmiConnectionException(cause.getMessage(), cause);
        }
        return response;
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("MD5 is not available in this JVM", ex);
        }
    }
}
