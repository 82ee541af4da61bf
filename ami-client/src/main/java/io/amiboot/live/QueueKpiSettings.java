package io.amiboot.live;

import java.time.Duration;
import java.util.Objects;

/**
 * How the live model counts its queue figures ({@link QueueKpis}).
 *
 * @param serviceLevelThreshold the wait within which an answered caller counts for the service level; positive
 * @param window when the figures start again from zero
 */
public record QueueKpiSettings(Duration serviceLevelThreshold, KpiWindow window) {

    /** A 20 s service level, days starting at midnight in the system's time zone. */
    public static final QueueKpiSettings DEFAULTS = new QueueKpiSettings(Duration.ofSeconds(20), KpiWindow.daily());

    /**
     * Checks the settings.
     *
     * @param serviceLevelThreshold positive
     * @param window not null
     */
    public QueueKpiSettings {
        Objects.requireNonNull(window, "window");
        if (serviceLevelThreshold == null || serviceLevelThreshold.isNegative() || serviceLevelThreshold.isZero()) {
            throw new IllegalArgumentException("Queue service level threshold must be above zero but is " + serviceLevelThreshold);
        }
    }
}
