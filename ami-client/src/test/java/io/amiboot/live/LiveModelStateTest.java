package io.amiboot.live;

import static io.amiboot.live.RecordedSession.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The live model's state fed with recorded and hand-written Asterisk 22 events. */
class LiveModelStateTest {

    private static final Instant NOW = Instant.parse("2026-11-26T04:03:20Z");

    private final LiveModelState state = new LiveModelState(Clock.fixed(NOW, ZoneOffset.UTC));

    private static AmiEvent newchannel(String uniqueId, String linkedId, String name) {
        return event("Newchannel", "Channel", name, "ChannelState", "0", "ChannelStateDesc", "Down",
                "CallerIDNum", "1001", "CallerIDName", "Alice", "ConnectedLineNum", "<unknown>",
                "ConnectedLineName", "<unknown>", "Context", "test", "Exten", "100", "Priority", "1",
                "Uniqueid", uniqueId, "Linkedid", linkedId);
    }

    private static AmiEvent channelEvent(String name, String uniqueId, String... more) {
        List<String> headers = new ArrayList<>(List.of("Uniqueid", uniqueId));
        headers.addAll(List.of(more));
        return event(name, headers.toArray(String[]::new));
    }

    @Test
    void replayingTheRecordedSessionGivesWhatCoreShowChannelsListed() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        List<AmiEvent> listed = new ArrayList<>();
        for (AmiEvent event : RecordedSession.events()) {
            if (event.is("CoreShowChannel")) {
                listed.add(event);
            }
            else if (event.is("CoreShowChannelsComplete")) {
                break;
            }
            else if (event.actionId() == null) {
                state.apply(event);
            }
        }
        assertThat(listed).hasSize(2);
        Set<String> listedIds = listed.stream().map(e -> e.get("Uniqueid")).collect(Collectors.toSet());
        List<LiveCall> calls = state.snapshot().calls();
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("1795665794.42");
            assertThat(call.channels()).extracting(LiveChannel::uniqueId).containsExactlyInAnyOrderElementsOf(listedIds);
            assertThat(call.channels()).extracting(LiveChannel::state).containsOnly("Up");
        });

        LiveModelState fromSnapshot = new LiveModelState(Clock.fixed(NOW, ZoneOffset.UTC));
        LiveDelta.Resynced loaded = fromSnapshot.load(new AmiSnapshot(listed, List.of(), List.of()));
        assertThat(loaded.snapshot().calls()).singleElement().satisfies(call -> {
            assertThat(call.channels()).extracting(LiveChannel::name)
                    .containsExactly("Local/200@test-00000015;1", "Local/200@test-00000015;2");
            assertThat(call.channels()).extracting(LiveChannel::application).containsExactly("Wait", "Echo");
            assertThat(call.startedAt()).isEqualTo(NOW.minusSeconds(3));
        });
    }

    @Test
    void theRecordedQueueCallWasBridgedToTheMemberAndThenEnded() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        List<LiveDelta> deltas = new ArrayList<>();
        boolean sawTalking = false;
        for (AmiEvent event : RecordedSession.events()) {
            if (event.actionId() == null) {
                deltas.addAll(state.apply(event));
                LiveCall queueCall = state.snapshot().calls().stream()
                        .filter(call -> call.id().equals("1795665794.44")).findFirst().orElse(null);
                if (queueCall != null && queueCall.channels().stream().anyMatch(c -> !c.talkingTo().isEmpty())) {
                    sawTalking = true;
                    assertThat(queueCall.channels().stream().filter(c -> c.bridgeId() != null)
                            .flatMap(c -> c.talkingTo().stream())).allMatch(name -> name.startsWith("Local/"));
                }
            }
        }
        assertThat(sawTalking).isTrue();
        assertThat(deltas).filteredOn(LiveDelta.CallRemoved.class::isInstance)
                .extracting(d -> ((LiveDelta.CallRemoved) d).callId()).contains("1795665794.44");
        assertThat(deltas).filteredOn(LiveDelta.QueueUpdated.class::isInstance).isNotEmpty();
        assertThat(deltas).extracting(LiveDelta::version).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aCallIsAddedUpdatedAndRemovedWithItsCallerConnectedLineAndHold() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        assertThat(state.apply(newchannel("1.1", "1.1", "PJSIP/1001-00000001")))
                .singleElement().isInstanceOf(LiveDelta.CallAdded.class);
        assertThat(state.apply(newchannel("1.2", "1.1", "PJSIP/1002-00000002")))
                .singleElement().isInstanceOf(LiveDelta.CallUpdated.class);
        state.apply(channelEvent("Newstate", "1.2", "ChannelStateDesc", "Ringing", "Linkedid", "1.1"));
        state.apply(channelEvent("NewConnectedLine", "1.1", "ConnectedLineNum", "1002", "ConnectedLineName", "Bob"));
        state.apply(channelEvent("NewCallerid", "1.2", "CallerIDNum", "555", "CallerIDName", "Carol"));
        state.apply(channelEvent("Hold", "1.1"));
        LiveCall call = state.snapshot().calls().get(0);
        assertThat(call.first().connectedLineName()).isEqualTo("Bob");
        assertThat(call.first().onHold()).isTrue();
        assertThat(call.channels().get(1).state()).isEqualTo("Ringing");
        assertThat(call.channels().get(1).callerIdName()).isEqualTo("Carol");
        assertThat(call.durationAt(NOW.plusSeconds(7))).isEqualTo(Duration.ofSeconds(7));

        state.apply(channelEvent("Unhold", "1.1"));
        assertThat(state.snapshot().calls().get(0).first().onHold()).isFalse();

        assertThat(state.apply(channelEvent("Hangup", "1.2"))).singleElement().isInstanceOf(LiveDelta.CallUpdated.class);
        assertThat(state.apply(channelEvent("Hangup", "1.1"))).singleElement()
                .isEqualTo(new LiveDelta.CallRemoved(state.snapshot().version(), "1.1"));
        assertThat(state.snapshot().calls()).isEmpty();
        assertThat(state.apply(channelEvent("Hangup", "1.1"))).isEmpty();
    }

    @Test
    void bridgedChannelsTalkToEachOtherUntilTheyLeave() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        state.apply(newchannel("2.1", "2.1", "PJSIP/1001-1"));
        state.apply(newchannel("2.2", "2.1", "PJSIP/1002-2"));
        state.apply(event("BridgeCreate", "BridgeUniqueid", "b1"));
        state.apply(channelEvent("BridgeEnter", "2.1", "BridgeUniqueid", "b1"));
        state.apply(channelEvent("BridgeEnter", "2.2", "BridgeUniqueid", "b1"));
        LiveCall call = state.snapshot().calls().get(0);
        assertThat(call.channels()).extracting(LiveChannel::talkingTo)
                .containsExactly(List.of("PJSIP/1002-2"), List.of("PJSIP/1001-1"));
        state.apply(channelEvent("BridgeLeave", "2.2", "BridgeUniqueid", "b1"));
        assertThat(state.snapshot().calls().get(0).first().talkingTo()).isEmpty();
        state.apply(event("BridgeDestroy", "BridgeUniqueid", "b1"));
        assertThat(state.snapshot().calls().get(0).first().bridgeId()).isNull();
    }

    @Test
    void queuesComeFromQueueStatusAndFollowCallersAndMembers() {
        state.load(new AmiSnapshot(List.of(), List.of(
                event("QueueParams", "Queue", "sales", "Strategy", "ringall", "Completed", "4", "Abandoned", "1"),
                event("QueueMember", "Queue", "sales", "Name", "Agent 1", "Location", "PJSIP/1001", "Status", "1",
                        "Paused", "0", "InCall", "0", "CallsTaken", "3"),
                event("QueueEntry", "Queue", "sales", "Position", "1", "Channel", "PJSIP/1003-1", "Uniqueid", "3.1",
                        "CallerIDNum", "1003", "CallerIDName", "Dave", "Wait", "12")), List.of()));
        LiveQueue loaded = state.snapshot().queues().get(0);
        assertThat(loaded.members()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("Agent 1");
            assertThat(m.callsTaken()).isEqualTo(3);
        });
        assertThat(loaded.callers()).singleElement().satisfies(c -> assertThat(c.joinedAt()).isEqualTo(NOW.minusSeconds(12)));

        List<LiveDelta> paused = state.apply(event("QueueMemberPause", "Queue", "sales", "MemberName", "Agent 1",
                "Interface", "PJSIP/1001", "Paused", "1", "PausedReason", "lunch"));
        assertThat(paused).singleElement().isInstanceOfSatisfying(LiveDelta.QueueUpdated.class,
                delta -> assertThat(delta.queue().members().get(0)).extracting(LiveQueueMember::paused,
                        LiveQueueMember::pausedReason).containsExactly(true, "lunch"));

        state.apply(event("QueueCallerJoin", "Queue", "sales", "Uniqueid", "3.2", "Channel", "PJSIP/1002-2",
                "Position", "2", "CallerIDNum", "1002"));
        state.apply(event("QueueCallerLeave", "Queue", "sales", "Uniqueid", "3.1", "Position", "1"));
        assertThat(state.snapshot().queues().get(0).callers()).singleElement()
                .extracting(LiveQueueCaller::uniqueId, LiveQueueCaller::position).containsExactly("3.2", 1);
        state.apply(event("QueueCallerAbandon", "Queue", "sales", "Uniqueid", "3.2"));
        assertThat(state.snapshot().queues().get(0)).satisfies(q -> {
            assertThat(q.callers()).isEmpty();
            assertThat(q.abandoned()).isEqualTo(2);
        });
        state.apply(event("QueueMemberRemoved", "Queue", "sales", "Interface", "PJSIP/1001"));
        assertThat(state.snapshot().queues().get(0).members()).isEmpty();
    }

    @Test
    void endingsOfCallersTheQueueStatusAnswerNoLongerHadAreNotCountedAgain() {
        state.load(new AmiSnapshot(
                List.of(event("CoreShowChannel", "Uniqueid", "4.2", "Linkedid", "4.2", "Channel", "Local/301@test-1;2",
                                "Application", "Queue", "ApplicationData", "sales,,,,300"),
                        event("CoreShowChannel", "Uniqueid", "4.3", "Linkedid", "4.3", "Channel", "Local/301@test-2;2",
                                "Application", "Queue", "ApplicationData", "sales,,,,300")),
                List.of(event("QueueParams", "Queue", "sales", "Strategy", "rrmemory", "Completed", "5", "Abandoned", "2"),
                        event("QueueEntry", "Queue", "sales", "Position", "1", "Channel", "Local/301@test-2;2",
                                "Uniqueid", "4.3", "Wait", "3")),
                List.of()));
        // Held back during the rebuild, from before Asterisk answered QueueStatus: its counters include them.
        state.apply(event("QueueCallerAbandon", "Queue", "sales", "Uniqueid", "4.1", "Position", "1"));
        state.apply(event("AgentComplete", "Queue", "sales", "Uniqueid", "4.0", "Reason", "caller"));
        assertThat(state.snapshot().queues().get(0)).extracting(LiveQueue::completed, LiveQueue::abandoned)
                .containsExactly(5, 2);
        // After the answer: 4.3 was waiting, 4.2 talking to a member; 4.4 comes and goes.
        state.apply(event("QueueCallerAbandon", "Queue", "sales", "Uniqueid", "4.3", "Position", "1"));
        state.apply(event("AgentComplete", "Queue", "sales", "Uniqueid", "4.2", "Reason", "agent"));
        state.apply(event("QueueCallerJoin", "Queue", "sales", "Uniqueid", "4.4", "Channel", "Local/301@test-3;2",
                "Position", "1"));
        state.apply(event("AgentConnect", "Queue", "sales", "Uniqueid", "4.4"));
        state.apply(event("QueueCallerLeave", "Queue", "sales", "Uniqueid", "4.4", "Position", "1"));
        state.apply(event("AgentComplete", "Queue", "sales", "Uniqueid", "4.4", "Reason", "caller"));
        state.apply(event("AgentComplete", "Queue", "sales", "Uniqueid", "4.4", "Reason", "caller"));
        assertThat(state.snapshot().queues().get(0)).extracting(LiveQueue::completed, LiveQueue::abandoned)
                .containsExactly(7, 3);
    }

    @Test
    void anAgentCompleteWithoutTheCallersChannelCountsForTheCallerItsMemberAnswered() {
        // Seen on the real Asterisk 22: when the caller hangs up first, AgentComplete may come without the caller's
        // channel fields (no Uniqueid), naming only the queue and the member.
        state.load(new AmiSnapshot(List.of(),
                List.of(event("QueueParams", "Queue", "sales", "Strategy", "rrmemory", "Completed", "0", "Abandoned", "0")),
                List.of()));
        state.apply(event("QueueCallerJoin", "Queue", "sales", "Uniqueid", "5.1", "Channel", "Local/301@test-1;2", "Position", "1"));
        state.apply(event("QueueCallerJoin", "Queue", "sales", "Uniqueid", "5.2", "Channel", "Local/301@test-2;2", "Position", "2"));
        state.apply(event("AgentConnect", "Queue", "sales", "Uniqueid", "5.1", "Interface", "Local/100@test/n"));
        state.apply(event("AgentConnect", "Queue", "sales", "Uniqueid", "5.2", "Interface", "PJSIP/1001"));
        state.apply(event("AgentComplete", "Queue", "sales", "Interface", "Local/100@test/n", "Reason", "caller"));
        assertThat(state.snapshot().queues().get(0).completed()).isEqualTo(1);
        // The same member's second AgentComplete has no answered caller left: it does not count again.
        state.apply(event("AgentComplete", "Queue", "sales", "Interface", "Local/100@test/n", "Reason", "caller"));
        state.apply(event("AgentComplete", "Queue", "sales", "Uniqueid", "5.2", "Interface", "PJSIP/1001", "Reason", "agent"));
        assertThat(state.snapshot().queues().get(0).completed()).isEqualTo(2);
    }

    @Test
    void anAgentCompleteWithoutTheCallersChannelCountsForTheOneCallerTheSnapshotShowedAnswered() {
        state.load(new AmiSnapshot(
                List.of(event("CoreShowChannel", "Uniqueid", "6.1", "Linkedid", "6.1", "Channel", "Local/301@test-1;2",
                        "Application", "Queue", "ApplicationData", "sales,,,,300")),
                List.of(event("QueueParams", "Queue", "sales", "Strategy", "rrmemory", "Completed", "3", "Abandoned", "0")),
                List.of()));
        state.apply(event("AgentComplete", "Queue", "sales", "Interface", "Local/100@test/n", "Reason", "caller"));
        state.apply(event("AgentComplete", "Queue", "sales", "Interface", "Local/100@test/n", "Reason", "caller"));
        assertThat(state.snapshot().queues().get(0).completed()).isEqualTo(4);
    }

    @Test
    void entriesOfOtherNamesInASnapshotListAreIgnoredNotMadeIntoPhantoms() {
        LiveDelta.Resynced loaded = state.load(new AmiSnapshot(
                List.of(event("CoreShowChannel", "Uniqueid", "1.1", "Linkedid", "1.1", "Channel", "PJSIP/1001-1"),
                        event("OriginateResponse", "Response", "Success", "Channel", "Local/100@test",
                                "Uniqueid", "9.9", "Linkedid", "9.9")),
                List.of(event("QueueParams", "Queue", "sales"), event("UserEvent", "UserEvent", "x", "Queue", "phantom")),
                List.of(event("EndpointList", "ObjectName", "1001", "DeviceState", "Not in use"),
                        event("UserEvent", "UserEvent", "x", "ObjectName", "phantom"))));
        assertThat(loaded.snapshot().calls()).extracting(LiveCall::id).containsExactly("1.1");
        assertThat(loaded.snapshot().queues()).extracting(LiveQueue::name).containsExactly("sales");
        assertThat(loaded.snapshot().endpoints()).extracting(LiveEndpoint::name).containsExactly("1001");
    }

    @Test
    void aDialplanStepSeenWithoutItsNewextenForgetsTheApplication() {
        state.load(new AmiSnapshot(List.of(event("CoreShowChannel", "Uniqueid", "5.1", "Linkedid", "5.1",
                "Channel", "PJSIP/1001-1", "Context", "test", "Exten", "100", "Priority", "2", "Application", "Wait")),
                List.of(), List.of()));
        state.apply(channelEvent("Newstate", "5.1", "ChannelStateDesc", "Up", "Context", "test", "Exten", "100",
                "Priority", "2"));
        assertThat(state.snapshot().calls().get(0).channels().get(0).application()).isEqualTo("Wait");
        state.apply(channelEvent("NewCallerid", "5.1", "CallerIDNum", "1001", "Context", "test", "Exten", "100",
                "Priority", "3"));
        assertThat(state.snapshot().calls().get(0).channels().get(0))
                .extracting(LiveChannel::priority, LiveChannel::application).containsExactly("3", "");
    }

    @Test
    void endpointsComeFromPjsipShowEndpointsAndFollowDeviceAndContactState() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of(
                event("EndpointList", "ObjectName", "1001", "DeviceState", "Not in use"),
                event("EndpointList", "ObjectName", "1002", "DeviceState", "Unavailable"))));
        assertThat(state.snapshot().endpoints()).extracting(LiveEndpoint::state)
                .containsExactly(DeviceState.NOT_INUSE, DeviceState.UNAVAILABLE);
        assertThat(state.apply(event("DeviceStateChange", "Device", "PJSIP/1001", "State", "INUSE")))
                .singleElement().isEqualTo(new LiveDelta.EndpointUpdated(state.snapshot().version(),
                        new LiveEndpoint("1001", "PJSIP/1001", DeviceState.INUSE, "")));
        assertThat(state.apply(event("DeviceStateChange", "Device", "Local/100@test", "State", "INUSE"))).isEmpty();
        state.apply(event("ContactStatus", "EndpointName", "1002", "ContactStatus", "Reachable"));
        assertThat(state.snapshot().endpoints().get(1).contactStatus()).isEqualTo("Reachable");
    }

    @Test
    void disconnectingClearsTheModelAndSaysSo() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        state.apply(newchannel("4.1", "4.1", "PJSIP/1001-4"));
        LiveDelta.Resynced cleared = state.disconnect();
        assertThat(cleared.snapshot().connected()).isFalse();
        assertThat(cleared.snapshot().calls()).isEmpty();
        assertThat(state.apply(channelEvent("Hangup", "4.1"))).isEmpty();
    }

    @Test
    void deviceStatesReadBothSpellings() {
        assertThat(DeviceState.parse("Not in use")).isEqualTo(DeviceState.NOT_INUSE);
        assertThat(DeviceState.parse("NOT_INUSE")).isEqualTo(DeviceState.NOT_INUSE);
        assertThat(DeviceState.parse("Ring+Inuse")).isEqualTo(DeviceState.RINGINUSE);
        assertThat(DeviceState.parse("On Hold")).isEqualTo(DeviceState.ONHOLD);
        assertThat(DeviceState.parse("whatever")).isEqualTo(DeviceState.UNKNOWN);
        assertThat(DeviceState.parse(null)).isEqualTo(DeviceState.UNKNOWN);
    }
}
