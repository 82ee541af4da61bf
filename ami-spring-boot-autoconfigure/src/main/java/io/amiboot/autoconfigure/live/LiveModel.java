package io.amiboot.autoconfigure.live;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionEvent;
import io.amiboot.client.AmiConnectionListener;
import io.amiboot.client.AmiConnectionState;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The live model of one Asterisk: calls, queues and endpoints, rebuilt from a snapshot on every (re)connect and
 * after dropped events, kept current by events, and publishing every change as a {@link LiveDelta}.
 *
 * <p>While a snapshot is being fetched, events are held back and applied after it, so nothing that happens
 * during the rebuild is lost. Nothing here blocks: snapshots are fetched with the client's asynchronous actions.
 */
public final class LiveModel implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(LiveModel.class);

    /** Held-back events beyond which a rebuild starts over rather than holding more. */
    static final int MAX_HELD_EVENTS = 100_000;

    private final AmiClient client;

    private final Object lock = new Object();

    private final LiveModelState state;

    private final List<Consumer<LiveDelta>> listeners = new CopyOnWriteArrayList<>();

    private final List<AmiEvent> held = new ArrayList<>();

    private final List<AmiClient.Registration> registrations = new ArrayList<>();

    /** Guarded by {@link #lock}: the number of the snapshot being fetched, 0 when none. */
    private long pendingSnapshot;

    /** Guarded by {@link #lock}. */
    private long snapshots;

    /**
     * Whether the notice of the current login was delivered. Asterisk sends {@code FullyBooted} right after each
     * login, before that notice (which rebuilds anyway); only one after it is news: Asterisk finished booting
     * after the client logged in, and the snapshot taken at login may miss what the boot brought up.
     */
    private volatile boolean loggedIn;

    /** A model of {@code client}'s Asterisk; call {@link #start()} to feed it. */
    public LiveModel(AmiClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.state = new LiveModelState(clock);
    }

    /** Starts listening to the client, and rebuilds at once if it is already connected. */
    public LiveModel start() {
        registrations.add(client.addEventListener(this::onEvent));
        registrations.add(client.addConnectionListener(new AmiConnectionListener() {
            @Override
            public void onStateChange(AmiConnectionEvent event) {
                onConnectionChange(event.state());
            }

            @Override
            public void onEventsDropped(long dropped, long totalDropped) {
                logger.warn("{} AMI events were dropped; rebuilding the live model", dropped);
                rebuild();
            }
        }));
        if (client.state() == AmiConnectionState.CONNECTED) {
            loggedIn = true;
            rebuild();
        }
        return this;
    }

    /** The current model. */
    public LiveSnapshot snapshot() {
        synchronized (lock) {
            return state.snapshot();
        }
    }

    /**
     * Calls {@code listener} with a {@link LiveDelta.Resynced} of the current model, then with every change, in
     * order and one at a time. The listener must be quick and must not block.
     * @return a registration whose {@code close()} stops the calls
     */
    public AmiClient.Registration listen(Consumer<LiveDelta> listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (lock) {
            LiveSnapshot now = state.snapshot();
            listener.accept(new LiveDelta.Resynced(now.version(), now));
            listeners.add(listener);
        }
        return () -> listeners.remove(listener);
    }

    /** {@link #listen(Consumer)} as a {@link Flux}, buffering for a slow subscriber without bound. */
    public Flux<LiveDelta> changes() {
        return Flux.create(sink -> {
            AmiClient.Registration registration = listen(sink::next);
            sink.onDispose(registration::close);
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    /** Fetches a fresh snapshot and replaces the model with it. */
    public void rebuild() {
        long number;
        synchronized (lock) {
            number = ++snapshots;
            pendingSnapshot = number;
            held.clear();
        }
        CompletableFuture<List<AmiEvent>> channels = list("CoreShowChannels", true);
        CompletableFuture<List<AmiEvent>> queues = list("QueueStatus", false);
        CompletableFuture<List<AmiEvent>> endpoints = list("PJSIPShowEndpoints", false);
        CompletableFuture.allOf(channels, queues, endpoints).whenComplete((done, failure) -> {
            synchronized (lock) {
                if (pendingSnapshot != number) {
                    return;
                }
                pendingSnapshot = 0;
                if (failure != null) {
                    if (client.state() == AmiConnectionState.CONNECTED) {
                        logger.warn("Could not rebuild the live model: {}", failure.toString());
                    }
                    emit(state.disconnect());
                    held.clear();
                    return;
                }
                emit(state.load(new AmiSnapshot(channels.join(), queues.join(), endpoints.join())));
                held.forEach(event -> state.apply(event).forEach(this::emit));
                held.clear();
            }
        });
    }

    private CompletableFuture<List<AmiEvent>> list(String action, boolean required) {
        CompletableFuture<List<AmiEvent>> entries = client.send(AmiAction.of(action)).thenApply(AmiResponse::events);
        if (required) {
            return entries;
        }
        return entries.exceptionally(failure -> {
            logger.debug("{} gave nothing: {}", action, failure.toString());
            return List.of();
        });
    }

    private void onEvent(AmiEvent event) {
        if (event.is("FullyBooted")) {
            // Judged by the notices delivered so far, not the client's state now: the state may already be
            // CONNECTED while the login's own FullyBooted is delivered, which would rebuild twice per login.
            if (loggedIn) {
                rebuild();
            }
            return;
        }
        synchronized (lock) {
            if (pendingSnapshot != 0) {
                held.add(event);
                if (held.size() > MAX_HELD_EVENTS) {
                    rebuild();
                }
                return;
            }
            state.apply(event).forEach(this::emit);
        }
    }

    private void onConnectionChange(AmiConnectionState connection) {
        if (connection == AmiConnectionState.CONNECTED) {
            loggedIn = true;
            rebuild();
        }
        else if (connection == AmiConnectionState.DISCONNECTED || connection == AmiConnectionState.CLOSED) {
            loggedIn = false;
            synchronized (lock) {
                pendingSnapshot = 0;
                held.clear();
                emit(state.disconnect());
            }
        }
    }

    private void emit(LiveDelta delta) {
        for (Consumer<LiveDelta> listener : listeners) {
            try {
                listener.accept(delta);
            }
            catch (RuntimeException failure) {
                logger.warn("A live model listener failed on {}", delta.getClass().getSimpleName(), failure);
            }
        }
    }

    /** Stops listening to the client. */
    @Override
    public void close() {
        registrations.forEach(AmiClient.Registration::close);
        registrations.clear();
        listeners.clear();
    }
}
