package io.amiboot.live;

import io.amiboot.client.AmiEvent;
import java.util.List;

/**
 * The raw list results the live model is rebuilt from.
 *
 * @param channels the {@code CoreShowChannel} entries
 * @param queueStatus the {@code QueueParams}, {@code QueueMember} and {@code QueueEntry} entries of {@code QueueStatus}
 * @param endpoints the {@code EndpointList} entries of {@code PJSIPShowEndpoints}
 * @param conferences the {@code ConfbridgeListRooms} entries, then the {@code ConfbridgeList} entries of each room
 * @param parkedCalls the {@code ParkedCall} entries of {@code ParkedCalls}
 */
public record AmiSnapshot(List<AmiEvent> channels, List<AmiEvent> queueStatus, List<AmiEvent> endpoints,
        List<AmiEvent> conferences, List<AmiEvent> parkedCalls) {

    /**
     * Copies the lists so the record stays immutable.
     *
     * @param channels the {@code CoreShowChannel} entries
     * @param queueStatus the {@code QueueParams}, {@code QueueMember} and {@code QueueEntry} entries of {@code QueueStatus}
     * @param endpoints the {@code EndpointList} entries of {@code PJSIPShowEndpoints}
     * @param conferences the {@code ConfbridgeListRooms} entries, then the {@code ConfbridgeList} entries of each room
     * @param parkedCalls the {@code ParkedCall} entries of {@code ParkedCalls}
     */
    public AmiSnapshot {
        channels = List.copyOf(channels);
        queueStatus = List.copyOf(queueStatus);
        endpoints = List.copyOf(endpoints);
        conferences = List.copyOf(conferences);
        parkedCalls = List.copyOf(parkedCalls);
    }

    /**
     * The lists of a server without parked calls (or without {@code res_parking}).
     *
     * @param channels the {@code CoreShowChannel} entries
     * @param queueStatus the {@code QueueParams}, {@code QueueMember} and {@code QueueEntry} entries of {@code QueueStatus}
     * @param endpoints the {@code EndpointList} entries of {@code PJSIPShowEndpoints}
     * @param conferences the {@code ConfbridgeListRooms} entries, then the {@code ConfbridgeList} entries of each room
     */
    public AmiSnapshot(List<AmiEvent> channels, List<AmiEvent> queueStatus, List<AmiEvent> endpoints,
            List<AmiEvent> conferences) {
        this(channels, queueStatus, endpoints, conferences, List.of());
    }

    /**
     * The lists of a server without conference rooms or parked calls.
     *
     * @param channels the {@code CoreShowChannel} entries
     * @param queueStatus the {@code QueueParams}, {@code QueueMember} and {@code QueueEntry} entries of {@code QueueStatus}
     * @param endpoints the {@code EndpointList} entries of {@code PJSIPShowEndpoints}
     */
    public AmiSnapshot(List<AmiEvent> channels, List<AmiEvent> queueStatus, List<AmiEvent> endpoints) {
        this(channels, queueStatus, endpoints, List.of(), List.of());
    }
}
