package io.amiboot.live;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionEvent;
import io.amiboot.client.AmiConnectionListener;
import io.amiboot.client.AmiConnectionState;
import io.amiboot.client.AmiEvent;
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
 * The live model of one Asterisk: calls, queues, endpoints, conference rooms and parked calls, rebuilt from a snapshot on every (re)connect and
 * after dropped events, kept current by events, and publishing every change as a {@link LiveDelta}.
 *
 * <p>While a snapshot is being fetched, events are held back and applied after it, so nothing that happens
 * during the rebuild is lost. Rebuilds are paced ({@link LiveModelLimits}): one at a time, at most one per
 * interval, failures retried with backoff. Nothing here blocks: snapshots are fetched with the client's
 * asynchronous actions, and delayed rebuilds are started by the timer of the client's
 * {@link io.amiboot.client.AmiClientResources} (on its callback executor, since they take the model's lock),
 * so a model adds no thread.
 */
public final class LiveModel implements AutoCloseable {

    /**
     * The AMI event classes the model needs ({@code call}, {@code agent}, {@code system}), for
     * {@code ami.events.mask}: without {@code dtmf}, {@code cdr}, {@code security}, {@code user},
     * {@code reporting} and {@code dialplan} ({@code VarSet}, {@code Newexten}; see {@link LiveChannel#application()}).
     */
    public static final String EVENT_MASK = "call,agent,system";

    private static final Logger logger = LoggerFactory.getLogger(LiveModel.class);

    private final AmiClient client;

    private final LiveModelLimits limits;

    private final Object lock = new Object();

    private final LiveModelState state;

    private final List<Consumer<LiveDelta>> listeners = new CopyOnWriteArrayList<>();

    private final HeldEvents held;

    private final RebuildPacer pacer;

    private final DropWarning dropWarning;

    private final List<AmiClient.Registration> registrations = new ArrayList<>();

    /** Guarded by {@link #lock}: the number of the snapshot being fetched, 0 when none. */
    private long pendingSnapshot;

    /** Guarded by {@link #lock}. */
    private long snapshots;

    /** Guarded by {@link #lock}. */
    private boolean closed;

    /**
     * Whether the notice of the current login was delivered. Asterisk sends {@code FullyBooted} right after each
     * login, before that notice (which rebuilds anyway); only one after it is news: Asterisk finished booting
     * after the client logged in, and the snapshot taken at login may miss what the boot brought up.
     */
    private volatile boolean loggedIn;

    /**
     * A model of {@code client}'s Asterisk with the {@link LiveModelLimits#DEFAULTS default limits}; call
     * {@link #start()} to feed it.
     *
     * @param client the client to listen to and fetch snapshots with; not null
     * @param clock where the times of calls and queue entries come from
     */
    public LiveModel(AmiClient client, Clock clock) {
        this(client, clock, LiveModelLimits.DEFAULTS);
    }

    /**
     * A model of {@code client}'s Asterisk; call {@link #start()} to feed it.
     *
     * @param client the client to listen to and fetch snapshots with; not null
     * @param clock where the times of calls and queue entries come from
     * @param limits how often it may rebuild and how much it holds back meanwhile; not null
     */
    public LiveModel(AmiClient client, Clock clock, LiveModelLimits limits) {
        this(client, clock, limits, QueueKpiSettings.DEFAULTS);
    }

    /**
     * A model of {@code client}'s Asterisk counting queue figures as {@code kpis} says; call {@link #start()} to feed it.
     *
     * @param client the client to listen to and fetch snapshots with; not null
     * @param clock where the times of calls and queue entries come from
     * @param limits how often it may rebuild and how much it holds back meanwhile; not null
     * @param kpis the service level threshold and the daily reset of the queue figures; not null
     */
    public LiveModel(AmiClient client, Clock clock, LiveModelLimits limits, QueueKpiSettings kpis) {
        this.client = Objects.requireNonNull(client, "client");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.state = new LiveModelState(clock, Objects.requireNonNull(kpis, "kpis"));
        this.held = new HeldEvents(limits.maxHeldEvents(), limits.maxHeldBytes());
        Scheduler timer = client.resources()::schedule;
        this.pacer = new RebuildPacer(limits.rebuildInterval().toNanos(), limits.retryMaxDelay().toNanos(), timer,
                this::startDue);
        this.dropWarning = new DropWarning(limits.rebuildInterval(), timer);
    }

    /** {@return this model, now listening to the client; it rebuilds at once if the client is already connected} */
    public LiveModel start() {
        registrations.add(client.addEventListener(this::onEvent));
        registrations.add(client.addConnectionListener(new AmiConnectionListener() {
            @Override
            public void onStateChange(AmiConnectionEvent event) {
                onConnectionChange(event.state());
            }

            @Override
            public void onEventsDropped(long dropped, long totalDropped) {
                dropWarning.record(dropped, totalDropped);
                rebuild();
            }
        }));
        if (client.state() == AmiConnectionState.CONNECTED) {
            loggedIn = true;
            rebuild();
        }
        return this;
    }

    /**
     * The current model: one immutable snapshot per version, built once for all who ask for that version and
     * then read without the model's lock, so that polling does not hold up the events.
     *
     * @return the snapshot of the latest version; never null, empty and disconnected before the first rebuild
     */
    public LiveSnapshot snapshot() {
        LiveSnapshot current = state.publishedSnapshot();
        if (current != null) {
            return current;
        }
        synchronized (lock) {
            return state.snapshot();
        }
    }

    /**
     * Calls {@code listener} with a {@link LiveDelta.Resynced} of the current model, then with every change, in
     * order and one at a time. The listener must be quick and must not block.
     *
     * @param listener called under the model's lock: first on the calling thread, then on the client's event
     *        thread or the callback thread that completed a rebuild
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

    /** {@return {@link #listen(Consumer)} as a {@link Flux}, buffering for a slow subscriber without bound} */
    public Flux<LiveDelta> changes() {
        return Flux.create(sink -> {
            AmiClient.Registration registration = listen(sink::next);
            sink.onDispose(registration::close);
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    /**
     * Asks for a fresh snapshot to replace the model with: at once if none was started within the rebuild
     * interval, else at the interval's end; while one is being fetched, after it (many requests, one rebuild).
     */
    public void rebuild() {
        boolean now;
        synchronized (lock) {
            now = !closed && pacer.request(System.nanoTime());
        }
        if (now) {
            startDue();
        }
    }

    /** Starts the rebuild the pacer made due, unless a lost connection cancelled it meanwhile. */
    private void startDue() {
        long number;
        synchronized (lock) {
            if (!pacer.isDue()) {
                return;
            }
            pacer.started(System.nanoTime());
            number = ++snapshots;
            pendingSnapshot = number;
            held.clear();
        }
        SnapshotFetcher.fetch(client).whenComplete((snapshot, failure) -> finish(number, snapshot, failure));
    }

    private void finish(long number, AmiSnapshot snapshot, Throwable failure) {
        boolean now;
        synchronized (lock) {
            if (pendingSnapshot != number) {
                return;
            }
            pendingSnapshot = 0;
            boolean overflowed = held.overflowed();
            if (failure == null && !overflowed) {
                emit(state.load(snapshot));
            }
            else if (failure != null && client.state() == AmiConnectionState.CONNECTED) {
                logger.warn("Could not rebuild the live model (rebuild {}), retrying: {}", number, failure.toString());
            }
            // A failed rebuild leaves the model as it was, kept current by the events held meanwhile.
            held.events().forEach(event -> state.apply(event).forEach(this::emit));
            held.clear();
            if (overflowed) {
                pacer.request(System.nanoTime());
            }
            now = pacer.finished(failure == null, System.nanoTime());
        }
        if (now) {
            startDue();
        }
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
                if (!held.add(event)) {
                    logger.warn("More than {} events or {} bytes arrived during rebuild {} of the live model; "
                            + "it starts over", limits.maxHeldEvents(), limits.maxHeldBytes(), pendingSnapshot);
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
                pacer.reset();
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

    /**
     * Lists the conference rooms again and takes their locks, which Asterisk announces with no event: call it after
     * locking or unlocking a room. Rooms the model does not hold are ignored; a rebuild meanwhile takes them all.
     *
     * @return completes once the locks are in the model and their changes published; never fails (a failed list
     *         changes nothing)
     */
    public CompletableFuture<Void> refreshConferenceLocks() {
        return SnapshotFetcher.conferenceRooms(client).thenAccept(rooms -> {
            synchronized (lock) {
                if (!closed) {
                    state.applyConferenceRooms(rooms).forEach(this::emit);
                }
            }
        });
    }

    /** {@return each queue's figures over the current window ({@link LiveModelState#queueKpis()}); any thread} */
    public List<QueueKpis> queueKpis() {
        return state.queueKpis();
    }

    /** {@return the parked calls of the current snapshot, by parking lot and space} */
    public List<LiveParkedCall> parkedCalls() {
        return snapshot().parkedCalls();
    }

    /** {@return the limits it rebuilds within} */
    public LiveModelLimits limits() {
        return limits;
    }

    /** Stops listening to the client. */
    @Override
    public void close() {
        registrations.forEach(AmiClient.Registration::close);
        registrations.clear();
        listeners.clear();
        synchronized (lock) {
            // Nothing more is started; a rebuild still in flight is ignored when it completes.
            closed = true;
            pendingSnapshot = 0;
            pacer.reset();
        }
    }
}
