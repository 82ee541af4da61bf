package io.amiboot.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events from the event loop to subscribers on one dedicated thread, in wire order, through a buffer
 * bounded in events and in bytes (their wire size): the event loop never waits for a subscriber, and a full
 * buffer applies the {@link EventOverflowPolicy} and counts every dropped event. Connection notices travel the
 * same queue, so listeners see them in order with the events around them. {@link DroppedEvents} counts the
 * drops and makes them known.
 */
final class EventDispatcher {

    private static final Logger logger = LoggerFactory.getLogger(EventDispatcher.class);

    /** How often at most the drop warning is logged. */
    static final Duration DROP_WARNING_INTERVAL = Duration.ofSeconds(1);

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();

    private final AtomicInteger bufferedEvents = new AtomicInteger();

    private final AtomicLong bufferedBytes = new AtomicLong();

    private final int capacity;

    private final long maxBytes;

    private final EventOverflowPolicy policy;

    private final DroppedEvents dropped;

    private final List<AmiEventListener> eventListeners = new CopyOnWriteArrayList<>();

    private final List<AmiConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();

    private final Thread thread;

    private volatile boolean waiting;

    private volatile boolean stopped;

    EventDispatcher(String name, int capacity, long maxBytes, EventOverflowPolicy policy, AmiClientObserver observer) {
        this(name, capacity, maxBytes, policy, observer, DROP_WARNING_INTERVAL);
    }

    EventDispatcher(String name, int capacity, long maxBytes, EventOverflowPolicy policy, AmiClientObserver observer,
            Duration dropWarningInterval) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.policy = policy;
        this.dropped = new DroppedEvents(observer, dropWarningInterval,
                "buffer " + capacity + " events or " + maxBytes + " bytes, policy " + policy);
        this.thread = new Thread(this::run, "ami-events-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void addEventListener(AmiEventListener listener) {
        eventListeners.add(listener);
    }

    void removeEventListener(AmiEventListener listener) {
        eventListeners.remove(listener);
    }

    void addConnectionListener(AmiConnectionListener listener) {
        connectionListeners.add(listener);
    }

    void removeConnectionListener(AmiConnectionListener listener) {
        connectionListeners.remove(listener);
    }

    /**
     * Queues a batch of events read in one go; called on the event loop.
     * @return {@code false} when the buffer was full and the policy is {@link EventOverflowPolicy#RECONNECT}
     */
    boolean submit(List<AmiEvent> events) {
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
        enqueue(new Batch(events, bytes));
        return true;
    }

    private boolean fits(int size, long bytes) {
        return bufferedEvents.get() + size <= capacity && bufferedBytes.get() + bytes <= maxBytes;
    }

    /** Queues a connection notice, delivered in order with events; never dropped. */
    void submitNotice(AmiConnectionEvent notice) {
        enqueue(notice);
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

    private void enqueue(Object item) {
        queue.offer(item);
        if (waiting) {
            LockSupport.unpark(thread);
        }
    }

    long droppedEvents() {
        return dropped.count();
    }

    int bufferedEvents() {
        return bufferedEvents.get();
    }

    /** The wire size of the events waiting for subscribers. */
    long bufferedBytes() {
        return bufferedBytes.get();
    }

    /** Whether the calling thread is the one that delivers events. */
    boolean isDispatchThread() {
        return Thread.currentThread() == thread;
    }

    /** Delivers what is queued, then stops the thread; waits at most {@code timeoutMillis}. */
    void stop(long timeoutMillis) {
        stopped = true;
        LockSupport.unpark(thread);
        if (!isDispatchThread()) {
            try {
                thread.join(timeoutMillis);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (true) {
            Object item = queue.poll();
            if (item == null) {
                dropped.log(stopped);
                if (stopped) {
                    return;
                }
                waiting = true;
                if (queue.isEmpty() && !stopped) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
                }
                waiting = false;
                continue;
            }
            if (item instanceof AmiConnectionEvent notice) {
                deliverNotice(notice);
                continue;
            }
            Batch batch = (Batch) item;
            taken(batch);
            dropped.report(connectionListeners);
            for (AmiEvent event : batch.events) {
                deliver(event);
            }
        }
    }

    private void deliver(AmiEvent event) {
        for (AmiEventListener listener : eventListeners) {
            try {
                listener.onEvent(event);
            }
            catch (RuntimeException ex) {
                logger.warn("Event listener {} failed on {}", listener, event.name(), ex);
            }
        }
    }

    private void deliverNotice(AmiConnectionEvent notice) {
        dropped.report(connectionListeners);
        for (AmiConnectionListener listener : connectionListeners) {
            try {
                listener.onStateChange(notice);
            }
            catch (RuntimeException ex) {
                logger.warn("Connection listener {} failed on {}", listener, notice, ex);
            }
        }
    }

    /** The events of one read that fit the buffer, and their wire size. */
    private record Batch(List<AmiEvent> events, long bytes) {
    }
}
