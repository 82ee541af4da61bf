package io.amiboot.live;

import static io.amiboot.live.RecordedSession.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Caller and callee of the live model's calls. The demo calls' events are those a real Asterisk 22 sent for the
 * dashboard's demo originates ({@code Local/500@demo} and {@code Local/400@demo}, Application Wait, CallerID
 * {@code "Demo caller" <5155>}) with the call event mask, cut to the headers the model reads.
 */
class LiveCallPartiesTest {

    private static final LiveParty DEMO_CALLER = new LiveParty("5155", "Demo caller");

    private final LiveModelState state = new LiveModelState(Clock.fixed(Instant.parse("2026-12-01T15:00:00Z"), ZoneOffset.UTC));

    /** A channel event with the standard channel headers, {@code <unknown>} where Asterisk writes it. */
    private static AmiEvent channel(String event, String name, String uniqueId, String linkedId, String state,
            String callerId, String connectedLine, String context, String exten, String... more) {
        String[] caller = callerId.split("/", -1);
        String[] connected = connectedLine.split("/", -1);
        List<String> headers = new ArrayList<>(List.of("Channel", name, "ChannelStateDesc", state,
                "CallerIDNum", caller[0], "CallerIDName", caller[1], "ConnectedLineNum", connected[0],
                "ConnectedLineName", connected[1], "Context", context, "Exten", exten, "Priority", "1",
                "Uniqueid", uniqueId, "Linkedid", linkedId));
        headers.addAll(List.of(more));
        return event(event, headers.toArray(String[]::new));
    }

    private static final String UNKNOWN = "<unknown>/<unknown>";

    private LiveCall call(String id) {
        return state.snapshot().calls().stream().filter(call -> call.id().equals(id)).findFirst().orElseThrow();
    }

    /** Applies the events and checks after each that no call names its caller as its callee. */
    private void apply(List<AmiEvent> events) {
        for (AmiEvent event : events) {
            for (LiveCall call : state.snapshot().calls()) {
                assertThat(call.callee()).as("callee of %s after %s", call.id(), event.name()).isNotEqualTo(call.caller());
            }
            state.apply(event);
        }
    }

    @Test
    void aCallFromOnePjsipEndpointToAnotherIsFromTheCallerToTheEndpointDialledThenAnswering() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        state.apply(channel("Newchannel", "PJSIP/1001-00000001", "1.1", "1.1", "Ring", "1001/Alice", UNKNOWN,
                "endpoints", "1002"));
        assertThat(call("1.1").caller()).isEqualTo(new LiveParty("1001", "Alice"));
        assertThat(call("1.1").callee()).as("the extension dialled").isEqualTo(new LiveParty("1002", ""));

        state.apply(channel("Newchannel", "PJSIP/1002-00000002", "1.2", "1.1", "Down", "1002/Bob", "1001/Alice",
                "endpoints", "1002"));
        assertThat(call("1.1").callee()).as("the dialled endpoint by its own caller ID").isEqualTo(new LiveParty("1002", "Bob"));

        state.apply(channel("NewConnectedLine", "PJSIP/1001-00000001", "1.1", "1.1", "Up", "1001/Alice", "1002/Bob",
                "endpoints", "1002"));
        state.apply(channel("Newstate", "PJSIP/1002-00000002", "1.2", "1.1", "Up", "1002/Bob", "1001/Alice",
                "endpoints", "1002"));
        assertThat(call("1.1").caller()).isEqualTo(new LiveParty("1001", "Alice"));
        assertThat(call("1.1").callee()).isEqualTo(new LiveParty("1002", "Bob"));
    }

    @Test
    void aConnectedLineWithANumberOnlyTakesTheNameOfTheChannelThatHasThatNumber() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        state.apply(channel("Newchannel", "PJSIP/1001-00000001", "1.1", "1.1", "Up", "1001/Alice", "1003/<unknown>",
                "endpoints", "1003"));
        assertThat(call("1.1").callee()).isEqualTo(new LiveParty("1003", ""));

        state.apply(channel("Newchannel", "PJSIP/1003-00000002", "1.2", "1.1", "Up", "1003/Carol", "1001/Alice",
                "endpoints", "1003"));
        assertThat(call("1.1").callee()).isEqualTo(new LiveParty("1003", "Carol"));
    }

    /** The first events of the demo's {@code Local/500@demo} originate: both halves there, neither answered. */
    private static List<AmiEvent> demoOriginateRinging() {
        String one = "Local/500@demo-0000000f;1";
        String two = "Local/500@demo-0000000f;2";
        String caller = "5155/Demo caller";
        return List.of(
                channel("Newchannel", one, "1796138226.34", "1796138226.34", "Down", UNKNOWN, UNKNOWN, "demo", "500"),
                channel("Newchannel", two, "1796138226.35", "1796138226.34", "Ring", UNKNOWN, UNKNOWN, "demo", "500"),
                channel("NewCallerid", one, "1796138226.34", "1796138226.34", "Down", caller, UNKNOWN, "demo", "500"),
                channel("NewConnectedLine", one, "1796138226.34", "1796138226.34", "Down", caller, caller, "demo", "500"),
                channel("NewCallerid", two, "1796138226.35", "1796138226.34", "Ring", caller, caller, "demo", "500"),
                channel("NewConnectedLine", two, "1796138226.35", "1796138226.34", "Ring", caller, caller, "demo", "500"));
    }

    @Test
    void anOriginateToAnExtensionNobodyAnsweredYetIsToThatExtension() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        apply(demoOriginateRinging());
        LiveCall call = call("1796138226.34");
        assertThat(call.channels()).extracting(LiveChannel::state).containsExactly("Down", "Ring");
        assertThat(call.caller()).isEqualTo(DEMO_CALLER);
        assertThat(call.callee()).isEqualTo(new LiveParty("500", ""));
    }

    @Test
    void theDemosLocalPairIsFromTheDemoCallerToTheExtensionDialledNeverToTheCallerAgain() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        apply(demoOriginateRinging());
        apply(List.of(
                channel("Newstate", "Local/500@demo-0000000f;2", "1796138226.35", "1796138226.34", "Up",
                        "5155/Demo caller", "5155/Demo caller", "demo", "500"),
                channel("Newstate", "Local/500@demo-0000000f;1", "1796138226.34", "1796138226.34", "Up",
                        "5155/Demo caller", "5155/Demo caller", "demo", "500")));
        LiveCall call = call("1796138226.34");
        assertThat(call.channels()).extracting(LiveChannel::state).containsOnly("Up");
        assertThat(call.caller()).isEqualTo(DEMO_CALLER);
        assertThat(call.callee()).isEqualTo(new LiveParty("500", ""));
    }

    @Test
    void theDemosBridgedLocalPairsAreFromTheDemoCallerToTheExtensionItDialled() {
        String id = "1796138227.36";
        String caller = "5155/Demo caller";
        String oneOf400 = "Local/400@demo-00000010;1";
        String twoOf400 = "Local/400@demo-00000010;2";
        String oneOf100 = "Local/100@test-00000011;1";
        String twoOf100 = "Local/100@test-00000011;2";
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        apply(List.of(
                channel("Newchannel", oneOf400, id, id, "Down", UNKNOWN, UNKNOWN, "demo", "400"),
                channel("Newchannel", twoOf400, "1796138227.37", id, "Ring", UNKNOWN, UNKNOWN, "demo", "400"),
                channel("NewCallerid", oneOf400, id, id, "Down", caller, UNKNOWN, "demo", "400"),
                channel("NewConnectedLine", oneOf400, id, id, "Down", caller, caller, "demo", "400"),
                channel("NewCallerid", twoOf400, "1796138227.37", id, "Ring", caller, caller, "demo", "400"),
                channel("Newstate", twoOf400, "1796138227.37", id, "Up", caller, caller, "demo", "400"),
                channel("Newstate", oneOf400, id, id, "Up", caller, caller, "demo", "400"),
                // Dial(Local/100@test/n) from 400: Asterisk gives the dialled leg the dialled extension as its number
                // and the caller's name
                channel("Newchannel", oneOf100, "1796138227.38", id, "Down", UNKNOWN, UNKNOWN, "test", "100"),
                channel("Newchannel", twoOf100, "1796138227.39", id, "Ring", UNKNOWN, UNKNOWN, "test", "100"),
                channel("NewCallerid", oneOf100, "1796138227.38", id, "Down", "400/Demo caller", caller, "test", "400"),
                channel("NewCallerid", twoOf100, "1796138227.39", id, "Ring", caller, "400/Demo caller", "test", "100"),
                channel("Newstate", twoOf100, "1796138227.39", id, "Up", caller, "400/Demo caller", "test", "100"),
                channel("Newstate", oneOf100, "1796138227.38", id, "Up", "400/Demo caller", caller, "test", "400"),
                channel("BridgeEnter", oneOf100, "1796138227.38", id, "Up", "400/Demo caller", caller, "test", "",
                        "BridgeUniqueid", "26f44593"),
                channel("BridgeEnter", twoOf400, "1796138227.37", id, "Up", caller, caller, "demo", "400",
                        "BridgeUniqueid", "26f44593")));
        LiveCall call = call(id);
        assertThat(call.channels()).hasSize(4);
        assertThat(call.caller()).isEqualTo(DEMO_CALLER);
        assertThat(call.callee()).isEqualTo(new LiveParty("400", ""));
    }

    @Test
    void callsWithoutCallerIdHaveAnUnknownCallerAndAreToTheExtensionOrTheLegDialled() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        Map<String, LiveCall> fullest = new HashMap<>();
        for (AmiEvent event : RecordedSession.events()) {
            if (event.actionId() != null) {
                continue;
            }
            for (LiveDelta delta : state.apply(event)) {
                LiveCall call = delta instanceof LiveDelta.CallAdded added ? added.call()
                        : delta instanceof LiveDelta.CallUpdated updated ? updated.call() : null;
                if (call != null) {
                    fullest.merge(call.id(), call, (kept, now) -> now.channels().size() > kept.channels().size() ? now : kept);
                }
            }
        }
        // Originate Local/100@test, no CallerID: every header of the four channels is <unknown>
        assertThat(fullest.get("1795665793.36").caller()).isEqualTo(LiveParty.UNKNOWN);
        assertThat(fullest.get("1795665793.36").callee()).isEqualTo(new LiveParty("100", ""));
        // Local/300@test into queue support, answered by the member Local/100@test, whose leg Asterisk numbers 300
        assertThat(fullest.get("1795665794.44").channels()).extracting(LiveChannel::name)
                .contains("Local/100@test-00000017;1");
        assertThat(fullest.get("1795665794.44").caller()).isEqualTo(LiveParty.UNKNOWN);
        assertThat(fullest.get("1795665794.44").callee()).isEqualTo(new LiveParty("300", ""));
    }

    @Test
    void aChannelStillAtTheStartExtensionWithUnknownCallerIdHasNeitherPartyKnown() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        state.apply(channel("Newchannel", "PJSIP/1001-00000009", "9.1", "9.1", "Down", "<unknown>/", "/<unknown>",
                "endpoints", "s"));
        assertThat(call("9.1").caller()).isEqualTo(LiveParty.UNKNOWN);
        assertThat(call("9.1").callee()).isEqualTo(LiveParty.UNKNOWN);
    }
}
