package io.amiboot.dashboard.relay;

import io.amiboot.live.LiveCall;
import io.amiboot.live.LiveDelta;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one WebSocket session has not been sent yet, bounded: updates of the same call, queue or endpoint
 * coalesce into the latest; past {@code maxPending} distinct keys everything collapses into one fresh snapshot;
 * event-log entries past {@code maxEvents} drop the oldest. Coalesced and dropped entries are counted.
 */
final class SessionBacklog {

    private static final String SNAPSHOT = "snapshot";

    private final int maxPending;

    private final int maxEvents;

    private final RelayFilter filter;

    private final Map<String, RelayMessage> pending = new LinkedHashMap<>();

    private final ArrayDeque<RelayMessage.Event> events = new ArrayDeque<>();

    private final Coalescer coalescer = new Coalescer();

    private boolean needsFreshSnapshot;

    private long coalesced;

    private long droppedEvents;

    private long reportedCoalesced;

    private long reportedDroppedEvents;

    SessionBacklog(RelayFilter filter, int maxPending, int maxEvents) {
        this.filter = filter;
        this.maxPending = maxPending;
        this.maxEvents = maxEvents;
    }

    /** Adds a model change, coalescing it with what is pending for the same key. */
    synchronized void offer(LiveDelta delta) {
        delta.accept(coalescer);
        if (pending.size() > maxPending) {
            coalesced += pending.size() - 1;
            pending.clear();
            needsFreshSnapshot = true;
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
            coalesced += pending.size();
            pending.clear();
            needsFreshSnapshot = false;
            pending.put(SNAPSHOT, filter.apply(resynced.snapshot()));
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
                put("call:" + removed.callId(), new RelayMessage.CallRemoved("callRemoved", removed.version(), removed.callId()));
            }
        }

        @Override
        public void queueUpdated(LiveDelta.QueueUpdated queue) {
            if (filter.wants(queue.queue())) {
                put("queue:" + queue.queue().name(), new RelayMessage.Queue("queue", queue.version(), queue.queue()));
            }
        }

        @Override
        public void endpointUpdated(LiveDelta.EndpointUpdated endpoint) {
            if (filter.wants(endpoint.endpoint())) {
                put("endpoint:" + endpoint.endpoint().name(),
                        new RelayMessage.Endpoint("endpoint", endpoint.version(), endpoint.endpoint()));
            }
        }
    }

    private void offerCall(long version, LiveCall call) {
        if (filter.wants(call)) {
            put("call:" + call.id(), new RelayMessage.Call("call", version, call));
        }
        else if (filter.wants("calls")) {
            put("call:" + call.id(), new RelayMessage.CallRemoved("callRemoved", version, call.id()));
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
     * The next message to send, or {@code null}: model updates first (a fresh snapshot from {@code snapshot}
     * after an overflow), then a {@link RelayMessage.Stats} when the counts changed, then event-log entries.
     */
    RelayMessage poll(Supplier<RelayMessage.Snapshot> snapshot) {
        // The snapshot is taken outside this backlog's monitor: it takes the live model's lock, which the model
        // holds while it offers deltas here, so taking it inside would deadlock the two.
        return takeSnapshotRequest() ? snapshot.get() : pollQueued();
    }

    private synchronized boolean takeSnapshotRequest() {
        boolean requested = needsFreshSnapshot;
        needsFreshSnapshot = false;
        return requested;
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
