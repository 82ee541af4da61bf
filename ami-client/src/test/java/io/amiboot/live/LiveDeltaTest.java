package io.amiboot.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of change reaches the visitor's method for that kind, and only it. */
class LiveDeltaTest {

    private static final LiveParkedCall PARKED = new LiveParkedCall("default", "701", "PJSIP/1001-00000001", "1.2", "1.1",
            "1001", "Alice", "PJSIP/1002", Instant.EPOCH, null);

    @Test
    void eachKindCallsItsOwnVisitorMethod() {
        LiveCall call = new LiveCall("1.1", List.of(), Instant.EPOCH);
        List<LiveDelta> deltas = List.of(new LiveDelta.Resynced(1, new LiveSnapshot(1, true, List.of(), List.of(), List.of())),
                new LiveDelta.CallAdded(2, call), new LiveDelta.CallUpdated(3, call), new LiveDelta.CallRemoved(4, "1.1"),
                new LiveDelta.QueueUpdated(5, new LiveQueue("sales", "ringall", 0, 0, List.of(), List.of())),
                new LiveDelta.EndpointUpdated(6, new LiveEndpoint("1001", "PJSIP/1001", null, null)),
                new LiveDelta.ConferenceUpdated(7, new LiveConference("851", false, List.of())),
                new LiveDelta.ConferenceEnded(8, "851"),
                new LiveDelta.ParkedCallUpdated(9, PARKED), new LiveDelta.ParkedCallRemoved(10, PARKED, LiveDelta.ParkingOutcome.GAVE_UP));
        List<String> visited = new ArrayList<>();
        LiveDelta.Visitor recorder = new LiveDelta.Visitor() {
            @Override
            public void resynced(LiveDelta.Resynced delta) {
                visited.add("resynced " + delta.version());
            }

            @Override
            public void callAdded(LiveDelta.CallAdded delta) {
                visited.add("callAdded " + delta.version());
            }

            @Override
            public void callUpdated(LiveDelta.CallUpdated delta) {
                visited.add("callUpdated " + delta.version());
            }

            @Override
            public void callRemoved(LiveDelta.CallRemoved delta) {
                visited.add("callRemoved " + delta.version());
            }

            @Override
            public void queueUpdated(LiveDelta.QueueUpdated delta) {
                visited.add("queueUpdated " + delta.version());
            }

            @Override
            public void endpointUpdated(LiveDelta.EndpointUpdated delta) {
                visited.add("endpointUpdated " + delta.version());
            }

            @Override
            public void conferenceUpdated(LiveDelta.ConferenceUpdated delta) {
                visited.add("conferenceUpdated " + delta.version());
            }

            @Override
            public void conferenceEnded(LiveDelta.ConferenceEnded delta) {
                visited.add("conferenceEnded " + delta.version());
            }

            @Override
            public void parkedCallUpdated(LiveDelta.ParkedCallUpdated delta) {
                visited.add("parkedCallUpdated " + delta.version());
            }

            @Override
            public void parkedCallRemoved(LiveDelta.ParkedCallRemoved delta) {
                visited.add("parkedCallRemoved " + delta.version());
            }
        };
        deltas.forEach(delta -> delta.accept(recorder));
        assertThat(visited).containsExactly("resynced 1", "callAdded 2", "callUpdated 3", "callRemoved 4", "queueUpdated 5",
                "endpointUpdated 6", "conferenceUpdated 7", "conferenceEnded 8", "parkedCallUpdated 9", "parkedCallRemoved 10");
    }
}
