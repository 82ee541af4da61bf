package io.amiboot.client;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/** Collects resources; each one left unset is made by the resources and closed with them. */
public final class AmiClientResourcesBuilder {

    String name = "shared";

    int ioThreads = 1;

    boolean nativeTransport;

    EventLoopGroup eventLoopGroup;

    Executor callbackExecutor;

    Executor eventExecutor;

    int eventThreads = Math.max(2, Runtime.getRuntime().availableProcessors());

    int maxEventThreads = 64;

    AmiClientResourcesBuilder() {
    }

    /**
     * The name in the threads these resources make ({@code ami-io-<name>}, {@code ami-events-<name>-n},
     * {@code ami-callback-<name>-n}).
     *
     * @param name not blank; {@code shared} by default
     * @return this builder
     */
    public AmiClientResourcesBuilder name(String name) {
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
    public AmiClientResourcesBuilder ioThreads(int ioThreads) {
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
    public AmiClientResourcesBuilder nativeTransport(boolean nativeTransport) {
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
    public AmiClientResourcesBuilder eventLoopGroup(EventLoopGroup eventLoopGroup) {
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
    public AmiClientResourcesBuilder callbackExecutor(Executor callbackExecutor) {
        this.callbackExecutor = callbackExecutor;
        return this;
    }

    /**
     * How many threads an event pool made here keeps for delivering events (each started when first needed);
     * as many as the cores by default, at least 2.
     *
     * @param eventThreads at least 1
     * @return this builder
     */
    public AmiClientResourcesBuilder eventThreads(int eventThreads) {
        if (eventThreads < 1) {
            throw new IllegalArgumentException("Event threads must be at least 1 but is " + eventThreads);
        }
        this.eventThreads = eventThreads;
        return this;
    }

    /**
     * How many threads an event pool made here may have while listeners block (one added per listener
     * blocked for more than 50 ms, the extra ones ending after 30 s idle); 64 by default.
     *
     * @param maxEventThreads at least 1; less than {@link #eventThreads(int)} counts as that
     * @return this builder
     */
    public AmiClientResourcesBuilder maxEventThreads(int maxEventThreads) {
        if (maxEventThreads < 1) {
            throw new IllegalArgumentException("Max event threads must be at least 1 but is " + maxEventThreads);
        }
        this.maxEventThreads = maxEventThreads;
        return this;
    }

    /**
     * Where events are delivered instead of an event pool made here, for instance
     * {@code Executors.newVirtualThreadPerTaskExecutor()} on JDK 21+; the caller shuts it down. Each client
     * runs one task at a time on it, so it must not run tasks on the calling thread (the event loop).
     *
     * @param eventExecutor the executor, or null to make a pool
     * @return this builder
     */
    public AmiClientResourcesBuilder eventExecutor(Executor eventExecutor) {
        this.eventExecutor = eventExecutor;
        return this;
    }

    /** {@return new resources; the builder may build again, each with threads of its own} */
    public AmiClientResources build() {
        return new AmiClientResources(this);
    }
}
