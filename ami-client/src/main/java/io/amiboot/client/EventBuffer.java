package io.amiboot.client;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events and connection notices of one client between the event loop and its listeners, in wire order,
 * bounded in events and in bytes (their wire size): a full buffer applies the {@link EventOverflowPolicy} and
 * counts every dropped event in {@link DroppedEvents}. Notices are never dropped. Offered on the event loop,
 * polled by the client's one drain at a time.
 */
final class EventBuffer {

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();

    private final AtomicInteger bufferedEvents = new AtomicInteger();

    private final AtomicLong bufferedBytes = new AtomicLong();

    private final int capacity;

    private final long maxBytes;

    private final EventOverflowPolicy policy;

    private final DroppedEvents dropped;

    EventBuffer(int capacity, long maxBytes, EventOverflowPolicy policy, DroppedEvents dropped) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.policy = policy;
        this.dropped = dropped;
    }

    /**
     * Buffers a batch of events read in one go, or what of it the policy keeps.
     * @return {@code false} when the buffer was full and the policy is {@link EventOverflowPolicy#RECONNECT}
     */
    boolean offer(List<AmiEvent> events) {
        int size = events.size();
        long bytes = 0;
        for (AmiEvent event : events) {
            bytes += event.wireSize();
        }
        if (!fits(size, bytes)) {
            switch (policy) {
                case RECONNECT -> {
                    dropped.drop(size);
                    return false;
                }
                case DROP_OLDEST -> {
                    Batch oldest;
                    while (!fits(size, bytes) && (oldest = pollOldestBatch()) != null) {
                        dropped.drop(oldest.events.size());
                    }
                }
                case DROP_NEWEST -> {
                }
            }
            // The events that fit are kept, in order; the rest of the batch is dropped.
            int roomEvents = capacity - bufferedEvents.get();
            long roomBytes = maxBytes - bufferedBytes.get();
            int kept = 0;
            long keptBytes = 0;
            while (kept < size && kept < roomEvents && keptBytes + events.get(kept).wireSize() <= roomBytes) {
                keptBytes += events.get(kept++).wireSize();
            }
            dropped.drop(size - kept);
            if (kept == 0) {
                return true;
            }
            events = events.subList(0, kept);
            size = kept;
            bytes = keptBytes;
        }
        bufferedEvents.addAndGet(size);
        bufferedBytes.addAndGet(bytes);
        queue.offer(new Batch(events, bytes));
        return true;
    }

    private boolean fits(int size, long bytes) {
        return bufferedEvents.get() + size <= capacity && bufferedBytes.get() + bytes <= maxBytes;
    }

    /** Buffers a connection notice, in order with the events; never dropped. */
    void offerNotice(AmiConnectionEvent notice) {
        queue.offer(notice);
    }

    /** {@return the oldest event batch or notice ({@link Batch#events()} or an {@link AmiConnectionEvent}), or null} */
    Object poll() {
        Object item = queue.poll();
        if (item instanceof Batch batch) {
            taken(batch);
        }
        return item;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    private Batch pollOldestBatch() {
        // Notices are kept: take the first batch of events, leaving notices in their place.
        for (Object item : queue) {
            if (item instanceof Batch batch && queue.remove(item)) {
                taken(batch);
                return batch;
            }
        }
        return null;
    }

    private void taken(Batch batch) {
        bufferedEvents.addAndGet(-batch.events.size());
        bufferedBytes.addAndGet(-batch.bytes);
    }

    int bufferedEvents() {
        return bufferedEvents.get();
    }

    long bufferedBytes() {
        return bufferedBytes.get();
    }

    /** The events of one read that fit the buffer, and their wire size. */
    record Batch(List<AmiEvent> events, long bytes) {
    }
}
