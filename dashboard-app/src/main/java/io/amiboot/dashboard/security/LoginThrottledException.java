package io.amiboot.dashboard.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused, without checking its password, because its user name or address failed too often. */
final class LoginThrottledException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    LoginThrottledException(Duration wait) {
        super("Too many failed sign-ins; try again in " + seconds(wait) + " s");
        this.retryAfterSeconds = seconds(wait);
    }

    /** Whole seconds to wait, rounded up, at least one: the value of {@code Retry-After}. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
