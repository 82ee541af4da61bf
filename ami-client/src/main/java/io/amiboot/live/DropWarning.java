package io.amiboot.live;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live model's warning about dropped events: at most one summary line per interval, with the counts since
 * the last line; counts that come within an interval are logged at its end.
 */
final class DropWarning {

    private static final Logger logger = LoggerFactory.getLogger(LiveModel.class);

    private final long intervalNanos;

    private final Scheduler scheduler;

    private long notices;

    private long events;

    private long totalDropped;

    private boolean logged;

    private long lastLine;

    private boolean flushScheduled;

    DropWarning(Duration interval, Scheduler scheduler) {
        this.intervalNanos = interval.toNanos();
        this.scheduler = scheduler;
    }

    /** Counts one drop notice; logs the summary now if no line was logged within the interval. */
    synchronized void record(long dropped, long totalDropped) {
        notices++;
        events += dropped;
        this.totalDropped = totalDropped;
        long now = System.nanoTime();
        long wait = logged ? lastLine + intervalNanos - now : 0;
        if (wait <= 0) {
            log(now);
        }
        else if (!flushScheduled) {
            flushScheduled = true;
            try {
                scheduler.schedule(this::flush, wait, TimeUnit.NANOSECONDS);
            }
            catch (RejectedExecutionException clientClosed) {
                flushScheduled = false;
            }
        }
    }

    private synchronized void flush() {
        flushScheduled = false;
        if (notices > 0) {
            log(System.nanoTime());
        }
    }

    private void log(long now) {
        logger.warn("AMI events were dropped; rebuilding the live model ({} events in {} drop notices since the last "
                + "warning, {} in all; at most one rebuild and one warning per {} ms)", events, notices, totalDropped,
                TimeUnit.NANOSECONDS.toMillis(intervalNanos));
        notices = 0;
        events = 0;
        logged = true;
        lastLine = now;
    }
}
