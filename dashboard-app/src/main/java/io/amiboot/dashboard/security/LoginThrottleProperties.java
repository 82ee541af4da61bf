package io.amiboot.dashboard.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttling of failed sign-ins ({@code dashboard.login-throttle.*}), for the login form and HTTP Basic alike: once
 * a user name or a client address has failed too often, each further attempt waits, the wait doubling with each
 * failure; a waiting attempt is refused before its password is checked, even when it is right.
 *
 * @param failuresPerUser failed sign-ins for one user name, from any address, before further attempts wait
 * @param failuresPerAddress failed sign-ins from one client address (an IPv6 /64), for any names, before further
 *        attempts wait; higher than per user because users behind one NAT share an address
 * @param initialDelay the first wait after the limit is reached; each further failure doubles it
 * @param maxDelay the longest wait
 * @param forgetAfter how long after its last failure a user name or an address starts afresh (at least max-delay)
 * @param maxTracked how many user names and how many addresses are remembered; the least recently seen go first
 */
@ConfigurationProperties("dashboard.login-throttle")
public record LoginThrottleProperties(@DefaultValue("5") int failuresPerUser, @DefaultValue("20") int failuresPerAddress,
        @DefaultValue("30s") Duration initialDelay, @DefaultValue("15m") Duration maxDelay,
        @DefaultValue("1h") Duration forgetAfter, @DefaultValue("10000") int maxTracked) {

    /**
     * Checks that the limits make sense.
     *
     * @param failuresPerUser failures per user name before attempts wait, at least 1
     * @param failuresPerAddress failures per client address before attempts wait, at least 1
     * @param initialDelay the first wait, positive
     * @param maxDelay the longest wait, at least {@code initialDelay}
     * @param forgetAfter when a name or address starts afresh, at least {@code maxDelay}
     * @param maxTracked how many names and how many addresses are remembered, at least 1
     * @throws IllegalArgumentException if a bound above is broken, naming the settings
     */
    public LoginThrottleProperties {
        if (failuresPerUser < 1 || failuresPerAddress < 1 || maxTracked < 1) {
            throw new IllegalArgumentException("dashboard.login-throttle needs failures-per-user, failures-per-address "
                    + "and max-tracked of at least 1");
        }
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0 || forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("dashboard.login-throttle needs 0 < initial-delay <= max-delay <= forget-after");
        }
    }
}
