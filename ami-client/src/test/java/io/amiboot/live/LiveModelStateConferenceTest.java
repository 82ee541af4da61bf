package io.amiboot.live;

import static io.amiboot.live.RecordedSession.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live model's ConfBridge rooms, fed with events as Asterisk 22 sends them to room 859 of the test dialplan
 * (headers as captured from it, bridge details left out): the baseline from {@code ConfbridgeListRooms} and
 * {@code ConfbridgeList}, then joins, mutes, talking, leaves and the room's end, and the locks listed again.
 */
class LiveModelStateConferenceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

    private static final String FIRST = "Local/859@test-00000000;2";

    private static final String SECOND = "Local/859@test-00000001;2";

    private final LiveModelState state = new LiveModelState(Clock.fixed(NOW, ZoneOffset.UTC));

    private static AmiEvent participantEvent(String name, String channel, String uniqueId, String... more) {
        List<String> headers = new ArrayList<>(List.of("Conference", "859", "BridgeUniqueid", "2e40df7e", "Channel", channel,
                "ChannelStateDesc", "Up", "CallerIDNum", "<unknown>", "CallerIDName", "<unknown>", "Context", "test",
                "Exten", "859", "Uniqueid", uniqueId, "Linkedid", uniqueId, "Admin", "No"));
        headers.addAll(List.of(more));
        return event(name, headers.toArray(String[]::new));
    }

    private static AmiEvent join(String channel, String uniqueId) {
        return participantEvent("ConfbridgeJoin", channel, uniqueId, "Muted", "No");
    }

    private static AmiEvent listedRoom(String name, String locked) {
        return event("ConfbridgeListRooms", "ActionID", "r1", "Conference", name, "Parties", "2", "Marked", "0",
                "Locked", locked, "Muted", "No");
    }

    private static AmiEvent listedParticipant(String channel, String uniqueId, String admin, String muted, String answered) {
        return event("ConfbridgeList", "ActionID", "l1", "Conference", "859", "Admin", admin, "MarkedUser", "No",
                "Muted", muted, "Talking", "No", "AnsweredTime", answered, "Channel", channel, "CallerIDNum", "1001",
                "CallerIDName", "Alice", "Uniqueid", uniqueId, "Linkedid", uniqueId);
    }

    private LiveConference room() {
        return state.snapshot().conferences().stream().filter(room -> room.name().equals("859")).findFirst().orElse(null);
    }

    @Test
    void theSnapshotGivesEachRoomItsLockAndItsParticipants() {
        LiveDelta.Resynced loaded = state.load(new AmiSnapshot(List.of(), List.of(), List.of(), List.of(
                listedRoom("859", "Yes"), listedRoom("858", "No"),
                listedParticipant(FIRST, "1.1", "Yes", "No", "4"), listedParticipant(SECOND, "1.3", "No", "Yes", "10"),
                event("ConfbridgeListComplete", "ActionID", "l1", "EventList", "Complete", "ListItems", "2"))));

        assertThat(loaded.snapshot().conferences()).extracting(LiveConference::name).containsExactly("858", "859");
        LiveConference room = room();
        assertThat(room.locked()).isTrue();
        assertThat(room.participants()).containsExactly(
                new LiveConferenceParticipant(FIRST, "1.1", "1001", "Alice", true, false, false, NOW.minusSeconds(4)),
                new LiveConferenceParticipant(SECOND, "1.3", "1001", "Alice", false, true, false, NOW.minusSeconds(10)));
        assertThat(state.snapshot().conferences().get(0).locked()).isFalse();
        assertThat(state.snapshot().conferences().get(0).participants()).isEmpty();
    }

    @Test
    void joinsMutesTalkingAndLeavesChangeTheRoomUntilItEnds() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        List<LiveDelta> deltas = new ArrayList<>(state.apply(event("ConfbridgeStart", "Conference", "859",
                "BridgeUniqueid", "2e40df7e", "BridgeNumChannels", "1")));
        assertThat(deltas).singleElement().isEqualTo(new LiveDelta.ConferenceUpdated(state.snapshot().version(),
                new LiveConference("859", false, List.of())));

        deltas.addAll(state.apply(join(SECOND, "1.3")));
        deltas.addAll(state.apply(join(FIRST, "1.1")));
        assertThat(room().participants()).extracting(LiveConferenceParticipant::channel).containsExactly(SECOND, FIRST);
        assertThat(room().participants()).allSatisfy(participant -> {
            assertThat(participant.joinedAt()).isEqualTo(NOW);
            assertThat(participant.callerIdNum()).isEmpty();
            assertThat(participant.muted()).isFalse();
        });

        deltas.addAll(state.apply(participantEvent("ConfbridgeMute", FIRST, "1.1")));
        assertThat(room().participant(FIRST).muted()).isTrue();
        assertThat(room().participant("1.1")).isEqualTo(room().participant(FIRST));
        assertThat(room().participant(SECOND).muted()).isFalse();
        assertThat(state.apply(participantEvent("ConfbridgeMute", FIRST, "1.1"))).as("muting the muted").isEmpty();

        deltas.addAll(state.apply(participantEvent("ConfbridgeTalking", SECOND, "1.3", "TalkingStatus", "on")));
        assertThat(room().participant(SECOND).talking()).isTrue();
        deltas.addAll(state.apply(participantEvent("ConfbridgeTalking", SECOND, "1.3", "TalkingStatus", "off")));
        deltas.addAll(state.apply(participantEvent("ConfbridgeUnmute", FIRST, "1.1")));
        assertThat(room().participants()).noneMatch(participant -> participant.muted() || participant.talking());

        deltas.addAll(state.apply(participantEvent("ConfbridgeLeave", FIRST, "1.1")));
        assertThat(room().participants()).extracting(LiveConferenceParticipant::channel).containsExactly(SECOND);
        deltas.addAll(state.apply(participantEvent("ConfbridgeLeave", SECOND, "1.3")));
        List<LiveDelta> ended = state.apply(event("ConfbridgeEnd", "Conference", "859", "BridgeUniqueid", "2e40df7e"));
        assertThat(ended).singleElement().isEqualTo(new LiveDelta.ConferenceEnded(state.snapshot().version(), "859"));
        deltas.addAll(ended);

        assertThat(state.snapshot().conferences()).isEmpty();
        assertThat(deltas).hasSize(10).extracting(LiveDelta::version).isSorted().doesNotHaveDuplicates();
        assertThat(deltas.subList(1, 9)).allMatch(LiveDelta.ConferenceUpdated.class::isInstance);
    }

    @Test
    void eventsAboutParticipantsOrRoomsTheModelDoesNotHoldChangeNothing() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        assertThat(state.apply(participantEvent("ConfbridgeMute", FIRST, "1.1"))).isEmpty();
        assertThat(state.apply(participantEvent("ConfbridgeTalking", FIRST, "1.1", "TalkingStatus", "on"))).isEmpty();
        assertThat(state.apply(participantEvent("ConfbridgeLeave", FIRST, "1.1"))).isEmpty();
        assertThat(state.apply(event("ConfbridgeEnd", "Conference", "859"))).isEmpty();
        assertThat(state.apply(event("ConfbridgeRecord", "Conference", "859"))).isEmpty();
        assertThat(state.apply(event("ConfbridgeJoin", "Channel", FIRST))).as("a join without a room").isEmpty();
        assertThat(state.snapshot().conferences()).isEmpty();
    }

    @Test
    void aJoinHeldBackDuringTheRebuildKeepsTheTimeTheSnapshotGaveTheParticipant() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of(), List.of(listedRoom("859", "No"),
                listedParticipant(FIRST, "1.1", "No", "No", "30"))));
        state.apply(event("ConfbridgeStart", "Conference", "859"));
        state.apply(join(FIRST, "1.1"));
        assertThat(room().participants()).singleElement().extracting(LiveConferenceParticipant::joinedAt)
                .isEqualTo(NOW.minusSeconds(30));
    }

    @Test
    void locksListedAgainChangeTheRoomsTheModelHoldsOnly() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of(), List.of(listedRoom("859", "No"))));
        long before = state.snapshot().version();

        List<LiveDelta> locked = state.applyConferenceRooms(List.of(listedRoom("859", "Yes"), listedRoom("857", "Yes")));
        assertThat(locked).singleElement().isEqualTo(new LiveDelta.ConferenceUpdated(before + 1,
                new LiveConference("859", true, List.of())));
        assertThat(state.snapshot().conferences()).extracting(LiveConference::name).containsExactly("859");
        assertThat(state.applyConferenceRooms(List.of(listedRoom("859", "Yes")))).as("the same lock again").isEmpty();
        assertThat(state.applyConferenceRooms(List.of(event("ConfbridgeListRoomsComplete", "Conference", "859"))))
                .as("another entry").isEmpty();
        assertThat(state.applyConferenceRooms(List.of(listedRoom("859", "No")))).hasSize(1);
        assertThat(room().locked()).isFalse();
    }

    @Test
    void disconnectingForgetsTheRooms() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of(), List.of(listedRoom("859", "Yes"))));
        assertThat(state.disconnect().snapshot().conferences()).isEmpty();
    }
}
