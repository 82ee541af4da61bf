package io.amiboot.dashboard.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.live.DeviceState;
import io.amiboot.live.LiveCall;
import io.amiboot.live.LiveChannel;
import io.amiboot.live.LiveConference;
import io.amiboot.live.LiveDelta;
import io.amiboot.live.LiveEndpoint;
import io.amiboot.live.LiveParkedCall;
import io.amiboot.live.LiveQueue;
import io.amiboot.live.LiveSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A session's backlog coalesces per key, stays bounded, and counts what it coalesced or dropped. */
class SessionBacklogTest {

    private static final RelayFilter ALL = RelayFilter.parse(Map.of("kinds", List.of("calls,queues,endpoints,events")));

    private static LiveCall call(String id, String state, String exten) {
        return new LiveCall(id, List.of(new LiveChannel(id, id, "PJSIP/1001-" + id, state, "1001", "", "", "", "test",
                exten, "1", "", false, null, List.of(), Instant.EPOCH)), Instant.EPOCH);
    }

    private static LiveSnapshot empty(long version) {
        return new LiveSnapshot(version, true, List.of(), List.of(), List.of());
    }

    private static List<RelayMessage> drain(SessionBacklog backlog) {
        List<RelayMessage> sent = new ArrayList<>();
        RelayMessage message;
        while ((message = backlog.poll(server -> ALL.apply(server, empty(99)))) != null) {
            sent.add(message);
        }
        return sent;
    }

    @Test
    void updatesOfOneCallCoalesceIntoTheLatest() {
        SessionBacklog backlog = new SessionBacklog(ALL, 100, 10);
        backlog.offer("pbx", new LiveDelta.Resynced(1, empty(1)));
        backlog.offer("pbx", new LiveDelta.CallAdded(2, call("1.1", "Ring", "100")));
        backlog.offer("pbx", new LiveDelta.CallUpdated(3, call("1.1", "Up", "100")));
        backlog.offer("pbx", new LiveDelta.CallAdded(4, call("1.2", "Ring", "100")));
        backlog.offer("pbx", new LiveDelta.QueueUpdated(5, new LiveQueue("sales", "ringall", 0, 0, List.of(), List.of())));
        backlog.offer("pbx", new LiveDelta.EndpointUpdated(6, new LiveEndpoint("1001", "PJSIP/1001", DeviceState.INUSE, "")));
        List<RelayMessage> sent = drain(backlog);
        assertThat(sent).extracting(RelayMessage::type).containsExactly("snapshot", "call", "call", "queue", "endpoint", "stats");
        assertThat(((RelayMessage.Call) sent.get(1)).call().first().state()).isEqualTo("Up");
        assertThat(sent.get(5)).isEqualTo(new RelayMessage.Stats("stats", 1, 0));
        assertThat(drain(backlog)).isEmpty();
    }

    @Test
    void aRemovalReplacesPendingUpdatesOfThatCall() {
        SessionBacklog backlog = new SessionBacklog(ALL, 100, 10);
        backlog.offer("pbx", new LiveDelta.CallAdded(2, call("1.1", "Ring", "100")));
        backlog.offer("pbx", new LiveDelta.CallRemoved(3, "1.1"));
        assertThat(drain(backlog)).extracting(RelayMessage::type).containsExactly("callRemoved", "stats");
    }

    private static LiveParkedCall parked(String uniqueId, String space) {
        return new LiveParkedCall("default", space, "PJSIP/1001-" + uniqueId, uniqueId, uniqueId, "1001", "Alice",
                "PJSIP/1002", Instant.EPOCH, null);
    }

    @Test
    void aParkAndAPickupOfOneSpaceCoalesceIntoTheRemovalAndParkingIsSentOnlyToWhoAsked() {
        SessionBacklog backlog = new SessionBacklog(RelayFilter.parse(Map.of("kinds", List.of("calls,parking"))), 100, 10);
        backlog.offer("pbx", new LiveDelta.ParkedCallUpdated(2, parked("1.1", "701")));
        backlog.offer("pbx", new LiveDelta.ParkedCallUpdated(3, parked("1.2", "702")));
        backlog.offer("pbx", new LiveDelta.ParkedCallRemoved(4, parked("1.1", "701"), LiveDelta.ParkingOutcome.PICKED_UP));
        List<RelayMessage> sent = drain(backlog);
        assertThat(sent).extracting(RelayMessage::type).containsExactly("parkedCallRemoved", "parkedCall", "stats");
        assertThat(sent.get(0)).isEqualTo(new RelayMessage.ParkedCallRemoved("parkedCallRemoved", "pbx", 4, parked("1.1", "701"),
                LiveDelta.ParkingOutcome.PICKED_UP));

        RelayFilter noParking = RelayFilter.parse(Map.of("kinds", List.of("calls")));
        SessionBacklog callsOnly = new SessionBacklog(noParking, 100, 10);
        callsOnly.offer("pbx", new LiveDelta.ParkedCallUpdated(2, parked("1.1", "701")));
        assertThat(callsOnly.poll(server -> null)).isNull();
        LiveSnapshot withParked = new LiveSnapshot(5, true, List.of(), List.of(), List.of(), List.of(), List.of(parked("1.1", "701")));
        assertThat(noParking.apply("pbx", withParked).parkedCalls()).isEmpty();
        assertThat(ALL.apply("pbx", withParked).parkedCalls()).as("a filter naming kinds without parking").isEmpty();
        assertThat(RelayFilter.parse(Map.of()).apply("pbx", withParked).parkedCalls()).hasSize(1);
    }

    /** The server of each message that has one, "-" for the others, as "type@server". */
    private static List<String> typesAndServers(List<RelayMessage> sent) {
        return sent.stream().map(m -> m.type() + "@" + (m instanceof RelayMessage.OfServer of ? of.server() : "-")).toList();
    }

    @Test
    void theSameCallIdOnTwoServersIsTwoUpdatesAndAResyncOfOneKeepsTheOthers() {
        SessionBacklog backlog = new SessionBacklog(ALL, 100, 10);
        backlog.offer("london", new LiveDelta.Resynced(1, empty(1)));
        backlog.offer("paris", new LiveDelta.Resynced(1, empty(1)));
        backlog.offer("london", new LiveDelta.CallAdded(2, call("1.1", "Ring", "100")));
        backlog.offer("paris", new LiveDelta.CallAdded(2, call("1.1", "Up", "200")));
        backlog.offer("paris", new LiveDelta.Resynced(5, empty(5)));
        List<RelayMessage> sent = drain(backlog);
        assertThat(typesAndServers(sent)).containsExactly("snapshot@london", "call@london", "snapshot@paris", "stats@-");
        assertThat(((RelayMessage.Call) sent.get(1)).call().first().state()).isEqualTo("Ring");
        assertThat(((RelayMessage.Snapshot) sent.get(2)).version()).isEqualTo(5);
        assertThat(sent.get(3)).as("paris's first snapshot and call, replaced by its resync").isEqualTo(new RelayMessage.Stats("stats", 2, 0));
    }

    @Test
    void pastItsBoundEveryServerGetsAFreshSnapshot() {
        SessionBacklog backlog = new SessionBacklog(ALL, 2, 10);
        backlog.offer("london", new LiveDelta.Resynced(1, empty(1)));
        backlog.offer("paris", new LiveDelta.Resynced(1, empty(1)));
        backlog.offer("london", new LiveDelta.CallAdded(2, call("1.1", "Up", "100")));
        List<RelayMessage> sent = drain(backlog);
        assertThat(typesAndServers(sent)).containsExactly("snapshot@london", "snapshot@paris", "stats@-");
        assertThat(sent).first().extracting(m -> ((RelayMessage.Snapshot) m).version()).as("fresh, not the pending one").isEqualTo(99L);
    }

    @Test
    void pastItsBoundTheBacklogCollapsesIntoOneFreshSnapshot() {
        SessionBacklog backlog = new SessionBacklog(ALL, 10, 10);
        for (int i = 0; i < 10_000; i++) {
            backlog.offer("pbx", new LiveDelta.CallAdded(i, call("1." + i, "Up", "100")));
        }
        List<RelayMessage> sent = drain(backlog);
        assertThat(sent.size()).isLessThanOrEqualTo(12);
        assertThat(sent).extracting(RelayMessage::type).contains("snapshot");
        assertThat(backlog.coalesced()).isGreaterThan(9_000);
    }

    @Test
    void eventLogEntriesDropTheOldestWhenFull() {
        SessionBacklog backlog = new SessionBacklog(ALL, 10, 3);
        for (int i = 0; i < 5; i++) {
            backlog.offer(new RelayMessage.Event("{\"type\":\"event\",\"event\":{\"Event\":\"Newexten\",\"N\":\"" + i + "\"}}"));
        }
        List<RelayMessage> sent = drain(backlog);
        assertThat(sent.get(0)).isEqualTo(new RelayMessage.Stats("stats", 0, 2));
        assertThat(sent.subList(1, 4)).extracting(m -> ((RelayMessage.Event) m).json())
                .allSatisfy(json -> assertThat(json).startsWith("{\"type\":\"event\""))
                .extracting(json -> json.substring(json.indexOf("\"N\":\"") + 5, json.indexOf("\"N\":\"") + 6))
                .containsExactly("2", "3", "4");
    }

    @Test
    void filtersKeepOnlyTheChosenQueuesEndpointsAndKinds() {
        RelayFilter filter = RelayFilter.parse(Map.of("kinds", List.of("calls,queues"), "queue", List.of("sales"),
                "endpoint", List.of("1002")));
        SessionBacklog backlog = new SessionBacklog(filter, 100, 10);
        backlog.offer("pbx", new LiveDelta.CallAdded(1, call("1.1", "Up", "100")));
        backlog.offer("pbx", new LiveDelta.CallAdded(2, call("1.2", "Up", "1002")));
        backlog.offer("pbx", new LiveDelta.QueueUpdated(3, new LiveQueue("support", "", 0, 0, List.of(), List.of())));
        backlog.offer("pbx", new LiveDelta.QueueUpdated(4, new LiveQueue("sales", "", 0, 0, List.of(), List.of())));
        backlog.offer("pbx", new LiveDelta.EndpointUpdated(5, new LiveEndpoint("1002", "PJSIP/1002", DeviceState.INUSE, "")));
        List<RelayMessage> sent = drain(backlog);
        assertThat(sent).extracting(RelayMessage::type).containsExactly("callRemoved", "call", "queue");
        assertThat(((RelayMessage.Call) sent.get(1)).call().id()).isEqualTo("1.2");
        assertThat(((RelayMessage.Queue) sent.get(2)).queue().name()).isEqualTo("sales");
    }

    @Test
    void updatesOfOneConferenceRoomCoalesceItsEndReplacesThemAndOnlySessionsAskingForRoomsGetThem() {
        RelayFilter rooms = RelayFilter.parse(Map.of("kinds", List.of("conferences")));
        SessionBacklog backlog = new SessionBacklog(rooms, 100, 10);
        LiveConference open = new LiveConference("851", false, List.of());
        backlog.offer("pbx", new LiveDelta.Resynced(1, new LiveSnapshot(1, true, List.of(), List.of(), List.of(), List.of(open))));
        backlog.offer("pbx", new LiveDelta.ConferenceUpdated(2, new LiveConference("852", false, List.of())));
        backlog.offer("pbx", new LiveDelta.ConferenceUpdated(3, new LiveConference("851", true, List.of())));
        backlog.offer("pbx", new LiveDelta.ConferenceUpdated(4, new LiveConference("852", true, List.of())));
        backlog.offer("pbx", new LiveDelta.ConferenceEnded(5, "852"));
        List<RelayMessage> sent = drain(backlog);
        assertThat(sent).extracting(RelayMessage::type).containsExactly("snapshot", "conferenceEnded", "conference", "stats");
        assertThat(((RelayMessage.Snapshot) sent.get(0)).conferences()).containsExactly(open);
        assertThat(sent.get(1)).isEqualTo(new RelayMessage.ConferenceEnded("conferenceEnded", "pbx", 5, "852"));
        assertThat(((RelayMessage.Conference) sent.get(2)).conference().locked()).isTrue();

        SessionBacklog callsOnly = new SessionBacklog(RelayFilter.parse(Map.of("kinds", List.of("calls"))), 100, 10);
        callsOnly.offer("pbx", new LiveDelta.Resynced(1, new LiveSnapshot(1, true, List.of(), List.of(), List.of(), List.of(open))));
        callsOnly.offer("pbx", new LiveDelta.ConferenceUpdated(2, open));
        callsOnly.offer("pbx", new LiveDelta.ConferenceEnded(3, "851"));
        List<RelayMessage> callsSent = drain(callsOnly);
        assertThat(callsSent).extracting(RelayMessage::type).containsExactly("snapshot");
        assertThat(((RelayMessage.Snapshot) callsSent.get(0)).conferences()).isEmpty();
    }
}
