package io.amiboot.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The reconnect delays of one client, by its {@link ReconnectPolicy}, backoff and jitter both
 * (the only place they are computed): each attempt that ends
 * waits longer than the one before, and the count starts over only after a connection stayed logged in for
 * {@code resetAfter}. A login alone does not reset it: a server that accepts the login and then drops the
 * connection (or sends something fatal) would otherwise be retried at the initial delay forever. Not thread
 * safe: the client calls it under its lock.
 */
final class ReconnectBackoff {

    private final ReconnectPolicy policy;

    private int failedAttempts;

    /** When the current connection logged in ({@link System#nanoTime()}); meaningful while {@link #loggedIn}. */
    private long loggedInAtNanos;

    private boolean loggedIn;

    ReconnectBackoff(ReconnectPolicy policy) {
        this.policy = policy;
    }

    /** A connection logged in at {@code nowNanos}. */
    void loggedIn(long nowNanos) {
        loggedIn = true;
        loggedInAtNanos = nowNanos;
    }

    /**
     * A connection or an attempt ended at {@code nowNanos}: the number of the retry to make (1 for the first),
     * counting on from earlier ones unless the connection had stayed logged in for {@code resetAfter}, or ended
     * with Asterisk's own {@code Shutdown} announcement ({@code announcedShutdown}): a PBX that is restarted
     * ended a healthy session, however short, and comes back within its boot time.
     */
    int ended(long nowNanos, boolean announcedShutdown) {
        if (loggedIn && (announcedShutdown || nowNanos - loggedInAtNanos >= policy.resetAfter().toNanos())) {
            failedAttempts = 0;
        }
        loggedIn = false;
        return ++failedAttempts;
    }

    /** The retries counted since the backoff last started over. */
    int failedAttempts() {
        return failedAttempts;
    }

    /**
     * The delay before retry {@code attempt} (1-based): {@code initialDelay * multiplier^(attempt-1)}, capped
     * at {@code maxDelay}, then spread by ±{@code jitter} so that many clients do not return at one instant.
     */
    Duration delayBefore(int attempt) {
        double millis = policy.initialDelay().toMillis() * Math.pow(policy.multiplier(), Math.max(0, attempt - 1));
        double capped = Math.min(millis, policy.maxDelay().toMillis());
        double factor = 1.0 + policy.jitter() * (2.0 * ThreadLocalRandom.current().nextDouble() - 1.0);
        return Duration.ofMillis(Math.max(1, Math.round((long) capped * factor)));
    }
}
