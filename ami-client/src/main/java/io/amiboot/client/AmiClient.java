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
 * <p>Threads: socket I/O runs on a Netty event loop; events and connection notices reach listeners on an
 * event thread, one at a time and in wire order (a pool shared by the clients on the same resources, where a
 * listener that blocks holds up only its own client's events); action futures complete on a callback pool.
 * These are {@link AmiClientResources}, the client's own unless given shared ones. No user code runs on
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
        this.dispatcher = new EventDispatcher(options, resources);
        this.supervisor = new ConnectionSupervisor(this, options, resources, dispatcher);
    }

    /**
     * A client that has not connected yet, with resources of its own that it closes with itself.
     * @param options its values; not null
     * @return a new client; call {@link #start()} or {@link #connect()}
     */
    public static AmiClient create(AmiClientOptions options) {
        Objects.requireNonNull(options, "options");
        return new AmiClient(AmiClientResources.builder().name(options.name()).nativeTransport(options.nativeTransport())
                .build(), true, options);
    }

    /**
     * A client that has not connected yet, on {@code resources} that others may share; closing the client
     * leaves them running, for whoever created them to close.
     * @param resources the threads to run on; not null, not closed
     * @param options its values; not null
     * @return a new client; call {@link #start()} or {@link #connect()}
     * @throws IllegalStateException when the resources are closed
     */
    public static AmiClient create(AmiClientResources resources, AmiClientOptions options) {
        return new AmiClient(Objects.requireNonNull(resources, "resources"), false, Objects.requireNonNull(options, "options"));
    }

    /**
     * Connects and logs in to the server of a URL, the other options at their defaults.
     * @param url {@code ami://user:secret@host[:port]} or {@code amis://...}
     * @return a future of the logged-in client; it fails if the first attempt does, and the client is then closed
     */
    public static CompletableFuture<AmiClient> connect(String url) {
        return connect(AmiClientOptions.builder(url).build());
    }

    /**
     * Connects and logs in with {@code options}.
     * @param options the client's values; not null
     * @return a future of the logged-in client; it fails if the first attempt does, and the client is then closed
     */
    public static CompletableFuture<AmiClient> connect(AmiClientOptions options) {
        return create(options).connect();
    }

    /**
     * Connects in the background and keeps reconnecting until logged in (and after any later loss).
     * @return a future of this client that completes at the first login, and fails only if the client is closed
     *         first or reconnecting is off and the first attempt fails
     */
    public CompletableFuture<AmiClient> start() {
        return supervisor.start(false);
    }

    /**
     * Connects and logs in once. Later connection losses are reconnected as usual.
     * @return a future of this client that completes at the login; it fails (and the client closes) if this
     *         first attempt fails
     */
    public CompletableFuture<AmiClient> connect() {
        return supervisor.start(true);
    }

    /**
     * {@return a future of the response, as {@link #send(AmiAction, Duration)} with the options' action timeout}
     * @param action the action; not null
     */
    public CompletableFuture<AmiResponse> send(AmiAction action) {
        return send(action, options.actionTimeout());
    }

    /**
     * Sends an action; the future completes with its response (for a list action, once the whole list has
     * arrived) and fails with {@link AmiActionException} on {@code Response: Error}, {@link AmiTimeoutException}
     * after {@code timeout}, or {@link AmiConnectionException} when not connected or when the connection drops.
     * A {@code Logoff} completes with {@code Response: Goodbye} and then closes this client. Never blocks.
     * @param action the action; not null
     * @param timeout how long to wait for the complete response; positive
     * @return a future of the response, completed on the resources' callback executor
     */
    public CompletableFuture<AmiResponse> send(AmiAction action, Duration timeout) {
        Objects.requireNonNull(action, "action");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Action timeout must be positive but is " + timeout);
        }
        AmiConnection connection = supervisor.connected();
        if (connection == null) {
            return CompletableFuture.failedFuture(AmiConnectionException.notSent(action.name(), supervisor.state(), options.url()));
        }
        if (action.name().equalsIgnoreCase("Logoff")) {
            connection.loggingOff = true;
        }
        CompletableFuture<AmiResponse> response = connection.write(action, timeout);
        inFlight.incrementAndGet();
        response.whenComplete((r, failure) -> inFlight.decrementAndGet());
        return response;
    }

    /**
     * {@return {@link #send(AmiAction)} as a {@link Mono}: sent on each subscription, cancelled with it}
     * @param action the action; not null
     */
    public Mono<AmiResponse> sendMono(AmiAction action) {
        return Mono.fromFuture(() -> send(action));
    }

    /**
     * {@return {@link #send(AmiAction, Duration)} as a {@link Mono}: sent on each subscription, cancelled with it}
     * @param action the action; not null
     * @param timeout how long to wait for the complete response; positive
     */
    public Mono<AmiResponse> sendMono(AmiAction action, Duration timeout) {
        return Mono.fromFuture(() -> send(action, timeout));
    }

    /**
     * Adds a listener for every event not answering a pending list action, in wire order, on the event thread.
     * @param listener called one event at a time; may block, but holds up the events behind it
     * @return a registration whose {@code close()} removes the listener
     */
    public Registration addEventListener(AmiEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        dispatcher.addEventListener(listener);
        return () -> dispatcher.removeEventListener(listener);
    }

    /**
     * Adds a listener for connection state changes and dropped events, on the event thread in order with the events.
     * @param listener the listener; not null
     * @return a registration whose {@code close()} removes the listener
     */
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
     * @return a Flux that registers an event listener per subscriber, removed when the subscription ends
     */
    public Flux<AmiEvent> events() {
        return Flux.<AmiEvent>create(sink -> {
            Registration registration = addEventListener(sink::next);
            sink.onDispose(registration::close);
        }, FluxSink.OverflowStrategy.BUFFER).onBackpressureBuffer(options.eventBufferSize(),
                dropped -> options.observer().eventsDropped(1), BufferOverflowStrategy.DROP_LATEST);
    }

    /** {@return the connection's current state} */
    public AmiConnectionState state() {
        return supervisor.state();
    }

    /** {@return the last connection notice: state, versions, and why it went down} */
    public AmiConnectionEvent lastConnectionEvent() {
        return supervisor.lastConnectionEvent();
    }

    /** {@return the AMI version from the banner ({@code 11.0.0} on Asterisk 22), or null before the first banner} */
    public String managerVersion() {
        return supervisor.managerVersion();
    }

    /** {@return the Asterisk version reported by {@code CoreSettings} at login, or null if not (yet) known} */
    public String asteriskVersion() {
        return supervisor.asteriskVersion();
    }

    /**
     * {@return whether Asterisk said {@code FullyBooted} on the current connection} All its modules are then
     * loaded, so actions such as {@code Originate} find the dialplan. Asterisk sends it right after login once booted.
     */
    public boolean isAsteriskFullyBooted() {
        return supervisor.isAsteriskFullyBooted();
    }

    /** {@return how many events the client's buffer dropped so far because listeners fell behind} */
    public long droppedEvents() {
        return dispatcher.droppedEvents();
    }

    /** {@return how many events were read and wait for listeners now} */
    public int bufferedEvents() {
        return dispatcher.bufferedEvents();
    }

    /** {@return how many actions were sent and their futures not yet completed} */
    public int inFlightActions() {
        return inFlight.get();
    }

    /** {@return how many reconnect attempts were made so far} */
    public long reconnectAttempts() {
        return supervisor.reconnectAttempts();
    }

    /** {@return this client's options} */
    public AmiClientOptions options() {
        return options;
    }

    /** {@return the threads this client runs on: its own, or those it was given (and does not close)} */
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
