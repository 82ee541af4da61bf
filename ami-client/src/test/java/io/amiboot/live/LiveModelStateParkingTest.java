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
 * The parking lot of the live model, from the {@code ParkedCalls} list and the parking events, with the headers
 * Asterisk 22 sent for a call parked with the {@code Park} action, one picked up by dialling its space, one that
 * timed out and one whose caller hung up.
 */
class LiveModelStateParkingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T17:45:00Z");

    private final LiveModelState state = new LiveModelState(Clock.fixed(NOW, ZoneOffset.UTC));

    /** A parking event of Asterisk 22 for the parked half of {@code Local/400@test-00000008;2}; {@code more} adds or replaces headers. */
    private static AmiEvent parking(String name, String space, String uniqueId, String... more) {
        List<String> headers = new ArrayList<>(List.of("ParkeeChannel", "Local/400@test-00000008;2",
                "ParkeeChannelState", "6", "ParkeeChannelStateDesc", "Up", "ParkeeCallerIDNum", "557",
                "ParkeeCallerIDName", "parkme3", "ParkeeConnectedLineNum", "557", "ParkeeConnectedLineName", "parkme3",
                "ParkeeLanguage", "en", "ParkeeAccountCode", "", "ParkeeContext", "test", "ParkeeExten", "400",
                "ParkeePriority", "3", "ParkeeUniqueid", uniqueId, "ParkeeLinkedid", "1796146884.16",
                "ParkerDialString", "Local/100@test", "Parkinglot", "default", "ParkingSpace", space));
        for (int i = 0; i < more.length; i += 2) {
            int at = headers.indexOf(more[i]);
            if (at >= 0 && at % 2 == 0) {
                headers.set(at + 1, more[i + 1]);
            }
            else {
                headers.addAll(List.of(more[i], more[i + 1]));
            }
        }
        return event(name, headers.toArray(String[]::new));
    }

    private static AmiEvent parked(String space, String uniqueId, int timeout, int duration) {
        return parking("ParkedCall", space, uniqueId, "ParkingTimeout", Integer.toString(timeout), "ParkingDuration",
                Integer.toString(duration));
    }

    @Test
    void theParkedCallsListIsTheLotAfterALoadTimedFromItsDurationAndWhatIsLeftOfItsTimeout() {
        AmiEvent listed = parking("ParkedCall", "702", "1796146884.19", "ParkingTimeout", "5", "ParkingDuration", "3",
                "ActionID", "l2");
        AmiEvent noTimeout = parking("ParkedCall", "99", "1796146884.21", "ParkingTimeout", "0", "ParkingDuration", "60");
        AmiEvent otherLot = parking("ParkedCall", "801", "1796146884.23", "ParkingTimeout", "40", "ParkingDuration", "5",
                "Parkinglot", "sales");
        LiveDelta.Resynced loaded = state.load(new AmiSnapshot(List.of(), List.of(), List.of(), List.of(),
                List.of(otherLot, listed, noTimeout, event("ParkedCallsComplete", "ListItems", "3"))));

        assertThat(loaded.snapshot().parkedCalls()).extracting(call -> call.lot() + "/" + call.space())
                .containsExactly("default/99", "default/702", "sales/801");
        assertThat(loaded.snapshot().parkedCalls().get(1)).isEqualTo(new LiveParkedCall("default", "702",
                "Local/400@test-00000008;2", "1796146884.19", "1796146884.16", "557", "parkme3", "Local/100@test",
                NOW.minusSeconds(3), NOW.plusSeconds(5)));
        assertThat(loaded.snapshot().parkedCalls().get(0).timeoutAt()).as("a space without a timeout").isNull();
    }

    @Test
    void aParkedCallFillsItsSpaceAndPickingItUpEmptiesTheLot() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        long before = state.snapshot().version();

        List<LiveDelta> parkedDeltas = state.apply(parked("701", "1796146884.17", 45, 0));
        assertThat(parkedDeltas).singleElement().isInstanceOfSatisfying(LiveDelta.ParkedCallUpdated.class, delta -> {
            assertThat(delta.version()).isEqualTo(before + 1);
            assertThat(delta.parkedCall().space()).isEqualTo("701");
            assertThat(delta.parkedCall().parkedAt()).isEqualTo(NOW);
            assertThat(delta.parkedCall().timeoutAt()).isEqualTo(NOW.plusSeconds(45));
        });
        assertThat(state.snapshot().parkedCalls()).extracting(LiveParkedCall::callerIdName).containsExactly("parkme3");

        List<LiveDelta> pickedUp = state.apply(parking("UnParkedCall", "701", "1796146884.17",
                "RetrieverChannel", "Local/100@test-0000000b;1", "RetrieverCallerIDName", "picker",
                "ParkingTimeout", "43", "ParkingDuration", "2"));
        assertThat(pickedUp).singleElement().isInstanceOfSatisfying(LiveDelta.ParkedCallRemoved.class, delta -> {
            assertThat(delta.version()).isEqualTo(before + 2);
            assertThat(delta.outcome()).isEqualTo(LiveDelta.ParkingOutcome.PICKED_UP);
            assertThat(delta.parkedCall().uniqueId()).isEqualTo("1796146884.17");
        });
        assertThat(state.snapshot().parkedCalls()).isEmpty();
        assertThat(state.snapshot().version()).isEqualTo(before + 2);
    }

    @Test
    void aTimeOutAndAGiveUpEachEmptyTheirSpaceAndSayWhy() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        state.apply(parked("701", "1.1", 8, 0));
        state.apply(parked("702", "1.2", 45, 0));

        assertThat(state.apply(parking("ParkedCallTimeOut", "701", "1.1", "ParkingTimeout", "0", "ParkingDuration", "8")))
                .singleElement().extracting(delta -> ((LiveDelta.ParkedCallRemoved) delta).outcome())
                .isEqualTo(LiveDelta.ParkingOutcome.TIMED_OUT);
        assertThat(state.snapshot().parkedCalls()).extracting(LiveParkedCall::space).containsExactly("702");
        assertThat(state.apply(parking("ParkedCallGiveUp", "702", "1.2", "ParkingTimeout", "43", "ParkingDuration", "2")))
                .singleElement().extracting(delta -> ((LiveDelta.ParkedCallRemoved) delta).outcome())
                .isEqualTo(LiveDelta.ParkingOutcome.GAVE_UP);
        assertThat(state.snapshot().parkedCalls()).isEmpty();
    }

    @Test
    void aSwapPutsAnotherChannelIntoTheSpaceAndTheEarlierOccupantsLateEventsLeaveItThere() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        state.apply(parked("701", "1.1", 45, 0));

        assertThat(state.apply(parking("ParkedCallSwap", "701", "1.5", "ParkingTimeout", "40", "ParkingDuration", "5")))
                .singleElement().isInstanceOf(LiveDelta.ParkedCallUpdated.class);
        assertThat(state.snapshot().parkedCalls()).extracting(LiveParkedCall::uniqueId).containsExactly("1.5");
        assertThat(state.apply(parking("ParkedCallGiveUp", "701", "1.1"))).as("the channel swapped out hangs up").isEmpty();
        assertThat(state.snapshot().parkedCalls()).extracting(LiveParkedCall::uniqueId).containsExactly("1.5");
        assertThat(state.apply(parking("UnParkedCall", "702", "1.5"))).as("another space").isEmpty();
    }

    @Test
    void aDisconnectEmptiesTheLotAndOtherEventsLeaveItAlone() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of(), List.of(), List.of(parked("701", "1.1", 45, 0))));
        assertThat(state.apply(event("Hangup", "Uniqueid", "9.9", "Linkedid", "9.9"))).isEmpty();
        assertThat(state.apply(event("ParkedCall", "ParkingTimeout", "45"))).as("no space").isEmpty();
        assertThat(state.snapshot().parkedCalls()).hasSize(1);

        assertThat(state.disconnect().snapshot().parkedCalls()).isEmpty();
    }
}
