package io.amiboot.live;

import static io.amiboot.live.RecordedSession.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live model's queue figures: counted from events, kept across reconnects, zero after the daily reset. */
class LiveModelStateKpiTest {

    private Instant now = Instant.parse("2026-12-01T09:00:00Z");

    private final Clock clock = new Clock() {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final LiveModelState state = new LiveModelState(clock,
            new QueueKpiSettings(Duration.ofSeconds(10), new KpiWindow(LocalTime.of(6, 0), ZoneOffset.UTC)));

    @Test
    void queueEventsCountAndAReconnectKeepsTheWindowsCountsWhileQueueStatusGivesThePauses() {
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        state.apply(event("QueueCallerJoin", "Queue", "support", "Uniqueid", "1", "Position", "1", "Count", "1"));
        state.apply(event("AgentConnect", "Queue", "support", "Uniqueid", "1", "Interface", "PJSIP/1001",
                "MemberName", "Alice", "HoldTime", "12", "RingTime", "3"));
        assertThat(state.queueKpis()).singleElement().satisfies(kpis -> {
            assertThat(kpis.offered()).isEqualTo(1);
            assertThat(kpis.answered()).isEqualTo(1);
            assertThat(kpis.answeredWithinThreshold()).as("12 s is past the 10 s threshold").isZero();
        });

        state.disconnect();
        state.load(new AmiSnapshot(List.of(), List.of(event("QueueMember", "Queue", "support", "Interface", "PJSIP/1002",
                "MemberName", "Bob", "Location", "PJSIP/1002", "Paused", "1", "PausedReason", "lunch", "InCall", "0")), List.of()));

        QueueKpis afterReconnect = state.queueKpis().get(0);
        assertThat(afterReconnect.answered()).as("the window outlives the connection").isEqualTo(1);
        assertThat(afterReconnect.members()).filteredOn(member -> member.location().equals("PJSIP/1002"))
                .singleElement().satisfies(bob -> assertThat(bob.pausedReason()).isEqualTo("lunch"));
    }

    @Test
    void afterTheResetTimeTheFiguresReadZeroEvenBeforeAnotherEventComes() {
        state.apply(event("QueueCallerJoin", "Queue", "sales", "Uniqueid", "1"));
        state.apply(event("AgentConnect", "Queue", "sales", "Uniqueid", "1", "Interface", "PJSIP/1003", "HoldTime", "2"));
        assertThat(state.queueKpis().get(0).offered()).isEqualTo(1);

        now = Instant.parse("2026-12-02T06:00:01Z");

        QueueKpis fresh = state.queueKpis().get(0);
        assertThat(fresh.windowStart()).isEqualTo(Instant.parse("2026-12-02T06:00:00Z"));
        assertThat(fresh.offered()).isZero();
        assertThat(fresh.answered()).isZero();
        assertThat(fresh.members()).singleElement().satisfies(member -> assertThat(member.onCall()).isTrue());
    }

    @Test
    void aReconnectTakesTheCallersWaitingAndTheMembersFromQueueStatusAndKeepsTheWindowsCounts() {
        state.load(new AmiSnapshot(List.of(), List.of(
                event("QueueParams", "Queue", "support", "Completed", "500", "Abandoned", "70", "ServiceLevelPerf", "81.0"),
                event("QueueMember", "Queue", "support", "Name", "Alice", "Location", "PJSIP/1001", "Paused", "1", "PausedReason", "lunch", "LastPause", "1764579000", "InCall", "0"),
                event("QueueEntry", "Queue", "support", "Uniqueid", "5", "Position", "1", "Wait", "40")), List.of()));
        QueueKpis connected = state.queueKpis().get(0);
        assertThat(connected.waiting()).isEqualTo(1);
        assertThat(connected.longestWaitingSince()).isEqualTo(now.minusSeconds(40));
        assertThat(connected.offered()).as("QueueParams counts since Asterisk started, not since the window's start").isZero();
        assertThat(connected.answered()).isZero();
        assertThat(connected.members()).singleElement().satisfies(alice -> {
            // QueueStatus names a member by Location and Name, where its events say Interface and MemberName.
            assertThat(alice.location()).isEqualTo("PJSIP/1001");
            assertThat(alice.name()).isEqualTo("Alice");
            assertThat(alice.paused()).isTrue();
            assertThat(alice.pausedReason()).isEqualTo("lunch");
            assertThat(alice.pausedSince()).isEqualTo(Instant.ofEpochSecond(1764579000));
        });

        now = now.plusSeconds(5);
        state.apply(event("QueueCallerJoin", "Queue", "support", "Uniqueid", "6", "Position", "2", "Count", "2"));
        assertThat(state.queueKpis().get(0).waiting()).isEqualTo(2);
        assertThat(state.queueKpis().get(0).longestWaitingSince()).isEqualTo(now.minusSeconds(45));

        // While disconnected: caller 5 left and Alice was removed; the new QueueStatus says so.
        state.disconnect();
        now = now.plusSeconds(15);
        state.load(new AmiSnapshot(List.of(), List.of(event("QueueParams", "Queue", "support"),
                event("QueueEntry", "Queue", "support", "Uniqueid", "6", "Position", "1", "Wait", "15")), List.of()));
        QueueKpis reconnected = state.queueKpis().get(0);
        assertThat(reconnected.waiting()).isEqualTo(1);
        assertThat(reconnected.longestWaitingSince()).isEqualTo(now.minusSeconds(15));
        assertThat(reconnected.members()).as("a member QueueStatus no longer lists").isEmpty();
        assertThat(reconnected.offered()).as("the window outlives the connection").isEqualTo(1);

        state.apply(event("QueueCallerLeave", "Queue", "support", "Uniqueid", "6", "Position", "1", "Count", "0"));
        assertThat(state.queueKpis().get(0).waiting()).isZero();
        assertThat(state.queueKpis().get(0).longestWaitingSince()).isNull();
    }

    @Test
    void aQueueStatusThatListsNoQueueKeepsWhatWasKnown() {
        state.load(new AmiSnapshot(List.of(), List.of(event("QueueParams", "Queue", "sales"),
                event("QueueMember", "Queue", "sales", "Location", "PJSIP/1003", "Paused", "0", "InCall", "1"),
                event("QueueEntry", "Queue", "sales", "Uniqueid", "9", "Wait", "3")), List.of()));
        state.disconnect();
        // QueueStatus failed on the reconnect (the snapshot then has no queue entries at all).
        state.load(new AmiSnapshot(List.of(), List.of(), List.of()));
        assertThat(state.queueKpis()).singleElement().satisfies(sales -> {
            assertThat(sales.members()).singleElement().satisfies(member -> assertThat(member.onCall()).isTrue());
            assertThat(sales.waiting()).isEqualTo(1);
        });
    }
}
