package io.amiboot.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine of one client's connection: connect, read the banner, log in ({@link LoginHandshake}),
 * and when the connection or an attempt ends, reconnect after the {@link ReconnectBackoff}'s delay or give up.
 * Every state change is published, in order with the events, through the {@link EventDispatcher}.
 */
final class ConnectionSupervisor implements AmiConnection.Owner {

    private static final Logger logger = LoggerFactory.getLogger(ConnectionSupervisor.class);

    private final AmiClient client;

    private final AmiClientOptions options;

    private final AmiClientResources resources;

    private final EventDispatcher dispatcher;

    private final Bootstrap bootstrap;

    private final Object lock = new Object();

    private final CompletableFuture<AmiClient> firstLogin = new CompletableFuture<>();

    private final AtomicLong reconnects = new AtomicLong();

    private volatile AmiConnectionState state = AmiConnectionState.NEW;

    private volatile AmiConnection current;

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

    ConnectionSupervisor(AmiClient client, AmiClientOptions options, AmiClientResources resources, EventDispatcher dispatcher) {
        this.client = client;
        this.options = options;
        this.resources = resources;
        this.dispatcher = dispatcher;
        this.backoff = new ReconnectBackoff(options.reconnect());
        this.bootstrap = AmiChannelInitializer.bootstrap(options, resources);
    }

    /** Starts connecting unless started already; {@code failOnFirstAttempt} closes the client if that attempt fails. */
    CompletableFuture<AmiClient> start(boolean failOnFirstAttempt) {
        synchronized (lock) {
            if (state == AmiConnectionState.NEW) {
                this.failOnFirstAttempt = failOnFirstAttempt;
                attemptConnection();
            }
        }
        return firstLogin.copy();
    }

    AmiConnectionState state() { return state; }
    AmiConnectionEvent lastConnectionEvent() { return lastConnectionEvent; }
    String managerVersion() { return managerVersion; }
    String asteriskVersion() { return asteriskVersion; }
    boolean isAsteriskFullyBooted() { return asteriskFullyBooted; }
    long reconnectAttempts() { return reconnects.get(); }

    /** The logged-in connection, or {@code null} when not {@link AmiConnectionState#CONNECTED}. */
    AmiConnection connected() {
        AmiConnection connection = current;
        return state == AmiConnectionState.CONNECTED ? connection : null;
    }

    /**
     * Stops reconnecting, logs off (when logged in), closes the connection, and tells listeners and whoever
     * waits for a first login; {@code false} if closed before.
     */
    boolean close() {
        AmiConnection connection;
        synchronized (lock) {
            if (state == AmiConnectionState.CLOSED) {
                return false;
            }
            state = AmiConnectionState.CLOSED;
            if (reconnectTask != null) {
                reconnectTask.cancel(false);
            }
            connection = current;
            current = null;
        }
        if (connection != null && connection.channel.isActive() && connection.loginAccepted && !connection.loggingOff) {
            connection.loggingOff = true;
            try {
                connection.write(AmiAction.of("Logoff"), Duration.ofSeconds(2)).get(2, TimeUnit.SECONDS);
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
        return true;
    }

    /** Opens a connection and logs in; the outcome arrives in {@link #handshakeCompleted} or {@link #ended}. */
    private void attemptConnection() {
        state = AmiConnectionState.CONNECTING;
        publish(new AmiConnectionEvent(AmiConnectionState.CONNECTING, managerVersion, asteriskVersion, null,
                backoff.failedAttempts(), null));
        AmiConnection connection = new AmiConnection(this, options);
        AmiUrl url = options.url();
        SslContext sslContext;
        try {
            sslContext = !url.tls() ? null : options.sslContext() != null ? options.sslContext() : AmiTls.clientContextBuilder().build();
        }
        catch (SSLException ex) {
            ended(connection, new AmiConnectionException("Cannot set up TLS for " + url + ": " + ex.getMessage(), ex));
            return;
        }
        Bootstrap attempt = bootstrap.clone().handler(new AmiChannelInitializer(options, resources.callbackExecutor(),
                dispatcher, connection, sslContext));
        ChannelFuture connected = attempt.connect(url.host(), url.port());
        connected.addListener(done -> {
            if (!done.isSuccess()) {
                ended(connection, new AmiConnectionException("Cannot connect to Asterisk at " + url.host() + ":"
                        + url.port() + ": " + done.cause().getMessage(), done.cause()));
                return;
            }
            handshake(connection, connected.channel());
        });
    }

    /** The TCP connection is up: banner (within the connect timeout), login, settings. */
    private void handshake(AmiConnection connection, Channel channel) {
        AmiUrl url = options.url();
        ScheduledFuture<?> bannerTimeout = channel.eventLoop().schedule(() -> {
            connection.failed(new AmiConnectionException("Asterisk at " + url.host() + ":" + url.port()
                    + " accepted the connection but sent no AMI banner within " + options.connectTimeout()));
            channel.close();
        }, options.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        connection.banner.whenComplete((banner, failure) -> bannerTimeout.cancel(false));
        LoginHandshake login = new LoginHandshake(options, connection, () -> loginAccepted(connection));
        connection.handshake = connection.banner.thenCompose(banner -> {
            managerVersion = banner.version();
            return login.run();
        }).<Void>handle((version, failure) -> {
            if (failure == null) {
                if (version != null) {
                    asteriskVersion = version;
                }
                handshakeCompleted(connection);
            }
            else {
                connection.failed(AmiConnection.unwrap(failure));
                channel.close();
            }
            return null;
        });
    }

    /**
     * Step one of two: Asterisk accepted the login, so from here on actions can be sent. Runs on the event loop
     * as the response is read, so that listeners of the events that follow it (FullyBooted first) may already
     * send actions.
     */
    private void loginAccepted(AmiConnection connection) {
        synchronized (lock) {
            if (state == AmiConnectionState.CLOSED || connection.ended.get()) {
                return;
            }
            connection.loginAccepted = true;
            if (!options.keepaliveInterval().isZero()) {
                connection.channel.pipeline().addAfter(AmiChannelInitializer.MESSAGES, "keepalive",
                        new KeepaliveHandler(options.keepaliveInterval()));
            }
            current = connection;
            backoff.loggedIn(System.nanoTime());
            state = AmiConnectionState.CONNECTED;
        }
    }

    /** Step two: the Asterisk version is known (or could not be): tell listeners, and whoever waits for the first login. */
    private void handshakeCompleted(AmiConnection connection) {
        synchronized (lock) {
            if (state == AmiConnectionState.CLOSED || connection.ended.get() || !connection.loginAccepted) {
                connection.channel.close();
                return;
            }
        }
        logger.info("AMI client '{}' logged in to Asterisk {} (AMI {}) at {}:{} as {}", options.name(),
                asteriskVersion, managerVersion, options.url().host(), options.url().port(), options.url().username());
        publish(new AmiConnectionEvent(AmiConnectionState.CONNECTED, managerVersion, asteriskVersion, null, 0, null));
        firstLogin.complete(client);
    }

    @Override
    public void fullyBooted(AmiConnection connection) {
        if (current == connection || current == null) {
            asteriskFullyBooted = true;
        }
    }

    /** A connection (or an attempt) is over; decides whether and when to try again. */
    @Override
    public void ended(AmiConnection connection, Throwable cause) {
        if (!connection.ended.compareAndSet(false, true)) {
            return;
        }
        boolean closeClient = false;
        AmiConnectionEvent notice = null;
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
            }
            else if (!connection.loginAccepted && failOnFirstAttempt && !firstLogin.isDone()) {
                logger.warn("AMI client '{}' could not log in to {}: {}", options.name(), options.url(), cause.getMessage());
                firstLogin.completeExceptionally(cause);
                closeClient = true;
            }
            else {
                logger.warn(connection.loginAccepted ? "AMI client '{}' lost its connection to {}: {}"
                        : "AMI client '{}' could not log in to {}: {}", options.name(), options.url(), cause.getMessage());
                state = AmiConnectionState.DISCONNECTED;
                notice = scheduleReconnect(connection, cause);
            }
        }
        if (notice != null) {
            publish(notice);
        }
        if (closeClient) {
            // close() waits for threads this callback may run on; let another thread do it.
            new Thread(client::close, "ami-close-" + options.name()).start();
        }
    }

    /** Under the lock: the next attempt scheduled by the backoff, or, reconnecting off, the first login failed. */
    private AmiConnectionEvent scheduleReconnect(AmiConnection connection, Throwable cause) {
        if (!options.reconnect().enabled()) {
            firstLogin.completeExceptionally(cause);
            return new AmiConnectionEvent(AmiConnectionState.DISCONNECTED, managerVersion, asteriskVersion, cause, 0, null);
        }
        int attempt = backoff.ended(System.nanoTime(), connection.endedByAnnouncedShutdown());
        Duration delay = backoff.delayBefore(attempt);
        reconnectTask = resources.eventLoopGroup().next().schedule(this::reconnect, delay.toNanos(), TimeUnit.NANOSECONDS);
        return new AmiConnectionEvent(AmiConnectionState.DISCONNECTED, managerVersion, asteriskVersion, cause, attempt, delay);
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

    private void publish(AmiConnectionEvent event) {
        lastConnectionEvent = event;
        dispatcher.submitNotice(event);
    }
}
