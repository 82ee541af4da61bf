package io.amiboot.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads clients run on, shareable between many of them (one per PBX, say): the Netty event loop group
 * (which also times reconnects, banners and keepalives), the executor where action futures complete, the
 * executor that delivers events (each client's in wire order, one drain of a client at a time; a listener
 * blocked on one server's event holds up no other server's) and a timer for user tasks. These are the
 * expensive half of a client; its values (timeouts, sizes, event mask, reconnect policy) are
 * {@link AmiClientOptions}, as Lettuce keeps {@code ClientResources} apart from {@code ClientOptions}.
 *
 * <p>Whoever creates a resources object closes it: a client given resources never closes them, and
 * {@link #close()} shuts down only what the resources made themselves, never a group or executor handed to the
 * builder. A client created without resources makes its own and closes them with itself.
 *
 * <pre>{@code
 * try (AmiClientResources shared = AmiClientResources.builder().name("pbx").ioThreads(2).build()) {
 *     AmiClient east = AmiClient.create(shared, AmiClientOptions.builder("ami://u:s@127.0.0.1:5038").name("east").build());
 *     ...
 * }
 * }</pre>
 */
public final class AmiClientResources implements AutoCloseable {

    /**
     * How long one client's drain may run before the event pool counts its thread as blocked and adds one:
     * long beside a drain's bounded batch (well under a millisecond for quick listeners), short beside what a
     * blocked server's neighbours would notice.
     */
    private static final Duration BLOCKED_DRAIN = Duration.ofMillis(50);

    private final EventLoopGroup eventLoopGroup;

    private final boolean ownsGroup;

    private final Executor callbackExecutor;

    private final ExecutorService ownedCallbackPool;

    private final Executor eventExecutor;

    private final EventDispatchPool ownedEventPool;

    private final NettyTransport transport;

    private final AtomicBoolean closed = new AtomicBoolean();

    AmiClientResources(AmiClientResourcesBuilder builder) {
        if (builder.eventLoopGroup != null) {
            this.eventLoopGroup = builder.eventLoopGroup;
            this.ownsGroup = false;
            this.transport = NettyTransport.of(eventLoopGroup);
        }
        else {
            this.transport = NettyTransport.choose(builder.nativeTransport);
            this.eventLoopGroup = new MultiThreadIoEventLoopGroup(builder.ioThreads,
                    new DefaultThreadFactory("ami-io-" + builder.name, true), transport.ioHandlerFactory());
            this.ownsGroup = true;
        }
        if (builder.callbackExecutor != null) {
            this.callbackExecutor = builder.callbackExecutor;
            this.ownedCallbackPool = null;
        }
        else {
            this.ownedCallbackPool = newCallbackPool(builder.name);
            this.callbackExecutor = ownedCallbackPool;
        }
        if (builder.eventExecutor != null) {
            this.eventExecutor = builder.eventExecutor;
            this.ownedEventPool = null;
        }
        else {
            this.ownedEventPool = new EventDispatchPool(builder.name, builder.eventThreads,
                    Math.max(builder.eventThreads, builder.maxEventThreads), BLOCKED_DRAIN, Duration.ofSeconds(30),
                    eventLoopGroup);
            this.eventExecutor = ownedEventPool;
        }
    }

    /**
     * Resources with one I/O thread and a callback pool of their own, on NIO.
     *
     * @param name the name in the threads' names; not blank
     * @return new resources, to be closed by the caller
     */
    public static AmiClientResources create(String name) {
        return builder().name(name).build();
    }

    /** {@return a new builder; what is not given to it is made (and later closed) by the resources themselves} */
    public static AmiClientResourcesBuilder builder() {
        return new AmiClientResourcesBuilder();
    }

    /**
     * A work-stealing pool for future completions: handing it a task costs little, and a callback that blocks
     * on another action's {@code join()} makes the pool add a thread (CompletableFuture's managed blocking)
     * instead of deadlocking it.
     */
    private static ExecutorService newCallbackPool(String name) {
        AtomicInteger threads = new AtomicInteger();
        return new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()), pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("ami-callback-" + name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, null, true);
    }

    /** {@return the event loop group channels are registered with and timers run on} */
    public EventLoopGroup eventLoopGroup() {
        return eventLoopGroup;
    }

    /** {@return where action futures complete (never the event loop)} */
    public Executor callbackExecutor() {
        return callbackExecutor;
    }

    /** {@return where events are delivered to listeners, one drain per client at a time (never the event loop)} */
    public Executor eventExecutor() {
        return eventExecutor;
    }

    /**
     * Runs {@code task} once after {@code delay} on the {@link #callbackExecutor()}, timed by the event loop group
     * (so a timer costs no thread of its own, and a task that waits for a lock never holds up the event loop).
     *
     * @param task what to run; not null
     * @param delay how long from now
     * @param unit the unit of {@code delay}
     * @return the scheduled hand-over, which {@code cancel} stops unless it already ran
     * @throws java.util.concurrent.RejectedExecutionException when the event loop group is shut down
     */
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return eventLoopGroup.schedule(() -> callbackExecutor.execute(task), delay, unit);
    }

    /** {@return whether {@link #close()} was called} */
    public boolean isClosed() {
        return closed.get();
    }

    NettyTransport transport() {
        return transport;
    }

    /**
     * Shuts down the event pool, event loop group and callback pool these resources made (waiting up to a few seconds),
     * never those given to the builder. Close the clients first; safe to call more than once, not from an
     * event loop.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ownedEventPool != null) {
            ownedEventPool.shutdown(2000);
        }
        if (ownsGroup) {
            eventLoopGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
        if (ownedCallbackPool != null) {
            ownedCallbackPool.shutdown();
            try {
                ownedCallbackPool.awaitTermination(2, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "AmiClientResources[" + transport + ", " + (ownsGroup ? "own" : "given") + " event loop group, "
                + (ownedCallbackPool != null ? "own" : "given") + " callback executor, "
                + (ownedEventPool != null ? "own" : "given") + " event executor" + (closed.get() ? ", closed]" : "]");
    }
}
