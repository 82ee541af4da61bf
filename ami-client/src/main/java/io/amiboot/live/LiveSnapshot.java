package io.amiboot.live;

import java.util.List;

/**
 * The whole live model at one moment.
 *
 * @param version the number of the last change it includes; deltas with a higher version follow it
 * @param connected whether the model is connected to Asterisk and in sync
 * @param calls the calls, oldest first
 * @param queues the queues, by name
 * @param endpoints the endpoints, by name
 * @param conferences the ConfBridge conference rooms, by name
 * @param parkedCalls the parked calls, by parking lot and space
 */
public record LiveSnapshot(long version, boolean connected, List<LiveCall> calls, List<LiveQueue> queues,
        List<LiveEndpoint> endpoints, List<LiveConference> conferences, List<LiveParkedCall> parkedCalls) {

    /**
     * Copies the lists so the record stays immutable.
     *
     * @param version the number of the last change it includes; deltas with a higher version follow it
     * @param connected whether the model is connected to Asterisk and in sync
     * @param calls the calls, oldest first
     * @param queues the queues, by name
     * @param endpoints the endpoints, by name
     * @param conferences the ConfBridge conference rooms, by name
     * @param parkedCalls the parked calls, by parking lot and space
     */
    public LiveSnapshot {
        calls = List.copyOf(calls);
        queues = List.copyOf(queues);
        endpoints = List.copyOf(endpoints);
        conferences = List.copyOf(conferences);
        parkedCalls = List.copyOf(parkedCalls);
    }

    /**
     * A snapshot without parked calls.
     *
     * @param version the number of the last change it includes; deltas with a higher version follow it
     * @param connected whether the model is connected to Asterisk and in sync
     * @param calls the calls, oldest first
     * @param queues the queues, by name
     * @param endpoints the endpoints, by name
     * @param conferences the ConfBridge conference rooms, by name
     */
    public LiveSnapshot(long version, boolean connected, List<LiveCall> calls, List<LiveQueue> queues,
            List<LiveEndpoint> endpoints, List<LiveConference> conferences) {
        this(version, connected, calls, queues, endpoints, conferences, List.of());
    }

    /**
     * A snapshot without conference rooms or parked calls.
     *
     * @param version the number of the last change it includes; deltas with a higher version follow it
     * @param connected whether the model is connected to Asterisk and in sync
     * @param calls the calls, oldest first
     * @param queues the queues, by name
     * @param endpoints the endpoints, by name
     */
    public LiveSnapshot(long version, boolean connected, List<LiveCall> calls, List<LiveQueue> queues,
            List<LiveEndpoint> endpoints) {
        this(version, connected, calls, queues, endpoints, List.of(), List.of());
    }
}
