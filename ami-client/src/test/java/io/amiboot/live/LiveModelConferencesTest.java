package io.amiboot.live;

import static io.amiboot.live.LiveModelSession.await;
import static io.amiboot.live.LiveModelTest.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How the live model fetches its conference rooms from a scripted Asterisk: the rooms, then each one's participants,
 * and the rooms again for their locks, which Asterisk announces with no event.
 */
class LiveModelConferencesTest {

    @RegisterExtension
    final ClosedAfterEach started = new ClosedAfterEach();

    private ScriptedAmiPeer asterisk;

    private LiveModel model;

    /** Each room's {@code Locked}, as the scripted ConfbridgeListRooms lists them; none listed answers an error. */
    private final Map<String, String> rooms = new ConcurrentHashMap<>();

    /** The {@code Conference} header of every ConfbridgeList the model sent, in order. */
    private final List<String> listed = new CopyOnWriteArrayList<>();

    private void start() throws Exception {
        asterisk = started.add(new ScriptedAmiPeer());
        asterisk.respond("Login", "Response: Success\r\nMessage: Authentication accepted\r\n\r\n");
        asterisk.respond("CoreShowChannels", action -> list(action.get("ActionID"), "CoreShowChannelsComplete", List.of()));
        asterisk.respond("ConfbridgeListRooms", action -> rooms.isEmpty()
                ? "Response: Error\r\nActionID: " + action.get("ActionID") + "\r\nMessage: No active conferences.\r\n\r\n"
                : list(action.get("ActionID"), "ConfbridgeListRoomsComplete", rooms.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(room -> "Event: ConfbridgeListRooms\r\nConference: " + room.getKey() + "\r\nParties: 1\r\nMarked: 0\r\n"
                                + "Locked: " + room.getValue() + "\r\nMuted: No\r\n").toList()));
        asterisk.respond("ConfbridgeList", action -> {
            String room = action.get("Conference");
            listed.add(room);
            return room.equals("851") ? list(action.get("ActionID"), "ConfbridgeListComplete", List.of(
                    "Event: ConfbridgeList\r\nConference: 851\r\nAdmin: No\r\nMuted: Yes\r\nTalking: No\r\nAnsweredTime: 3\r\n"
                            + "Channel: Local/851@test-00000001;2\r\nCallerIDNum: 1001\r\nCallerIDName: Alice\r\nUniqueid: 9.2\r\n"))
                    : "Response: Error\r\nActionID: " + action.get("ActionID") + "\r\nMessage: No Conference by that name found.\r\n\r\n";
        });
        AmiClient client = started.add(AmiClient.create(AmiClientOptions.builder(asterisk.url("user", "secret"))
                .name("conference-test").build()));
        client.connect().get(10, TimeUnit.SECONDS);
        model = started.add(new LiveModel(client, Clock.systemUTC()).start());
    }

    @Test
    void theRebuildListsTheRoomsThenEachRoomsParticipantsAndARoomGoneMeanwhileHasNone() throws Exception {
        rooms.put("851", "Yes");
        rooms.put("852", "No");
        start();
        await("the snapshot", () -> model.snapshot().connected());

        assertThat(listed).containsExactlyInAnyOrder("851", "852");
        List<LiveConference> conferences = model.snapshot().conferences();
        assertThat(conferences).extracting(LiveConference::name, LiveConference::locked)
                .containsExactly(tuple("851", true), tuple("852", false));
        assertThat(conferences.get(0).participants()).singleElement().satisfies(participant -> {
            assertThat(participant.channel()).isEqualTo("Local/851@test-00000001;2");
            assertThat(participant.callerIdName()).isEqualTo("Alice");
            assertThat(participant.muted()).isTrue();
        });
        assertThat(conferences.get(1).participants()).isEmpty();
    }

    @Test
    void withoutRoomsTheModelIsConnectedAndListsNoParticipants() throws Exception {
        start();
        await("the snapshot", () -> model.snapshot().connected());
        assertThat(model.snapshot().conferences()).isEmpty();
        assertThat(listed).isEmpty();
    }

    @Test
    void refreshingTheLocksPublishesTheRoomsWhoseLockChangedAndAFailedListChangesNothing() throws Exception {
        rooms.put("851", "No");
        start();
        await("the snapshot", () -> model.snapshot().connected() && model.snapshot().conferences().size() == 1);
        BlockingQueue<LiveDelta> deltas = new LinkedBlockingQueue<>();
        model.listen(deltas::add);
        assertThat(deltas.take()).isInstanceOf(LiveDelta.Resynced.class);

        rooms.put("851", "Yes");
        model.refreshConferenceLocks().get(10, TimeUnit.SECONDS);
        assertThat(deltas.poll()).isInstanceOfSatisfying(LiveDelta.ConferenceUpdated.class, updated -> {
            assertThat(updated.conference().locked()).isTrue();
            assertThat(updated.conference().participants()).hasSize(1);
        });
        model.refreshConferenceLocks().get(10, TimeUnit.SECONDS);
        assertThat(deltas).as("the same lock again").isEmpty();

        rooms.clear();
        model.refreshConferenceLocks().get(10, TimeUnit.SECONDS);
        assertThat(deltas).as("after a failed list").isEmpty();
        assertThat(model.snapshot().conferences().get(0).locked()).isTrue();
    }
}
