package io.amiboot.client;

import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An action on its way to Asterisk and back: the future its caller holds, its timeout, and, once its
 * response has started a list, the events gathered so far. Touched only on the channel's event loop after
 * it is written.
 */
final class PendingAction {

    final AmiAction action;

    final CompletableFuture<AmiResponse> future;

    final Duration timeout;

    /**
     * When the timeout runs out, on the clock of the channel's event loop ({@link Ticker#nanoTime()}), counted from
     * the send: waiting to be written counts.
     */
    final long deadlineNanos;

    /** Run on the event loop the moment a success response is read, before any later message; may be null. */
    final Runnable onAcceptedInLoop;

    /** Whether it waits in {@link OutboundQueue} for room (event loop only): cleared when written or expired. */
    boolean waitingForRoom;

    /** Assigned by {@link ActionCorrelator} when written. */
    String actionId;

    long sentAtNanos;

    ScheduledFuture<?> timeoutTask;

    /** The response that said {@code EventList: start}, while its list is being gathered. */
    AmiResponse listResponse;

    /** The entries gathered so far; {@code null} once the list grew too large and the rest is being dropped. */
    List<AmiEvent> listEntries;

    /** The wire size of the entries gathered so far. */
    long listBytes;

    /** An action for a channel whose event loop keeps the system's time, as every real one does. */
    PendingAction(AmiAction action, CompletableFuture<AmiResponse> future, Duration timeout) {
        this(action, future, timeout, null, Ticker.systemTicker());
    }

    /**
     * @param clock the clock of the event loop the action is written on, the one its timeout is checked against
     * (the system's in production; a test's {@code EmbeddedChannel} may freeze and advance its own)
     */
    PendingAction(AmiAction action, CompletableFuture<AmiResponse> future, Duration timeout, Runnable onAcceptedInLoop,
            Ticker clock) {
        this.action = action;
        this.future = future;
        this.timeout = timeout;
        this.onAcceptedInLoop = onAcceptedInLoop;
        // convert(Duration) saturates instead of overflowing; a quarter of the range keeps the sum from overflowing.
        this.deadlineNanos = clock.nanoTime() + Math.min(TimeUnit.NANOSECONDS.convert(timeout), Long.MAX_VALUE / 4);
    }

    void startList(AmiResponse response) {
        listResponse = response;
        listEntries = new ArrayList<>();
    }

    boolean gatheringList() {
        return listResponse != null;
    }
}
