package io.amiboot.client;

import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Hands actions sent from any thread to the channel's event loop in batches: one task and one flush (one
 * system call) for however many actions were queued meanwhile, instead of one of each per action. This is what
 * lets pipelined actions keep up with the server. At most {@code maxUnanswered} actions are written and not yet
 * answered (0: no limit); the rest wait here, in order, until answers make room or their timeout runs out:
 * Asterisk answers a steady stream of actions much faster than a flood. Actions that find the channel already
 * closed fail at once with {@link AmiConnectionException}: they never reach the correlator, which would
 * otherwise fail them.
 */
final class OutboundQueue {

    private final Channel channel;

    private final Executor completions;

    private final int maxUnanswered;

    /** Actions written and not yet answered: the correlator's count, read on the event loop. */
    private final IntSupplier unanswered;

    /** Actions sent from any thread, not yet looked at on the event loop. */
    private final Queue<PendingAction> incoming = new ConcurrentLinkedQueue<>();

    /** Actions that found no room, in the order sent; event loop only. Expired ones are skipped when polled. */
    private final ArrayDeque<PendingAction> waiting = new ArrayDeque<>();

    /**
     * The same actions by deadline (timeouts differ, so send order is not deadline order), for expiry in
     * O(log n) per action instead of a scan of the queue; written ones are skipped when they come up.
     */
    private final PriorityQueue<PendingAction> byDeadline = new PriorityQueue<>(
            (a, b) -> Long.compare(a.deadlineNanos - b.deadlineNanos, 0));

    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    /** The check for actions whose timeout ran out while waiting for room; event loop only. */
    private ScheduledFuture<?> expiry;

    /** When {@link #expiry} runs (on the event loop's clock, as {@link PendingAction#deadlineNanos}). */
    private long expiryAtNanos;

    /** A queue without a limit on unanswered actions. */
    OutboundQueue(Channel channel, Executor completions) {
        this(channel, completions, 0, () -> 0);
    }

    OutboundQueue(Channel channel, Executor completions, int maxUnanswered, IntSupplier unanswered) {
        this.channel = channel;
        this.completions = completions;
        this.maxUnanswered = maxUnanswered;
        this.unanswered = unanswered;
    }

    /** Queues an action; it reaches the pipeline in the order queued. */
    void send(PendingAction action) {
        incoming.offer(action);
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                channel.eventLoop().execute(this::drain);
            }
            catch (RejectedExecutionException ex) {
                drainScheduled.set(false);
                // Not on the event loop: only the thread-safe queue may be touched here.
                failIncoming("the client is closed");
            }
        }
    }

    /** Answers made room: writes what now fits. Called on the event loop. */
    void resume() {
        if (!waiting.isEmpty() || !incoming.isEmpty()) {
            writeQueued();
        }
    }

    /** The task {@link #send} schedules. */
    private void drain() {
        // Cleared before polling, so an action queued after the last poll schedules a drain of its own.
        drainScheduled.set(false);
        writeQueued();
    }

    /** Writes queued actions while there is room, with one flush; on the event loop. */
    private void writeQueued() {
        if (!channel.isActive()) {
            // Closed (on this same event loop) before the actions got here; the correlator is gone or failing.
            failQueued("the connection to Asterisk closed before it was sent");
            return;
        }
        PendingAction action;
        boolean wrote = false;
        while (hasRoom() && (action = nextToWrite()) != null) {
            channel.write(action, channel.voidPromise());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
        while ((action = incoming.poll()) != null) {
            action.waitingForRoom = true;
            waiting.add(action);
            byDeadline.add(action);
        }
        scheduleExpiry();
    }

    /** The oldest action still waiting, else the oldest one sent since; {@code null} when there is none. */
    private PendingAction nextToWrite() {
        PendingAction action;
        while ((action = waiting.poll()) != null) {
            if (action.waitingForRoom) {
                action.waitingForRoom = false;
                return action;
            }
        }
        return incoming.poll();
    }

    private boolean hasRoom() {
        return maxUnanswered <= 0 || unanswered.getAsInt() < maxUnanswered;
    }

    /** Makes sure a check runs when the first of the waiting actions runs out of time. */
    private void scheduleExpiry() {
        PendingAction first;
        while ((first = byDeadline.peek()) != null && !first.waitingForRoom) {
            byDeadline.poll();
        }
        if (first == null || expiry != null && expiryAtNanos - first.deadlineNanos <= 0) {
            return;
        }
        if (expiry != null) {
            // A later action with a shorter timeout runs out first.
            expiry.cancel(false);
        }
        expiryAtNanos = first.deadlineNanos;
        expiry = channel.eventLoop().schedule(this::expire, Math.max(0, expiryAtNanos - now()), TimeUnit.NANOSECONDS);
    }

    /** Fails the waiting actions whose timeout ran out, then writes what fits and checks again later. */
    private void expire() {
        expiry = null;
        long now = now();
        PendingAction action;
        while ((action = byDeadline.peek()) != null && action.deadlineNanos - now <= 0) {
            byDeadline.poll();
            if (action.waitingForRoom) {
                action.waitingForRoom = false;
                complete(action, AmiTimeoutException.notSent(action.action.name(), action.timeout, maxUnanswered));
            }
        }
        while ((action = waiting.peek()) != null && !action.waitingForRoom) {
            waiting.poll();
        }
        writeQueued();
    }

    /** The time on the event loop's clock, the one the actions' deadlines are on. */
    private long now() {
        return channel.eventLoop().ticker().nanoTime();
    }

    private void failQueued(String reason) {
        byDeadline.clear();
        PendingAction action;
        while ((action = waiting.poll()) != null) {
            if (action.waitingForRoom) {
                action.waitingForRoom = false;
                failed(action, reason);
            }
        }
        failIncoming(reason);
    }

    private void failIncoming(String reason) {
        PendingAction action;
        while ((action = incoming.poll()) != null) {
            failed(action, reason);
        }
    }

    private void failed(PendingAction action, String reason) {
        complete(action, new AmiConnectionException("Action " + action.action.name() + " failed: " + reason));
    }

    private void complete(PendingAction action, Exception failure) {
        try {
            completions.execute(() -> action.future.completeExceptionally(failure));
        }
        catch (RejectedExecutionException ex) {
            action.future.completeExceptionally(failure);
        }
    }
}
