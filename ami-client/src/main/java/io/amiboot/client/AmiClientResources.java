package io.amiboot.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads clients run on, shareable between many of them (one per PBX, say): the Netty event loop group
 * (which also times reconnects, banners and keepalives) and the executor where action futures complete. These
 * are the expensive half of a client; its values (timeouts, sizes, event mask, reconnect policy) are
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

    private final EventLoopGroup eventLoopGroup;

    private final boolean ownsGroup;

    private final Executor callbackExecutor;

    private final ExecutorService ownedCallbackPool;

    private final NettyTransport transport;

    private final AtomicBoolean closed = new AtomicBoolean();

    private AmiClientResources(Builder builder) {
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
    public static Builder builder() {
        return new Builder();
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

    /** {@return whether {@link #close()} was called} */
    public boolean isClosed() {
        return closed.get();
    }

    NettyTransport transport() {
        return transport;
    }

    /**
     * Shuts down the event loop group and callback pool these resources made (waiting up to a few seconds),
     * never those given to the builder. Close the clients first; safe to call more than once, not from an
     * event loop.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
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
                + (ownedCallbackPool != null ? "own" : "given") + " callback executor" + (closed.get() ? ", closed]" : "]");
    }

    /** Collects resources; each one left unset is made by the resources and closed with them. */
    public static final class Builder {

        private String name = "shared";

        private int ioThreads = 1;

        private boolean nativeTransport;

        private EventLoopGroup eventLoopGroup;

        private Executor callbackExecutor;

        private Builder() {
        }

        /**
         * The name in the threads these resources make ({@code ami-io-<name>}, {@code ami-callback-<name>-n}).
         *
         * @param name not blank; {@code shared} by default
         * @return this builder
         */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Resources name is empty");
            }
            this.name = name;
            return this;
        }

        /**
         * How many I/O threads an event loop group made here has; 1 by default (one serves many clients).
         *
         * @param ioThreads at least 1
         * @return this builder
         */
        public Builder ioThreads(int ioThreads) {
            if (ioThreads < 1) {
                throw new IllegalArgumentException("I/O threads must be at least 1 but is " + ioThreads);
            }
            this.ioThreads = ioThreads;
            return this;
        }

        /**
         * Whether an event loop group made here uses native epoll when {@code netty-transport-native-epoll} is on
         * the class path of a Linux machine, rather than NIO (the default; epoll measured no faster on loopback).
         *
         * @param nativeTransport true for epoll where available
         * @return this builder
         */
        public Builder nativeTransport(boolean nativeTransport) {
            this.nativeTransport = nativeTransport;
            return this;
        }

        /**
         * A Netty event loop group to use instead of making one (its I/O type, NIO or epoll, decides the
         * channel's); the caller shuts it down.
         *
         * @param eventLoopGroup the group, or null to make one
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup eventLoopGroup) {
            this.eventLoopGroup = eventLoopGroup;
            return this;
        }

        /**
         * Where action futures complete (and so where their callbacks run), never the event loop; the caller
         * shuts it down. By default a {@link ForkJoinPool} of daemon threads that the resources own.
         *
         * @param callbackExecutor the executor, or null to make one
         * @return this builder
         */
        public Builder callbackExecutor(Executor callbackExecutor) {
            this.callbackExecutor = callbackExecutor;
            return this;
        }

        /** {@return new resources; the builder may build again, each with threads of its own} */
        public AmiClientResources build() {
            return new AmiClientResources(this);
        }
    }
}
