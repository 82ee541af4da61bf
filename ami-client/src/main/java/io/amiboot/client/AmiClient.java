package io.amiboot.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * A non-blocking client of one Asterisk Manager Interface: it logs in, keeps the connection up (reconnecting
 * with backoff and logging in again), sends actions with {@link #send(AmiAction)}, and delivers events to
 * listeners and to {@link #events()}.
 *
 * <pre>{@code
 * try (AmiClient ami = AmiClient.connect("ami://admin:secret@127.0.0.1:5038").join()) {
 *     ami.addEventListener(event -> System.out.println(event.name()));
 *     AmiResponse channels = ami.send(AmiAction.of("CoreShowChannels")).join();
 *     channels.events().forEach(channel -> System.out.println(channel.get("Channel")));
 * }
 * }</pre>
 *
 * <p>Threads: socket I/O runs on a Netty event loop; events and connection notices reach listeners on one
 * event thread per client, in wire order; action futures complete on a callback pool. The event loop group and
 * callback pool are {@link AmiClientResources}, the client's own unless given shared ones. No user code runs on
 * the event loop, so any of it may block, even on another action's {@code join()}.
 *
 * <p>Actions are pipelined (many may be in flight) and never queued while disconnected: {@code send} then
 * fails at once with an {@link AmiConnectionException}, and the caller decides whether to retry once a
 * {@link AmiConnectionState#CONNECTED} notice arrives.
 */
public final class AmiClient implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(AmiClient.class);

    private final AmiClientOptions options;

    private final AmiClientResources resources;

    /** Whether {@link #resources} were made for this client alone, and so are closed with it. */
    private final boolean ownsResources;

    private final EventDispatcher dispatcher;

    private final ConnectionSupervisor supervisor;

    private final AtomicInteger inFlight = new AtomicInteger();

    private AmiClient(AmiClientResources resources, boolean ownsResources, AmiClientOptions options) {
        this.options = options;
        this.resources = resources;
        this.ownsResources = ownsResources;
        if (resources.isClosed()) {
            throw new IllegalStateException("The resources given to AMI client '" + options.name() + "' are closed");
        }
        logger.debug("AMI client {} reads through the {} transport", options.name(), resources.transport());
        this.dispatcher = new EventDispatcher(options.name(), options.eventBufferSize(), options.eventBufferBytes(),
                options.overflowPolicy(), options.observer());
        this.supervisor = new ConnectionSupervisor(this, options, resources, dispatcher);
    }

    /** A client that has not connected yet; call {@link #start()} or {@link #connect()}. */
    public static AmiClient create(AmiClientOptions options) {
        Objects.requireNonNull(options, "options");
        AmiClientResources own = AmiClientResources.builder().name(options.name())
                .nativeTransport(options.nativeTransport()).build();
        return new AmiClient(own, true, options);
    }

    /**
     * A client that has not connected yet, on {@code resources} that others may share; closing the client
     * leaves them running, for whoever created them to close.
     */
    public static AmiClient create(AmiClientResources resources, AmiClientOptions options) {
        return new AmiClient(Objects.requireNonNull(resources, "resources"), false, Objects.requireNonNull(options, "options"));
    }

    /**
     * Connects and logs in to the server of an {@code ami://user:secret@host[:port]} URL; the future fails if
     * the first attempt does, and the client is then closed.
     */
    public static CompletableFuture<AmiClient> connect(String url) {
        return connect(AmiClientOptions.builder(url).build());
    }

    /** Like {@link #connect(String)}, with options. */
    public static CompletableFuture<AmiClient> connect(AmiClientOptions options) {
        return create(options).connect();
    }

    /**
     * Connects in the background and keeps reconnecting until logged in (and after any later loss); the future
     * completes at the first login and fails only if the client is closed first or reconnecting is off.
     */
    public CompletableFuture<AmiClient> start() {
        return supervisor.start(false);
    }

    /**
     * Connects and logs in once; the future fails (and the client closes) if that first attempt fails.
     * Later connection losses are reconnected as usual.
     */
    public CompletableFuture<AmiClient> connect() {
        return supervisor.start(true);
    }

    /** Sends an action with the default timeout. */
    public CompletableFuture<AmiResponse> send(AmiAction action) {
        return send(action, options.actionTimeout());
    }

    /**
     * Sends an action; the future completes with its response (for a list action, once the whole list has
     * arrived) and fails with {@link AmiActionException} on {@code Response: Error}, {@link AmiTimeoutException}
     * after {@code timeout}, or {@link AmiConnectionException} when not connected or when the connection drops.
     * A {@code Logoff} completes with {@code Response: Goodbye} and then closes this client.
     */
    public CompletableFuture<AmiResponse> send(AmiAction action, Duration timeout) {
        Objects.requireNonNull(action, "action");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Action timeout must be positive but is " + timeout);
        }
        AmiConnection connection = supervisor.connected();
        if (connection == null) {
            return CompletableFuture.failedFuture(new AmiConnectionException("Action " + action.name()
                    + " not sent: the client is " + supervisor.state() + " (Asterisk at " + options.url().host() + ":"
                    + options.url().port() + "); actions are not queued while disconnected"));
        }
        if (action.name().equalsIgnoreCase("Logoff")) {
            connection.loggingOff = true;
        }
        CompletableFuture<AmiResponse> response = connection.write(action, timeout);
        inFlight.incrementAndGet();
        response.whenComplete((r, failure) -> inFlight.decrementAndGet());
        return response;
    }

    /** {@link #send(AmiAction)} as a {@link Mono}: sent on subscription, cancelled with it. */
    public Mono<AmiResponse> sendMono(AmiAction action) {
        return Mono.fromFuture(() -> send(action));
    }

    /** {@link #send(AmiAction, Duration)} as a {@link Mono}: sent on subscription, cancelled with it. */
    public Mono<AmiResponse> sendMono(AmiAction action, Duration timeout) {
        return Mono.fromFuture(() -> send(action, timeout));
    }

    /**
     * Adds a listener for every event not answering a pending list action, in wire order, on the event thread.
     * @return a registration whose {@code close()} removes the listener
     */
    public Registration addEventListener(AmiEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        dispatcher.addEventListener(listener);
        return () -> dispatcher.removeEventListener(listener);
    }

    /** Adds a listener for connection state changes and dropped events, in order with the events. */
    public Registration addConnectionListener(AmiConnectionListener listener) {
        Objects.requireNonNull(listener, "listener");
        dispatcher.addConnectionListener(listener);
        return () -> dispatcher.removeConnectionListener(listener);
    }

    /**
     * Every event as a hot {@link Flux}, from subscription on. A subscriber that requests less than it is sent
     * gets up to the client's event buffer size held for it; past that the newest events are dropped for that
     * subscriber alone and reported to {@link AmiClientObserver#eventsDropped} (so the metrics count them), not
     * in {@link #droppedEvents()}, which counts what the client's own buffer dropped for every listener.
     */
    public Flux<AmiEvent> events() {
        return Flux.<AmiEvent>create(sink -> {
            Registration registration = addEventListener(sink::next);
            sink.onDispose(registration::close);
        }, FluxSink.OverflowStrategy.BUFFER).onBackpressureBuffer(options.eventBufferSize(),
                dropped -> options.observer().eventsDropped(1), BufferOverflowStrategy.DROP_LATEST);
    }

    /** The connection's current state. */
    public AmiConnectionState state() {
        return supervisor.state();
    }

    /** The last connection notice: state, versions, and why it went down. */
    public AmiConnectionEvent lastConnectionEvent() {
        return supervisor.lastConnectionEvent();
    }

    /** The AMI version from the banner ({@code 11.0.0} on Asterisk 22), or {@code null} before the first banner. */
    public String managerVersion() {
        return supervisor.managerVersion();
    }

    /** The Asterisk version reported by {@code CoreSettings} at login, or {@code null} if not (yet) known. */
    public String asteriskVersion() {
        return supervisor.asteriskVersion();
    }

    /**
     * Whether Asterisk said {@code FullyBooted} on the current connection: all its modules are loaded, so
     * actions such as {@code Originate} find the dialplan. Asterisk sends it right after login once booted.
     */
    public boolean isAsteriskFullyBooted() {
        return supervisor.isAsteriskFullyBooted();
    }

    /** Events dropped so far because subscribers fell behind. */
    public long droppedEvents() {
        return dispatcher.droppedEvents();
    }

    /** Events read and waiting for subscribers. */
    public int bufferedEvents() {
        return dispatcher.bufferedEvents();
    }

    /** Actions sent and not yet answered. */
    public int inFlightActions() {
        return inFlight.get();
    }

    /** Reconnect attempts made so far. */
    public long reconnectAttempts() {
        return supervisor.reconnectAttempts();
    }

    /** This client's options. */
    public AmiClientOptions options() {
        return options;
    }

    /** The threads this client runs on: its own, or those it was given (and does not close). */
    public AmiClientResources resources() {
        return resources;
    }

    /**
     * Logs off (when connected), closes the connection, fails whatever is in flight, and stops every thread
     * the client owns. Safe to call more than once and from any thread but the event loop.
     */
    @Override
    public void close() {
        if (!supervisor.close()) {
            return;
        }
        dispatcher.stop(2000);
        if (ownsResources) {
            resources.close();
        }
        logger.info("AMI client '{}' closed", options.name());
    }

    @Override
    public String toString() {
        return "AmiClient[" + options.name() + ", " + options.url() + ", " + state() + "]";
    }

    /** A listener registration; {@link #close()} removes the listener. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {

        @Override
        void close();
    }
}
