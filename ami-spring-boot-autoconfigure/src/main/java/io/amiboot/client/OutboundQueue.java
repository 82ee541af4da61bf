package io.amiboot.client;

import io.netty.channel.Channel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands actions sent from any thread to the channel's event loop in batches: one task and one flush (one
 * system call) for however many actions were queued meanwhile, instead of one of each per action. This is what
 * lets pipelined actions keep up with the server.
 */
final class OutboundQueue {

    private final Channel channel;

    private final Queue<PendingAction> queue = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    OutboundQueue(Channel channel) {
        this.channel = channel;
    }

    /** Queues an action; it reaches the pipeline in the order queued. */
    void send(PendingAction action) {
        queue.offer(action);
        if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
    }

    private void drain() {
        // Cleared before polling, so an action queued after the last poll schedules a drain of its own.
        drainScheduled.set(false);
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
}
