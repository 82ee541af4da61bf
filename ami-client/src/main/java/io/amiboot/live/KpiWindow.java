package io.amiboot.live;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The day a queue's figures are counted over: it resets at a time of day in a time zone (a shift's start, midnight
 * by default), as a wallboard does.
 *
 * @param resetAt the time of day the figures start again from zero
 * @param zone the time zone of {@code resetAt}
 */
public record KpiWindow(LocalTime resetAt, ZoneId zone) {

    /** {@return days that start at midnight in the system's time zone} */
    public static KpiWindow daily() {
        return new KpiWindow(LocalTime.MIDNIGHT, ZoneId.systemDefault());
    }

    /**
     * {@return the last reset at or before {@code now}}
     *
     * @param now the time asked about
     */
    public Instant lastResetAtOrBefore(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime reset = local.toLocalDate().atTime(resetAt).atZone(zone);
        return (reset.isAfter(local) ? reset.minusDays(1) : reset).toInstant();
    }
}
