package io.amiboot.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The count of events the {@link EventDispatcher} dropped, and how the drops are made known: to the observer at
 * once, to connection listeners as the delta since they last heard, and to the log as one summary line per
 * interval at most, since under overload a line per read would flood the log; the counts stay exact.
 * {@link #drop(int)} may be called on any thread; the rest only in the client's drain.
 */
final class DroppedEvents {

    // Logged under EventDispatcher's name: that is the logger users know and configure.
    private static final Logger logger = LoggerFactory.getLogger(EventDispatcher.class);

    private final AtomicLong dropped = new AtomicLong();

    private final AmiClientObserver observer;

    private final long warningIntervalNanos;

    /** What the warning says about the buffer, e.g. its limits and policy. */
    private final String buffer;

    /** Dropped events already reported to listeners; drain only. */
    private long reported;

    /** Dropped events already logged, and when last; drain only. */
    private long logged;

    private long lastWarningNanos;

    DroppedEvents(AmiClientObserver observer, Duration warningInterval, String buffer) {
        this.observer = observer;
        this.warningIntervalNanos = warningInterval.toNanos();
        this.buffer = buffer;
        this.lastWarningNanos = System.nanoTime() - warningIntervalNanos;
    }

    void drop(int count) {
        if (count == 0) {
            return;
        }
        dropped.addAndGet(count);
        observer.eventsDropped(count);
    }

    long count() {
        return dropped.get();
    }

    /** Tells each listener of the drops since the last report, if any; logs them too when the interval allows. */
    void report(List<AmiConnectionListener> listeners) {
        log(false);
        long total = dropped.get();
        if (total == reported) {
            return;
        }
        long delta = total - reported;
        reported = total;
        for (AmiConnectionListener listener : listeners) {
            try {
                listener.onEventsDropped(delta, total);
            }
            catch (RuntimeException ex) {
                logger.warn("Connection listener {} failed on dropped events", listener, ex);
            }
        }
    }

    /** {@return how long until {@link #log(boolean)} may log the drops not yet logged, or -1 when there are none} */
    long nanosUntilLog() {
        if (dropped.get() == logged) {
            return -1;
        }
        return Math.max(0, lastWarningNanos + warningIntervalNanos - System.nanoTime());
    }

    /** Logs the drops since the last warning, unless that was less than the interval ago (and not forced). */
    void log(boolean force) {
        long total = dropped.get();
        long now = System.nanoTime();
        if (total == logged || !force && now - lastWarningNanos < warningIntervalNanos) {
            return;
        }
        logger.warn("{} AMI events were dropped because subscribers fell behind ({} in all; {}; this warning comes at"
                + " most every {} ms)", total - logged, total, buffer, TimeUnit.NANOSECONDS.toMillis(warningIntervalNanos));
        logged = total;
        lastWarningNanos = now;
    }
}
