package io.amiboot.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one client's events from the event loop to its subscribers, in wire order, through its
 * {@link EventBuffer}: the event loop never waits for a subscriber. Delivery runs as drains on the resources'
 * event executor (shared by many clients), at most one drain of this client at a time, so order holds whichever
 * thread runs it; a drain yields after {@link #EVENTS_PER_DRAIN} events so that a busy server cannot keep the
 * threads from the others. Connection notices travel the same buffer, so listeners see them in order with the
 * events around them. {@link DroppedEvents} counts the drops and makes them known.
 */
final class EventDispatcher {

    private static final Logger logger = LoggerFactory.getLogger(EventDispatcher.class);

    /** How often at most the drop warning is logged. */
    static final Duration DROP_WARNING_INTERVAL = Duration.ofSeconds(1);

    /** How many events one drain delivers at most before it lets other clients' drains run. */
    static final int EVENTS_PER_DRAIN = 512;

    private final EventBuffer buffer;

    private final DroppedEvents dropped;

    private final Executor executor;

    private final ScheduledExecutorService timer;

    private final List<AmiEventListener> eventListeners = new CopyOnWriteArrayList<>();

    private final List<AmiConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();

    /** Whether a drain is queued or running; the one who sets it starts the drain. */
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** Completed by the last drain after {@link #stop(long)}. */
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    /** The thread running this client's drain, or null between drains. */
    private volatile Thread drainer;

    private volatile boolean logFlushScheduled;

    private volatile boolean stopped;

    EventDispatcher(AmiClientOptions options, AmiClientResources resources) {
        this(options.eventBufferSize(), options.eventBufferBytes(), options.overflowPolicy(), options.observer(),
                DROP_WARNING_INTERVAL, resources.eventExecutor(), resources.eventLoopGroup());
    }

    EventDispatcher(int capacity, long maxBytes, EventOverflowPolicy policy, AmiClientObserver observer,
            Duration dropWarningInterval, Executor executor, ScheduledExecutorService timer) {
        this.dropped = new DroppedEvents(observer, dropWarningInterval,
                "buffer " + capacity + " events or " + maxBytes + " bytes, policy " + policy);
        this.buffer = new EventBuffer(capacity, maxBytes, policy, dropped);
        this.executor = executor;
        this.timer = timer;
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
        boolean accepted = buffer.offer(events);
        scheduleDrain();
        return accepted;
    }

    /** Queues a connection notice, delivered in order with events; never dropped. */
    void submitNotice(AmiConnectionEvent notice) {
        buffer.offerNotice(notice);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (terminated.isDone() || !scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        }
        catch (RejectedExecutionException closed) {
            // The shared resources were closed before this client: nothing can be delivered any more.
            scheduled.set(false);
            terminated.complete(null);
            logger.debug("Events not delivered: the event executor is shut down", closed);
        }
    }

    private void drain() {
        drainer = Thread.currentThread();
        try {
            int delivered = 0;
            Object item;
            while (delivered < EVENTS_PER_DRAIN && (item = buffer.poll()) != null) {
                if (item instanceof AmiConnectionEvent notice) {
                    deliverNotice(notice);
                    delivered++;
                }
                else {
                    List<AmiEvent> events = ((EventBuffer.Batch) item).events();
                    dropped.report(connectionListeners);
                    for (AmiEvent event : events) {
                        deliver(event);
                    }
                    delivered += events.size();
                }
            }
            if (buffer.isEmpty()) {
                whenEmpty();
            }
        }
        finally {
            drainer = null;
            scheduled.set(false);
        }
        // Read after releasing the drain: what was queued (or a stop) meanwhile found it taken, so this starts it.
        if (!buffer.isEmpty() || stopped && !terminated.isDone()) {
            scheduleDrain();
        }
    }

    /** With nothing left to deliver: logs the drops (all of them when stopped), and ends or times the next line. */
    private void whenEmpty() {
        dropped.log(stopped);
        if (stopped) {
            terminated.complete(null);
            return;
        }
        long wait = dropped.nanosUntilLog();
        if (wait >= 0 && !logFlushScheduled) {
            logFlushScheduled = true;
            try {
                timer.schedule(() -> {
                    logFlushScheduled = false;
                    scheduleDrain();
                }, wait, TimeUnit.NANOSECONDS);
            }
            catch (RejectedExecutionException closed) {
                logFlushScheduled = false;
            }
        }
    }

    long droppedEvents() {
        return dropped.count();
    }

    int bufferedEvents() {
        return buffer.bufferedEvents();
    }

    /** The wire size of the events waiting for subscribers. */
    long bufferedBytes() {
        return buffer.bufferedBytes();
    }

    /** Whether the calling thread is delivering this client's events (inside one of its listeners, say). */
    boolean isDispatchThread() {
        return Thread.currentThread() == drainer;
    }

    /** Delivers what is queued, then delivers no more; waits at most {@code timeoutMillis} unless called by a listener. */
    void stop(long timeoutMillis) {
        stopped = true;
        scheduleDrain();
        if (isDispatchThread()) {
            return;
        }
        try {
            terminated.get(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException | TimeoutException ex) {
            logger.debug("Event delivery did not end within {} ms", timeoutMillis);
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
}
