package io.amiboot.client;

import io.netty.channel.Channel;
import io.netty.handler.codec.DecoderException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One TCP connection of a client and what it has reported: its banner, how far its login got, why it failed.
 * Its handlers ({@link AmiChannelInitializer}) call it on the event loop; it tells its {@link Owner} (the
 * {@link ConnectionSupervisor}) when Asterisk is booted and when the connection is over, once.
 */
final class AmiConnection implements AmiSessionHandler.Callbacks {

    /** Who hears of this connection's end and of Asterisk's readiness. */
    interface Owner {

        void fullyBooted(AmiConnection connection);

        void ended(AmiConnection connection, Throwable cause);
    }

    private final Owner owner;

    private final AmiClientOptions options;

    final CompletableFuture<AmiBanner> banner = new CompletableFuture<>();

    final AtomicBoolean ended = new AtomicBoolean();

    volatile Channel channel;

    volatile OutboundQueue outbound;

    /** Banner, login and the outcome recorded; {@code null} until the TCP connection is up. */
    volatile CompletableFuture<Void> handshake;

    private volatile Throwable failure;

    private volatile AmiEvent shutdown;

    /** Asterisk accepted the login (actions may be sent); set before the handshake completes. */
    volatile boolean loginAccepted;

    volatile boolean loggingOff;

    AmiConnection(Owner owner, AmiClientOptions options) {
        this.owner = owner;
        this.options = options;
    }

    /** Queues {@code action} for writing; the future completes on the callback executor. */
    CompletableFuture<AmiResponse> write(AmiAction action, Duration timeout) {
        return write(action, timeout, null);
    }

    /** Like {@link #write(AmiAction, Duration)}; {@code onAcceptedInLoop} runs on the event loop on success. */
    CompletableFuture<AmiResponse> write(AmiAction action, Duration timeout, Runnable onAcceptedInLoop) {
        CompletableFuture<AmiResponse> response = new CompletableFuture<>();
        outbound.send(new PendingAction(action, response, timeout, onAcceptedInLoop, channel.eventLoop().ticker()));
        return response;
    }

    @Override
    public void bannerReceived(AmiBanner received) {
        banner.complete(received);
    }

    @Override
    public void shutdownAnnounced(AmiEvent event) {
        shutdown = event;
    }

    /** Whether Asterisk announced its shutdown and nothing else went wrong: the session was healthy to its end. */
    boolean endedByAnnouncedShutdown() {
        return shutdown != null && failure == null;
    }

    @Override
    public void fullyBooted(AmiEvent event) {
        owner.fullyBooted(this);
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
        owner.ended(this, cause);
    }

    /** The cause under the wrappers futures and decoders put around it. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof DecoderException
                || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
