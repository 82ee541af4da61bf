package io.amiboot.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
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
 * event thread per client, in wire order; action futures complete on a callback pool. No user code runs on
 * the event loop, so any of it may block, even on another action's {@code join()}.
 *
 * <p>Actions are pipelined (many may be in flight) and never queued while disconnected: {@code send} then
 * fails at once with an {@link AmiConnectionException}, and the caller decides whether to retry once a
 * {@link AmiConnectionState#CONNECTED} notice arrives.
 */
public final class AmiClient implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(AmiClient.class);

    private final AmiClientOptions options;

    private final EventLoopGroup group;

    private final boolean ownsGroup;

    private final ExecutorService ownedCallbackPool;

    private final Executor callbackExecutor;

    private final EventDispatcher dispatcher;

    private final Bootstrap bootstrap;

    private final Object lock = new Object();

    private final CompletableFuture<AmiClient> firstLogin = new CompletableFuture<>();

    private final AtomicInteger inFlight = new AtomicInteger();

    private final AtomicLong reconnects = new AtomicLong();

    private volatile AmiConnectionState state = AmiConnectionState.NEW;

    private volatile Connection current;

    private volatile AmiConnectionEvent lastConnectionEvent = new AmiConnectionEvent(AmiConnectionState.NEW, null, null, null, 0, null);

    private volatile String managerVersion;

    private volatile String asteriskVersion;

    private volatile boolean asteriskFullyBooted;

    /** Used under {@link #lock}. */
    private final ReconnectBackoff backoff;

    /** Guarded by {@link #lock}. */
    private boolean failOnFirstAttempt;

    /** Guarded by {@link #lock}. */
    private ScheduledFuture<?> reconnectTask;

    private AmiClient(AmiClientOptions options) {
        this.options = options;
        String name = options.name();
        NettyTransport transport;
        if (options.eventLoopGroup() != null) {
            this.group = options.eventLoopGroup();
            this.ownsGroup = false;
            transport = NettyTransport.of(group);
        }
        else {
            transport = NettyTransport.choose(options.nativeTransport());
            this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ami-io-" + name, true),
                    transport.ioHandlerFactory());
            this.ownsGroup = true;
        }
        logger.debug("AMI client {} reads through the {} transport", name, transport);
        if (options.callbackExecutor() != null) {
            this.ownedCallbackPool = null;
            this.callbackExecutor = options.callbackExecutor();
        }
        else {
            this.ownedCallbackPool = newCallbackPool(name);
            this.callbackExecutor = ownedCallbackPool;
        }
        this.backoff = new ReconnectBackoff(options.reconnect());
        this.dispatcher = new EventDispatcher(name, options.eventBufferSize(), options.eventBufferBytes(),
                options.overflowPolicy(), options.observer());
        this.bootstrap = new Bootstrap().group(group)
                .channel(transport.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true);
        options.bootstrapCustomizer().accept(bootstrap);
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

    /** A client that has not connected yet; call {@link #start()} or {@link #connect()}. */
    public static AmiClient create(AmiClientOptions options) {
        return new AmiClient(Objects.requireNonNull(options, "options"));
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
        synchronized (lock) {
            if (state == AmiConnectionState.NEW) {
                attemptConnection();
            }
        }
        return firstLogin.copy();
    }

    /**
     * Connects and logs in once; the future fails (and the client closes) if that first attempt fails.
     * Later connection losses are reconnected as usual.
     */
    public CompletableFuture<AmiClient> connect() {
        synchronized (lock) {
            if (state == AmiConnectionState.NEW) {
                failOnFirstAttempt = true;
                attemptConnection();
            }
        }
        return firstLogin.copy();
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
        Connection connection = current;
        if (state != AmiConnectionState.CONNECTED || connection == null) {
            return CompletableFuture.failedFuture(new AmiConnectionException("Action " + action.name()
                    + " not sent: the client is " + state + " (Asterisk at " + options.url().host() + ":"
                    + options.url().port() + "); actions are not queued while disconnected"));
        }
        if (action.name().equalsIgnoreCase("Logoff")) {
            connection.loggingOff = true;
        }
        CompletableFuture<AmiResponse> response = write(connection, action, timeout);
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
     * gets up to the client's event buffer size held for it; past that the newest events are dropped and
     * counted in {@link #droppedEvents()}.
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
        return state;
    }

    /** The last connection notice: state, versions, and why it went down. */
    public AmiConnectionEvent lastConnectionEvent() {
        return lastConnectionEvent;
    }

    /** The AMI version from the banner ({@code 11.0.0} on Asterisk 22), or {@code null} before the first banner. */
    public String managerVersion() {
        return managerVersion;
    }

    /** The Asterisk version reported by {@code CoreSettings} at login, or {@code null} if not (yet) known. */
    public String asteriskVersion() {
        return asteriskVersion;
    }

    /**
     * Whether Asterisk said {@code FullyBooted} on the current connection: all its modules are loaded, so
     * actions such as {@code Originate} find the dialplan. Asterisk sends it right after login once booted.
     */
    public boolean isAsteriskFullyBooted() {
        return asteriskFullyBooted;
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
        return reconnects.get();
    }

    /** This client's options. */
    public AmiClientOptions options() {
        return options;
    }

    /**
     * Logs off (when connected), closes the connection, fails whatever is in flight, and stops every thread
     * the client owns. Safe to call more than once and from any thread but the event loop.
     */
    @Override
    public void close() {
        Connection connection;
        synchronized (lock) {
            if (state == AmiConnectionState.CLOSED) {
                return;
            }
            state = AmiConnectionState.CLOSED;
            if (reconnectTask != null) {
                reconnectTask.cancel(false);
            }
            connection = current;
            current = null;
        }
        if (connection != null && connection.channel.isActive() && connection.loggedIn && !connection.loggingOff) {
            connection.loggingOff = true;
            try {
                write(connection, AmiAction.of("Logoff"), Duration.ofSeconds(2)).get(2, TimeUnit.SECONDS);
            }
            catch (Exception ex) {
                logger.debug("Logoff before close did not complete: {}", ex.toString());
            }
        }
        if (connection != null) {
            connection.channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        firstLogin.completeExceptionally(new AmiConnectionException("The AMI client was closed"));
        publish(new AmiConnectionEvent(AmiConnectionState.CLOSED, managerVersion, asteriskVersion, null, 0, null));
        dispatcher.stop(2000);
        if (ownsGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
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
        logger.info("AMI client '{}' closed", options.name());
    }

    @Override
    public String toString() {
        return "AmiClient[" + options.name() + ", " + options.url() + ", " + state + "]";
    }

    // --- connection handling -------------------------------------------------------------------------------

    /** Opens a connection and logs in; the outcome arrives in {@link #loggedIn} or {@link #ended}. */
    private void attemptConnection() {
        state = AmiConnectionState.CONNECTING;
        publish(new AmiConnectionEvent(AmiConnectionState.CONNECTING, managerVersion, asteriskVersion, null,
                backoff.failedAttempts(), null));
        Connection connection = new Connection();
        AmiUrl url = options.url();
        SslContext sslContext;
        try {
            sslContext = url.tls() ? sslContext() : null;
        }
        catch (SSLException ex) {
            ended(connection, new AmiConnectionException("Cannot set up TLS for " + url + ": " + ex.getMessage(), ex));
            return;
        }
        Bootstrap attempt = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                connection.channel = channel;
                ActionCorrelator correlator = new ActionCorrelator(this::complete, options.observer(), ActionIds.random(),
                        options.maxListBytes());
                OutboundQueue outbound = new OutboundQueue(channel, callbackExecutor, options.maxUnansweredActions(),
                        correlator::inFlight);
                correlator.onSettled(outbound::resume);
                connection.outbound = outbound;
                ChannelPipeline pipeline = channel.pipeline();
                if (sslContext != null) {
                    pipeline.addLast("tls", AmiTls.handler(sslContext, channel, url, connection::failed));
                }
                pipeline.addLast("frames", new AmiFrameDecoder(options.maxLineLength(), options.maxMessageSize()));
                pipeline.addLast("messages", new AmiMessageDecoder());
                pipeline.addLast("encoder", new AmiActionEncoder());
                pipeline.addLast("correlator", correlator);
                pipeline.addLast("session", new AmiSessionHandler(dispatcher, connection));
            }

            private void complete(Runnable completion) {
                try {
                    callbackExecutor.execute(completion);
                }
                catch (RejectedExecutionException ex) {
                    completion.run();
                }
            }
        });
        ChannelFuture connected = attempt.connect(url.host(), url.port());
        connected.addListener(done -> {
            if (!done.isSuccess()) {
                ended(connection, new AmiConnectionException("Cannot connect to Asterisk at " + url.host() + ":"
                        + url.port() + ": " + done.cause().getMessage(), done.cause()));
                return;
            }
            Channel channel = connected.channel();
            ScheduledFuture<?> bannerTimeout = channel.eventLoop().schedule(() -> {
                connection.failed(new AmiConnectionException("Asterisk at " + url.host() + ":" + url.port()
                        + " accepted the connection but sent no AMI banner within " + options.connectTimeout()));
                channel.close();
            }, options.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
            connection.banner.whenComplete((banner, failure) -> bannerTimeout.cancel(false));
            connection.handshake = connection.banner.thenCompose(banner -> {
                managerVersion = banner.version();
                return login(connection);
            }).whenComplete((ignored, failure) -> {
                if (failure == null) {
                    loggedIn(connection);
                }
                else {
                    connection.failed(unwrap(failure));
                    channel.close();
                }
            });
        });
    }

    private CompletableFuture<Void> login(Connection connection) {
        AmiUrl url = options.url();
        Duration timeout = options.actionTimeout();
        CompletableFuture<AmiResponse> login;
        if (options.authType() == AmiAuthType.MD5) {
            login = write(connection, AmiAction.builder("Challenge").header("AuthType", "MD5").build(), timeout)
                    .thenCompose(challenge -> write(connection, AmiAction.builder("Login")
                            .header("AuthType", "MD5")
                            .header("Username", url.username())
                            .header("Key", md5Hex(Objects.toString(challenge.get("Challenge"), "") + url.secret()))
                            .header("Events", options.eventMask())
                            .build(), timeout, () -> authenticated(connection)));
        }
        else {
            login = write(connection, AmiAction.builder("Login")
                    .header("Username", url.username())
                    .header("Secret", url.secret())
                    .header("Events", options.eventMask())
                    .build(), timeout, () -> authenticated(connection));
        }
        return login.handle((response, failure) -> {
            Throwable cause = unwrap(failure);
            if (cause instanceof AmiActionException refused) {
                throw new AmiAuthenticationException(url.username(), Objects.toString(refused.response().message(), "no reason given"));
            }
            if (cause != null) {
                throw cause instanceof RuntimeException runtime ? runtime : new AmiConnectionException(cause.getMessage(), cause);
            }
            return response;
        }).thenCompose(accepted -> write(connection, AmiAction.of("CoreSettings"), timeout)
                .handle((settings, failure) -> {
                    // Best effort: a user without 'system' read permission still connects.
                    if (settings != null && settings.get("AsteriskVersion") != null) {
                        asteriskVersion = settings.get("AsteriskVersion");
                    }
                    return null;
                }));
    }

    /**
     * Asterisk accepted the login: from here on actions can be sent. Runs on the event loop as the response is
     * read, so that listeners of the events that follow it (FullyBooted first) may already send actions.
     */
    private void authenticated(Connection connection) {
        synchronized (lock) {
            if (state == AmiConnectionState.CLOSED || connection.ended.get()) {
                return;
            }
            connection.loggedIn = true;
            if (!options.keepaliveInterval().isZero()) {
                connection.channel.pipeline().addAfter("messages", "keepalive", new KeepaliveHandler(options.keepaliveInterval()));
            }
            current = connection;
            backoff.loggedIn(System.nanoTime());
            state = AmiConnectionState.CONNECTED;
        }
    }

    /** The Asterisk version is known (or could not be): tell listeners, and whoever waits for the first login. */
    private void loggedIn(Connection connection) {
        synchronized (lock) {
            if (state == AmiConnectionState.CLOSED || connection.ended.get() || !connection.loggedIn) {
                connection.channel.close();
                return;
            }
        }
        logger.info("AMI client '{}' logged in to Asterisk {} (AMI {}) at {}:{} as {}", options.name(),
                asteriskVersion, managerVersion, options.url().host(), options.url().port(), options.url().username());
        publish(new AmiConnectionEvent(AmiConnectionState.CONNECTED, managerVersion, asteriskVersion, null, 0, null));
        firstLogin.complete(this);
    }

    /** A connection (or an attempt) is over; decides whether and when to try again. */
    private void ended(Connection connection, Throwable cause) {
        if (!connection.ended.compareAndSet(false, true)) {
            return;
        }
        boolean closeClient = false;
        AmiConnectionEvent notice;
        synchronized (lock) {
            if (state == AmiConnectionState.CLOSED) {
                return;
            }
            if (current == connection) {
                current = null;
            }
            asteriskFullyBooted = false;
            if (connection.loggingOff) {
                logger.info("AMI client '{}' logged off", options.name());
                closeClient = true;
                notice = null;
            }
            else if (!connection.loggedIn && failOnFirstAttempt && !firstLogin.isDone()) {
                logger.warn("AMI client '{}' could not log in to {}: {}", options.name(), options.url(), cause.getMessage());
                firstLogin.completeExceptionally(cause);
                closeClient = true;
                notice = null;
            }
            else {
                if (connection.loggedIn) {
                    logger.warn("AMI client '{}' lost its connection to {}: {}", options.name(), options.url(), cause.getMessage());
                }
                else {
                    logger.warn("AMI client '{}' could not log in to {}: {}", options.name(), options.url(), cause.getMessage());
                }
                state = AmiConnectionState.DISCONNECTED;
                if (options.reconnect().enabled()) {
                    int attempt = backoff.ended(System.nanoTime(), connection.shutdown != null && connection.failure == null);
                    Duration delay = backoff.delayBefore(attempt);
                    reconnectTask = group.next().schedule(this::reconnect, delay.toNanos(), TimeUnit.NANOSECONDS);
                    notice = new AmiConnectionEvent(AmiConnectionState.DISCONNECTED, managerVersion, asteriskVersion, cause, attempt, delay);
                }
                else {
                    notice = new AmiConnectionEvent(AmiConnectionState.DISCONNECTED, managerVersion, asteriskVersion, cause, 0, null);
                    firstLogin.completeExceptionally(cause);
                }
            }
        }
        if (notice != null) {
            publish(notice);
        }
        if (closeClient) {
            // close() waits for threads this callback may run on; let another thread do it.
            new Thread(this::close, "ami-close-" + options.name()).start();
        }
    }

    private void reconnect() {
        synchronized (lock) {
            if (state != AmiConnectionState.DISCONNECTED) {
                return;
            }
            reconnects.incrementAndGet();
            options.observer().reconnecting(backoff.failedAttempts());
            attemptConnection();
        }
    }

    private CompletableFuture<AmiResponse> write(Connection connection, AmiAction action, Duration timeout) {
        return write(connection, action, timeout, null);
    }

    private CompletableFuture<AmiResponse> write(Connection connection, AmiAction action, Duration timeout,
            Runnable onAcceptedInLoop) {
        CompletableFuture<AmiResponse> response = new CompletableFuture<>();
        connection.outbound.send(new PendingAction(action, response, timeout, onAcceptedInLoop));
        return response;
    }

    private void publish(AmiConnectionEvent event) {
        lastConnectionEvent = event;
        dispatcher.submitNotice(event);
    }

    private SslContext sslContext() throws SSLException {
        return options.sslContext() != null ? options.sslContext() : AmiTls.clientContextBuilder().build();
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("MD5 is not available in this JVM", ex);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof DecoderException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A listener registration; {@link #close()} removes the listener. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {

        @Override
        void close();
    }

    /** One TCP connection and what it has reported. */
    private final class Connection implements AmiSessionHandler.Callbacks {

        final CompletableFuture<AmiBanner> banner = new CompletableFuture<>();

        final AtomicBoolean ended = new AtomicBoolean();

        volatile Channel channel;

        volatile OutboundQueue outbound;

        /** Banner, login and the outcome recorded; {@code null} until the TCP connection is up. */
        volatile CompletableFuture<Void> handshake;

        volatile Throwable failure;

        volatile AmiEvent shutdown;

        volatile boolean loggedIn;

        volatile boolean loggingOff;

        @Override
        public void bannerReceived(AmiBanner received) {
            banner.complete(received);
        }

        @Override
        public void shutdownAnnounced(AmiEvent event) {
            shutdown = event;
        }

        @Override
        public void fullyBooted(AmiEvent event) {
            if (current == this || current == null) {
                asteriskFullyBooted = true;
            }
        }

        @Override
        public void eventBufferOverflowed() {
            failed(new AmiConnectionException("Subscribers fell " + options.eventBufferSize() + " events or "
                    + options.eventBufferBytes() + " bytes behind; reconnecting as the RECONNECT overflow policy says"));
            channel.close();
        }

        @Override
        public void failed(Throwable cause) {
            if (failure == null) {
                failure = unwrap(cause);
            }
        }

        @Override
        public void closed() {
            Throwable cause = failure != null ? failure : new AmiConnectionException("Asterisk closed the connection");
            banner.completeExceptionally(cause);
            CompletableFuture<Void> login = handshake;
            if (login != null && !login.isDone()) {
                // Asterisk closes right after refusing a login; let the refusal, still on its way to the
                // callback pool, be the reason rather than the close.
                login.whenComplete((ignored, failure) -> reportClosed());
            }
            else {
                reportClosed();
            }
        }

        private void reportClosed() {
            Throwable cause = failure;
            if (cause == null && shutdown != null) {
                cause = new AmiConnectionException("Asterisk shut down (Shutdown: " + shutdown.get("Shutdown")
                        + ", Restart: " + shutdown.get("Restart") + ")");
            }
            if (cause == null) {
                cause = new AmiConnectionException(loggingOff ? "Logged off" : "Asterisk closed the connection");
            }
            ended(this, cause);
        }
    }
}
