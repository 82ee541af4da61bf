package io.amiboot.live;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the live model may rebuild, and how much it holds back meanwhile.
 *
 * @param rebuildInterval the least time between the starts of two rebuilds (after dropped events, a late
 * {@code FullyBooted} or held events overflowing); also the first retry delay of a failed rebuild and the
 * interval of the drop warning's summary line
 * @param retryMaxDelay the longest wait before retrying a failed rebuild (the wait doubles from
 * {@code rebuildInterval} per failure)
 * @param maxHeldEvents the events held back during a rebuild beyond which it starts over
 * @param maxHeldBytes the size of the held-back events (header names and values) beyond which it starts over
 */
public record LiveModelLimits(Duration rebuildInterval, Duration retryMaxDelay, int maxHeldEvents, long maxHeldBytes) {

    /** One rebuild a second, retries up to every 30 s, 100,000 events or 32 MB held. */
    public static final LiveModelLimits DEFAULTS = new LiveModelLimits(Duration.ofSeconds(1), Duration.ofSeconds(30),
            100_000, 32L * 1024 * 1024);

    /**
     * Checks that every limit is positive and the retry's longest wait not below the rebuild interval.
     *
     * @param rebuildInterval the least time between the starts of two rebuilds (after dropped events, a late
     *        {@code FullyBooted} or held events overflowing); also the first retry delay of a failed rebuild and the
     *        interval of the drop warning's summary line
     * @param retryMaxDelay the longest wait before retrying a failed rebuild (the wait doubles from
     *        {@code rebuildInterval} per failure)
     * @param maxHeldEvents the events held back during a rebuild beyond which it starts over
     * @param maxHeldBytes the size of the held-back events (header names and values) beyond which it starts over
     * @throws IllegalArgumentException naming the limit that is out of range
     */
    public LiveModelLimits {
        Objects.requireNonNull(rebuildInterval, "rebuildInterval");
        Objects.requireNonNull(retryMaxDelay, "retryMaxDelay");
        if (rebuildInterval.isNegative() || rebuildInterval.isZero()) {
            throw new IllegalArgumentException("Live model rebuild interval must be positive but is " + rebuildInterval);
        }
        if (retryMaxDelay.compareTo(rebuildInterval) < 0) {
            throw new IllegalArgumentException("Live model rebuild retry max delay " + retryMaxDelay
                    + " is below the rebuild interval " + rebuildInterval);
        }
        if (maxHeldEvents < 1) {
            throw new IllegalArgumentException("Live model max held events must be at least 1 but is " + maxHeldEvents);
        }
        if (maxHeldBytes < 1) {
            throw new IllegalArgumentException("Live model max held size must be at least 1 byte but is " + maxHeldBytes);
        }
    }
}
