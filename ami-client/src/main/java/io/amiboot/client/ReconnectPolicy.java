package io.amiboot.client;

import java.time.Duration;

/**
 * When and how often an {@link AmiClient} reconnects after its connection is lost or an attempt fails:
 * exponential backoff from {@code initialDelay}, times {@code multiplier} per failed attempt, capped at
 * {@code maxDelay}, each delay spread by ±{@code jitter} so that many clients do not hammer a restarted Asterisk
 * at the same instant. The backoff starts over only once a connection stayed logged in for {@code resetAfter}: a
 * server that accepts the login and then drops the connection (or sends something fatal) is retried ever more
 * slowly, not at the initial delay. Immutable; the constructor checks every value.
 *
 * @param enabled whether to reconnect at all; without, a lost connection closes the client for good
 * @param initialDelay the delay before the first retry; positive
 * @param maxDelay the cap on a delay before jitter spreads it; positive
 * @param multiplier how much longer each delay is than the one before; at least 1
 * @param jitter the share (0..1) by which each delay is randomly lengthened or shortened
 * @param resetAfter how long a connection must stay logged in before the backoff starts over; positive
 */
public record ReconnectPolicy(boolean enabled, Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
        Duration resetAfter) {

    /** How long a connection must stay logged in before the backoff starts over, unless said otherwise: 10 s. */
    public static final Duration DEFAULT_RESET_AFTER = Duration.ofSeconds(10);

    /** Reconnect from 500 ms, doubling up to 30 s, ±20 %, starting over after 10 s logged in. */
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(true, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2);

    /** Never reconnect. */
    public static final ReconnectPolicy DISABLED = new ReconnectPolicy(false, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2);

    /**
     * Checks the values.
     *
     * @param enabled whether to reconnect at all
     * @param initialDelay the delay before the first retry; positive
     * @param maxDelay the cap on a delay before jitter spreads it; positive
     * @param multiplier how much longer each delay is than the one before; at least 1
     * @param jitter the share (0..1) by which each delay is randomly lengthened or shortened
     * @param resetAfter how long a connection must stay logged in before the backoff starts over; positive
     * @throws IllegalArgumentException naming the value that is out of range
     */
    public ReconnectPolicy {
        OptionChecks.requirePositive("reconnect initial delay", initialDelay);
        OptionChecks.requirePositive("reconnect max delay", maxDelay);
        OptionChecks.requirePositive("reconnect reset-after", resetAfter);
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("Reconnect multiplier " + multiplier + " is below 1");
        }
        if (jitter < 0.0 || jitter > 1.0) {
            throw new IllegalArgumentException("Reconnect jitter " + jitter + " is outside 0..1");
        }
    }

    /**
     * A policy whose backoff starts over after {@link #DEFAULT_RESET_AFTER} logged in.
     *
     * @param enabled whether to reconnect at all
     * @param initialDelay the delay before the first retry; positive
     * @param maxDelay the cap on a delay before jitter spreads it; positive
     * @param multiplier how much longer each delay is than the one before; at least 1
     * @param jitter the share (0..1) by which each delay is randomly lengthened or shortened
     */
    public ReconnectPolicy(boolean enabled, Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {
        this(enabled, initialDelay, maxDelay, multiplier, jitter, DEFAULT_RESET_AFTER);
    }

    /**
     * This policy with another {@code resetAfter}.
     *
     * @param resetAfter how long a connection must stay logged in before the backoff starts over; positive
     * @return a new policy, this one unchanged
     */
    public ReconnectPolicy withResetAfter(Duration resetAfter) {
        return new ReconnectPolicy(enabled, initialDelay, maxDelay, multiplier, jitter, resetAfter);
    }

    @Override
    public String toString() {
        return enabled ? "reconnect=" + initialDelay.toMillis() + "ms*" + multiplier + "^n<=" + maxDelay.toMillis()
                + "ms±" + Math.round(jitter * 100) + "%,reset after " + resetAfter.toMillis() + "ms" : "reconnect=off";
    }
}
