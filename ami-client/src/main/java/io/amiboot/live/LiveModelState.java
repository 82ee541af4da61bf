package io.amiboot.live;

import io.amiboot.client.AmiEvent;
import io.amiboot.event.ParkedCallEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The live model's state and its versioned changes, fed by one thread at a time (not thread-safe). */
public final class LiveModelState {

    private static final Logger logger = LoggerFactory.getLogger(LiveModelState.class);

    private final Clock clock;

    private final CallTracker calls = new CallTracker();

    private final QueueTracker queues = new QueueTracker();

    private final EndpointTracker endpoints = new EndpointTracker();

    private final ConferenceTracker conferences = new ConferenceTracker();

    private final ParkingTracker parking = new ParkingTracker();

    /** Counts over its own window, which reconnects do not end: it is never cleared. */
    private final QueueKpiTracker queueKpis;

    private final KpiWindow kpiWindow;

    /** The queues' figures after the latest queue event; volatile: {@link #queueKpis()} reads them from any thread. */
    private volatile List<QueueKpis> publishedKpis = List.of();

    private final Set<String> publishedCalls = new HashSet<>();

    /** Volatile, as is {@link #published}: {@link #publishedSnapshot()} reads them from any thread. */
    private volatile long version;

    /** The snapshot of the latest version anyone asked for. */
    private volatile LiveSnapshot published;

    private boolean connected;

    /**
     * An empty, disconnected state, counting queue figures as {@link QueueKpiSettings#DEFAULTS}.
     *
     * @param clock where the times of calls and queue entries come from
     */
    public LiveModelState(Clock clock) {
        this(clock, QueueKpiSettings.DEFAULTS);
    }

    /**
     * An empty, disconnected state.
     *
     * @param clock where the times of calls and queue entries come from
     * @param kpis how queue figures are counted
     */
    public LiveModelState(Clock clock, QueueKpiSettings kpis) {
        this.clock = clock;
        this.kpiWindow = kpis.window();
        this.queueKpis = new QueueKpiTracker(kpis.serviceLevelThreshold(), kpis.window(), clock.instant());
    }

    /**
     * Replaces everything with a snapshot and marks the state connected. Entries of other names than each list's
     * own (an event that slipped into a list) are ignored.
     *
     * @param snapshot the lists fetched from Asterisk
     * @return the change to publish: the whole new model
     */
    public LiveDelta.Resynced load(AmiSnapshot snapshot) {
        clearAll();
        List<AmiEvent> channels = entries(snapshot.channels(), Set.of("CoreShowChannel"));
        channels.forEach(entry -> calls.load(entry, clock.instant()));
        List<AmiEvent> queueStatus = entries(snapshot.queueStatus(), Set.of("QueueParams", "QueueMember", "QueueEntry"));
        queueStatus.forEach(entry -> queues.load(entry, clock.instant()));
        queueKpis.load(queueStatus, clock.instant());
        publishedKpis = queueKpis.kpis(clock.instant());
        channels.forEach(queues::loadAnswered);
        entries(snapshot.endpoints(), Set.of("EndpointList")).forEach(endpoints::load);
        entries(snapshot.conferences(), Set.of("ConfbridgeListRooms", "ConfbridgeList"))
                .forEach(entry -> conferences.load(entry, clock.instant()));
        entries(snapshot.parkedCalls(), Set.of(ParkedCallEvent.NAME)).forEach(entry -> parking.load(entry, clock.instant()));
        connected = true;
        return resynced();
    }

    /** {@return the change to publish after forgetting everything and marking the state disconnected} */
    public LiveDelta.Resynced disconnect() {
        clearAll();
        connected = false;
        return resynced();
    }

    /**
     * Applies one event.
     *
     * @param event any event; those the model does not track change nothing
     * @return the changes it made, in order; empty when none
     */
    public List<LiveDelta> apply(AmiEvent event) {
        List<LiveDelta> deltas = new ArrayList<>();
        for (String callId : calls.apply(event, clock.instant())) {
            LiveCall call = calls.call(callId);
            if (call == null) {
                if (publishedCalls.remove(callId)) {
                    deltas.add(new LiveDelta.CallRemoved(++version, callId));
                }
            }
            else if (publishedCalls.add(callId)) {
                deltas.add(new LiveDelta.CallAdded(++version, call));
            }
            else {
                deltas.add(new LiveDelta.CallUpdated(++version, call));
            }
        }
        String queue = queues.apply(event, clock.instant());
        if (queue != null) {
            deltas.add(new LiveDelta.QueueUpdated(++version, queues.queue(queue)));
        }
        if (queueKpis.apply(event, clock.instant())) {
            publishedKpis = queueKpis.kpis(clock.instant());
        }
        String endpoint = endpoints.apply(event);
        if (endpoint != null) {
            deltas.add(new LiveDelta.EndpointUpdated(++version, endpoints.endpoint(endpoint)));
        }
        String conference = conferences.apply(event, clock.instant());
        if (conference != null) {
            deltas.add(conferenceDelta(conference));
        }
        LiveDelta parked = parking.apply(event, clock.instant(), version + 1);
        if (parked != null) {
            version++;
            deltas.add(parked);
        }
        return deltas;
    }

    /**
     * Takes the locks of the rooms a fresh {@code ConfbridgeListRooms} lists (Asterisk sends no event when a room
     * is locked or unlocked); rooms the state does not hold are ignored.
     *
     * @param rooms the {@code ConfbridgeListRooms} entries
     * @return the changes it made, one per room whose lock changed
     */
    public List<LiveDelta> applyConferenceRooms(List<AmiEvent> rooms) {
        return conferences.applyRooms(rooms).stream().map(this::conferenceDelta).toList();
    }

    private LiveDelta conferenceDelta(String name) {
        LiveConference room = conferences.room(name);
        return room == null ? new LiveDelta.ConferenceEnded(++version, name) : new LiveDelta.ConferenceUpdated(++version, room);
    }

    /** {@return the current state as an immutable snapshot, built once per version} */
    public LiveSnapshot snapshot() {
        LiveSnapshot current = published;
        if (current == null || current.version() != version) {
            current = new LiveSnapshot(version, connected, calls.calls(), queues.queues(), endpoints.endpoints(),
                    conferences.rooms(), parking.parkedCalls());
            published = current;
        }
        return current;
    }

    /**
     * {@return each queue's figures over the current window, as of the latest queue event; a window that ended since
     * then reads as the new one, all counts zero} Any thread may ask.
     */
    public List<QueueKpis> queueKpis() {
        List<QueueKpis> latest = publishedKpis;
        Instant reset = kpiWindow.lastResetAtOrBefore(clock.instant());
        return latest.stream().map(kpis -> kpis.windowStart().isBefore(reset) ? kpis.startedAgainAt(reset) : kpis).toList();
    }

    /**
     * {@return the snapshot of the current version if {@link #snapshot()} built it already, else null; any thread may ask}
     */
    public LiveSnapshot publishedSnapshot() {
        LiveSnapshot current = published;
        return current != null && current.version() == version ? current : null;
    }

    private static List<AmiEvent> entries(List<AmiEvent> list, Set<String> names) {
        List<AmiEvent> entries = new ArrayList<>(list.size());
        for (AmiEvent entry : list) {
            if (names.contains(entry.name())) {
                entries.add(entry);
            }
            else {
                logger.debug("Ignoring a {} among the {} entries of a live model snapshot", entry.name(), names);
            }
        }
        return entries;
    }

    private void clearAll() {
        calls.clear();
        queues.clear();
        endpoints.clear();
        conferences.clear();
        parking.clear();
        publishedCalls.clear();
    }

    private LiveDelta.Resynced resynced() {
        version++;
        calls.calls().forEach(call -> publishedCalls.add(call.id()));
        return new LiveDelta.Resynced(version, snapshot());
    }
}
