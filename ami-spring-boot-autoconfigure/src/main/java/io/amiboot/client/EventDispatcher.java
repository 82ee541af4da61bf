package io.amiboot.client;

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
 * Hands events from the event loop to subscribers on one dedicated thread, in wire order, through a bounded
 * buffer: the event loop never waits for a subscriber, and a full buffer applies the
 * {@link EventOverflowPolicy} and counts every dropped event. Connection notices travel the same queue, so
 * listeners see them in order with the events around them.
 */
final class EventDispatcher {

    private static final Logger logger = LoggerFactory.getLogger(EventDispatcher.class);

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();

    private final AtomicInteger bufferedEvents = new AtomicInteger();

    private final AtomicLong droppedEvents = new AtomicLong();

    private final int capacity;

    private final EventOverflowPolicy policy;

    private final AmiClientObserver observer;

    private final List<AmiEventListener> eventListeners = new CopyOnWriteArrayList<>();

    private final List<AmiConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();

    private final Thread thread;

    private volatile boolean waiting;

    private volatile boolean stopped;

    /** Dropped events already reported to listeners; read and written on the dispatcher thread only. */
    private long reportedDrops;

    EventDispatcher(String name, int capacity, EventOverflowPolicy policy, AmiClientObserver observer) {
        this.capacity = capacity;
        this.policy = policy;
        this.observer = observer;
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
    boolean submit(List<AmiEvent> batch) {
        int size = batch.size();
        if (bufferedEvents.get() + size > capacity) {
            switch (policy) {
                case RECONNECT -> {
                    drop(size);
                    return false;
                }
                case DROP_OLDEST -> {
                    Object oldest;
                    while (bufferedEvents.get() + size > capacity && (oldest = pollOldestBatch()) != null) {
                        drop(((List<?>) oldest).size());
                    }
                }
                case DROP_NEWEST -> {
                }
            }
            int room = Math.max(0, capacity - bufferedEvents.get());
            if (room < size) {
                drop(size - room);
                batch = batch.subList(0, room);
                size = room;
            }
            if (size == 0) {
                return true;
            }
        }
        bufferedEvents.addAndGet(size);
        enqueue(batch);
        return true;
    }

    /** Queues a connection notice, delivered in order with events; never dropped. */
    void submitNotice(AmiConnectionEvent notice) {
        enqueue(notice);
    }

    private Object pollOldestBatch() {
        // Notices are kept: take the first batch of events, leaving notices in their place.
        for (Object item : queue) {
            if (item instanceof List<?> && queue.remove(item)) {
                bufferedEvents.addAndGet(-((List<?>) item).size());
                return item;
            }
        }
        return null;
    }

    private void drop(int count) {
        droppedEvents.addAndGet(count);
        observer.eventsDropped(count);
    }

    private void enqueue(Object item) {
        queue.offer(item);
        if (waiting) {
            LockSupport.unpark(thread);
        }
    }

    long droppedEvents() {
        return droppedEvents.get();
    }

    int bufferedEvents() {
        return bufferedEvents.get();
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
            List<?> batch = (List<?>) item;
            bufferedEvents.addAndGet(-batch.size());
            reportDrops();
            for (Object event : batch) {
                deliver((AmiEvent) event);
            }
        }
    }

    private void reportDrops() {
        long dropped = droppedEvents.get();
        if (dropped != reportedDrops) {
            long delta = dropped - reportedDrops;
            reportedDrops = dropped;
            logger.warn("{} AMI events were dropped because subscribers fell behind ({} in all; buffer {}, policy {})",
                    delta, dropped, capacity, policy);
            for (AmiConnectionListener listener : connectionListeners) {
                try {
                    listener.onEventsDropped(delta, dropped);
                }
                catch (RuntimeException ex) {
                    logger.warn("Connection listener {} failed on dropped events", listener, ex);
                }
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
        reportDrops();
        for (AmiConnectionListener listener : connectionListeners) {
            try {
                listener.onStateChange(notice);
            }
            catch (RuntimeException ex) {
                logger.warn("Connection listener {} failed on {}", listener, notice, ex);
            }
        }
    }
}
