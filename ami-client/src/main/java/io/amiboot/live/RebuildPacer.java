package io.amiboot.live;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Decides when the live model rebuilds: at most one rebuild in flight, requests meanwhile coalesced into one
 * more, starts at least {@code interval} apart (so a flood of drop notices costs one rebuild per interval, and
 * one more after the last), failed rebuilds retried after a doubling delay up to {@code maxRetryDelay}.
 * A rebuild due later is started by {@code timer} calling {@code start}, which asks {@link #isDue()} first.
 * Times are {@link System#nanoTime()} values; not thread-safe (the model calls it under its lock).
 */
final class RebuildPacer {

    private final long intervalNanos;

    private final long maxRetryDelayNanos;

    private final Scheduler timer;

    private final Runnable start;

    private ScheduledFuture<?> scheduled;

    private boolean inFlight;

    private boolean due;

    private boolean again;

    private boolean everStarted;

    private long lastStart;

    private int failures;

    RebuildPacer(long intervalNanos, long maxRetryDelayNanos, Scheduler timer, Runnable start) {
        this.intervalNanos = intervalNanos;
        this.maxRetryDelayNanos = maxRetryDelayNanos;
        this.timer = timer;
        this.start = start;
    }

    /**
     * A rebuild is wanted.
     * @return whether the caller is to start it now (else it joins one running or due, or the timer starts it)
     */
    boolean request(long now) {
        if (inFlight) {
            again = true;
            return false;
        }
        if (due) {
            return false;
        }
        due = true;
        return startsNow(everStarted ? Math.max(0, lastStart + intervalNanos - now) : 0);
    }

    /** The rebuild that was due starts now. */
    void started(long now) {
        scheduled = null;
        due = false;
        inFlight = true;
        everStarted = true;
        lastStart = now;
    }

    /**
     * The rebuild in flight ended.
     * @return whether the caller is to start the next one now (else there is none, or the timer starts it)
     */
    boolean finished(boolean succeeded, long now) {
        inFlight = false;
        if (succeeded) {
            failures = 0;
        }
        else {
            failures++;
            again = false;
            due = true;
            return startsNow(retryDelay());
        }
        if (!again) {
            return false;
        }
        again = false;
        due = true;
        return startsNow(Math.max(0, lastStart + intervalNanos - now));
    }

    /** Forgets everything but the counts, as after a lost connection: the next request starts at once. */
    void reset() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        inFlight = false;
        due = false;
        again = false;
        everStarted = false;
        failures = 0;
    }

    /** Whether a rebuild is due (requested, not started, not cancelled by {@link #reset()}). */
    boolean isDue() {
        return due;
    }

    private boolean startsNow(long delay) {
        if (delay > 0) {
            try {
                scheduled = timer.schedule(start, delay, TimeUnit.NANOSECONDS);
            }
            catch (RejectedExecutionException clientClosed) {
                // The client's resources are shut down: no rebuild could be fetched anyway.
                scheduled = null;
            }
        }
        return delay == 0;
    }

    private long retryDelay() {
        long delay = intervalNanos;
        for (int i = 1; i < failures && delay < maxRetryDelayNanos; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxRetryDelayNanos);
    }
}
