package io.amiboot.dashboard.relay;

import io.amiboot.live.LiveCall;
import io.amiboot.live.LiveDelta;
import io.amiboot.live.LiveParkedCall;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What one WebSocket session has not been sent yet, bounded: updates of the same call, queue, endpoint, conference room
 * or parking space of a server coalesce into the latest; past {@code maxPending} distinct keys everything collapses into
 * one fresh
 * snapshot per server; event-log entries past {@code maxEvents} drop the oldest. Coalesced and dropped entries
 * are counted.
 */
final class SessionBacklog {

    private static final String SNAPSHOT = "snapshot:";

    private final int maxPending;

    private final int maxEvents;

    private final RelayFilter filter;

    private final Map<String, RelayMessage> pending = new LinkedHashMap<>();

    private final ArrayDeque<RelayMessage.Event> events = new ArrayDeque<>();

    private final Coalescer coalescer = new Coalescer();

    /** Every server offered so far: each one's first delta is its snapshot. */
    private final Set<String> servers = new LinkedHashSet<>();

    /** The servers whose pending updates overflowed, due a fresh snapshot. */
    private final Set<String> needFreshSnapshot = new LinkedHashSet<>();

    /** The server of the delta being offered; set by {@link #offer(String, LiveDelta)} for the {@link Coalescer}. */
    private String offering;

    private long coalesced;

    private long droppedEvents;

    private long reportedCoalesced;

    private long reportedDroppedEvents;

    SessionBacklog(RelayFilter filter, int maxPending, int maxEvents) {
        this.filter = filter;
        this.maxPending = maxPending;
        this.maxEvents = maxEvents;
    }

    /** Adds a change of a server's model, coalescing it with what is pending for the same key. */
    synchronized void offer(String server, LiveDelta delta) {
        servers.add(server);
        offering = server;
        delta.accept(coalescer);
        if (pending.size() > maxPending) {
            coalesced += Math.max(0, pending.size() - servers.size());
            pending.clear();
            needFreshSnapshot.addAll(servers);
        }
    }

    /**
     * Puts each kind of change into {@link #pending}, called under this backlog's monitor from {@link #offer}. A
     * visitor rather than a chain of {@code instanceof}: a new kind of {@link LiveDelta} does not compile until it
     * is handled here (see {@link LiveDelta.Visitor} for why not a {@code switch}).
     */
    private final class Coalescer implements LiveDelta.Visitor {

        @Override
        public void resynced(LiveDelta.Resynced resynced) {
            Iterator<RelayMessage> queued = pending.values().iterator();
            while (queued.hasNext()) {
                if (queued.next() instanceof RelayMessage.OfServer message && message.server().equals(offering)) {
                    queued.remove();
                    coalesced++;
                }
            }
            needFreshSnapshot.remove(offering);
            pending.put(SNAPSHOT + offering, filter.apply(offering, resynced.snapshot()));
        }

        @Override
        public void callAdded(LiveDelta.CallAdded added) {
            offerCall(added.version(), added.call());
        }

        @Override
        public void callUpdated(LiveDelta.CallUpdated updated) {
            offerCall(updated.version(), updated.call());
        }

        @Override
        public void callRemoved(LiveDelta.CallRemoved removed) {
            if (filter.wants("calls")) {
                put("call:" + offering + ":" + removed.callId(),
                        new RelayMessage.CallRemoved("callRemoved", offering, removed.version(), removed.callId()));
            }
        }

        @Override
        public void queueUpdated(LiveDelta.QueueUpdated queue) {
            if (filter.wants(queue.queue())) {
                put("queue:" + offering + ":" + queue.queue().name(),
                        new RelayMessage.Queue("queue", offering, queue.version(), queue.queue()));
            }
        }

        @Override
        public void endpointUpdated(LiveDelta.EndpointUpdated endpoint) {
            if (filter.wants(endpoint.endpoint())) {
                put("endpoint:" + offering + ":" + endpoint.endpoint().name(),
                        new RelayMessage.Endpoint("endpoint", offering, endpoint.version(), endpoint.endpoint()));
            }
        }

        @Override
        public void conferenceUpdated(LiveDelta.ConferenceUpdated conference) {
            if (filter.wants("conferences")) {
                put("conference:" + offering + ":" + conference.conference().name(), new RelayMessage.Conference("conference",
                        offering, conference.version(), conference.conference()));
            }
        }

        @Override
        public void conferenceEnded(LiveDelta.ConferenceEnded ended) {
            if (filter.wants("conferences")) {
                put("conference:" + offering + ":" + ended.name(),
                        new RelayMessage.ConferenceEnded("conferenceEnded", offering, ended.version(), ended.name()));
            }
        }

        @Override
        public void parkedCallUpdated(LiveDelta.ParkedCallUpdated parked) {
            if (filter.wants("parking")) {
                put(spaceKey(parked.parkedCall()), new RelayMessage.ParkedCall("parkedCall", offering, parked.version(),
                        parked.parkedCall()));
            }
        }

        @Override
        public void parkedCallRemoved(LiveDelta.ParkedCallRemoved left) {
            if (filter.wants("parking")) {
                put(spaceKey(left.parkedCall()), new RelayMessage.ParkedCallRemoved("parkedCallRemoved", offering,
                        left.version(), left.parkedCall(), left.outcome()));
            }
        }
    }

    /** A parking space's key: a removal and a later park in the same space coalesce into the latest. */
    private String spaceKey(LiveParkedCall parked) {
        return "parking:" + offering + ":" + parked.lot() + "/" + parked.space();
    }

    private void offerCall(long version, LiveCall call) {
        String key = "call:" + offering + ":" + call.id();
        if (filter.wants(call)) {
            put(key, new RelayMessage.Call("call", offering, version, call));
        }
        else if (filter.wants("calls")) {
            put(key, new RelayMessage.CallRemoved("callRemoved", offering, version, call.id()));
        }
    }

    private void put(String key, RelayMessage message) {
        if (pending.put(key, message) != null) {
            coalesced++;
        }
    }

    /** Adds an event-log entry, dropping the oldest one when full. */
    synchronized void offer(RelayMessage.Event event) {
        if (events.size() >= maxEvents) {
            events.pollFirst();
            droppedEvents++;
        }
        events.addLast(event);
    }

    /**
     * The next message to send, or {@code null}: model updates first (after an overflow, a fresh snapshot of each
     * server from {@code snapshot}), then a {@link RelayMessage.Stats} when the counts changed, then event-log
     * entries.
     */
    RelayMessage poll(Function<String, RelayMessage.Snapshot> snapshot) {
        // The snapshot is taken outside this backlog's monitor: it takes the live model's lock, which the model
        // holds while it offers deltas here, so taking it inside would deadlock the two.
        String stale = takeSnapshotRequest();
        return stale != null ? snapshot.apply(stale) : pollQueued();
    }

    /** A server due a fresh snapshot, no longer due, or {@code null}. */
    private synchronized String takeSnapshotRequest() {
        Iterator<String> due = needFreshSnapshot.iterator();
        if (!due.hasNext()) {
            return null;
        }
        String server = due.next();
        due.remove();
        return server;
    }

    private synchronized RelayMessage pollQueued() {
        Iterator<RelayMessage> next = pending.values().iterator();
        if (next.hasNext()) {
            RelayMessage message = next.next();
            next.remove();
            return message;
        }
        if (coalesced != reportedCoalesced || droppedEvents != reportedDroppedEvents) {
            reportedCoalesced = coalesced;
            reportedDroppedEvents = droppedEvents;
            return new RelayMessage.Stats("stats", coalesced, droppedEvents);
        }
        return events.pollFirst();
    }

    /** How many updates were coalesced so far. */
    synchronized long coalesced() {
        return coalesced;
    }

    /** How many event-log entries were dropped so far. */
    synchronized long droppedEvents() {
        return droppedEvents;
    }
}
