package io.amiboot.client;

import io.netty.channel.Channel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands actions sent from any thread to the channel's event loop in batches: one task and one flush (one
 * system call) for however many actions were queued meanwhile, instead of one of each per action. This is what
 * lets pipelined actions keep up with the server. Actions that find the channel already closed fail at once
 * with {@link AmiConnectionException}: they never reach the correlator, which would otherwise fail them.
 */
final class OutboundQueue {

    private final Channel channel;

    private final Executor completions;

    private final Queue<PendingAction> queue = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    OutboundQueue(Channel channel, Executor completions) {
        this.channel = channel;
        this.completions = completions;
    }

    /** Queues an action; it reaches the pipeline in the order queued. */
    void send(PendingAction action) {
        queue.offer(action);
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                channel.eventLoop().execute(this::drain);
            }
            catch (RejectedExecutionException ex) {
                drainScheduled.set(false);
                failQueued("the client is closed");
            }
        }
    }

    private void drain() {
        // Cleared before polling, so an action queued after the last poll schedules a drain of its own.
        drainScheduled.set(false);
        if (!channel.isActive()) {
            // Closed (on this same event loop) before the actions got here; the correlator is gone or failing.
            failQueued("the connection to Asterisk closed before it was sent");
            return;
        }
        PendingAction action;
        boolean wrote = false;
        while ((action = queue.poll()) != null) {
            channel.write(action, channel.voidPromise());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    private void failQueued(String reason) {
        PendingAction action;
        while ((action = queue.poll()) != null) {
            PendingAction failed = action;
            AmiConnectionException failure = new AmiConnectionException("Action " + failed.action.name() + " failed: " + reason);
            try {
                completions.execute(() -> failed.future.completeExceptionally(failure));
            }
            catch (RejectedExecutionException ex) {
                failed.future.completeExceptionally(failure);
            }
        }
    }
}
