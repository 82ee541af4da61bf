package io.amiboot.live;

import static io.amiboot.live.RecordedSession.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A queue's figures counted from its events, over a window that resets at a time of day. */
class QueueKpiTrackerTest {

    private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    private final QueueKpiTracker tracker = new QueueKpiTracker(Duration.ofSeconds(20),
            new KpiWindow(LocalTime.of(6, 0), ZoneOffset.UTC), NINE);

    private void join(String uniqueId) {
        tracker.apply(event("QueueCallerJoin", "Queue", "support", "Uniqueid", uniqueId, "Position", "1", "Count", "1"), NINE);
    }

    private void answer(String uniqueId, int holdSeconds, String member) {
        tracker.apply(event("AgentConnect", "Queue", "support", "Uniqueid", uniqueId, "Interface", member,
                "MemberName", "Agent " + member, "HoldTime", Integer.toString(holdSeconds), "RingTime", "2"), NINE);
    }

    private QueueKpis support(Instant at) {
        return tracker.kpis(at).stream().filter(kpis -> kpis.queue().equals("support")).findFirst().orElseThrow();
    }

    @Test
    void answeredWithinAndPastTheThresholdAndAbandonedMakeTheServiceLevelAndWaits() {
        join("1");
        join("2");
        join("3");
        join("4");
        answer("1", 5, "PJSIP/1001");
        answer("2", 20, "PJSIP/1002");
        answer("3", 45, "PJSIP/1001");
        tracker.apply(event("QueueCallerAbandon", "Queue", "support", "Uniqueid", "4", "HoldTime", "30",
                "Position", "1", "OriginalPosition", "1"), NINE);

        QueueKpis kpis = support(NINE.plusSeconds(60));
        assertThat(kpis.offered()).isEqualTo(4);
        assertThat(kpis.answered()).isEqualTo(3);
        assertThat(kpis.abandoned()).isEqualTo(1);
        assertThat(kpis.answeredWithinThreshold()).as("5 s and exactly 20 s count, 45 s does not").isEqualTo(2);
        assertThat(kpis.serviceLevel()).isEqualTo(0.5);
        assertThat(kpis.abandonRate()).isEqualTo(0.25);
        assertThat(kpis.longestWait()).isEqualTo(Duration.ofSeconds(45));
        assertThat(kpis.averageWait()).isEqualTo(Duration.ofSeconds(25));
        assertThat(kpis.members()).extracting(QueueMemberKpis::location, QueueMemberKpis::onCall)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PJSIP/1001", true),
                        org.assertj.core.groups.Tuple.tuple("PJSIP/1002", true));
    }

    @Test
    void membersCountHandledAndMissedCallsAndKeepTheirPauseReasonAndSince() {
        join("1");
        tracker.apply(event("AgentRingNoAnswer", "Queue", "support", "Interface", "PJSIP/1002", "MemberName", "Bob",
                "RingTime", "15"), NINE);
        answer("1", 3, "PJSIP/1001");
        tracker.apply(event("AgentComplete", "Queue", "support", "Uniqueid", "1", "Interface", "PJSIP/1001",
                "MemberName", "Alice", "HoldTime", "3", "TalkTime", "120", "Reason", "caller"), NINE);
        Instant pausedAt = NINE.plusSeconds(200);
        tracker.apply(event("QueueMemberPause", "Queue", "support", "Interface", "PJSIP/1002", "MemberName", "Bob",
                "Paused", "1", "PausedReason", "lunch"), pausedAt);

        QueueKpis kpis = support(NINE.plusSeconds(300));
        assertThat(kpis.averageTalk()).isEqualTo(Duration.ofMinutes(2));
        QueueMemberKpis alice = kpis.members().get(0);
        assertThat(alice.name()).isEqualTo("Alice");
        assertThat(alice.handled()).isEqualTo(1);
        assertThat(alice.onCall()).as("completed").isFalse();
        QueueMemberKpis bob = kpis.members().get(1);
        assertThat(bob.missed()).isEqualTo(1);
        assertThat(bob.paused()).isTrue();
        assertThat(bob.pausedReason()).isEqualTo("lunch");
        assertThat(bob.pausedSince()).isEqualTo(pausedAt);

        tracker.apply(event("QueueMemberPause", "Queue", "support", "Interface", "PJSIP/1002", "Paused", "0"), pausedAt.plusSeconds(60));
        QueueMemberKpis back = support(pausedAt.plusSeconds(61)).members().get(1);
        assertThat(back.paused()).isFalse();
        assertThat(back.pausedReason()).isEmpty();
        assertThat(back.pausedSince()).isNull();
    }

    @Test
    void theWindowStartsAgainAtTheResetTimeKeepingWhoIsPausedAndOnACall() {
        join("1");
        answer("1", 3, "PJSIP/1001");
        tracker.apply(event("QueueMemberPause", "Queue", "support", "Interface", "PJSIP/1002", "Paused", "1",
                "PausedReason", "training"), NINE);
        assertThat(support(NINE).windowStart()).as("the first window starts when counting did").isEqualTo(NINE);

        Instant nextMorning = Instant.parse("2026-12-02T06:00:00Z");
        assertThat(support(nextMorning.minusSeconds(1)).offered()).isEqualTo(1);
        QueueKpis fresh = support(nextMorning.plusSeconds(1));
        assertThat(fresh.windowStart()).isEqualTo(nextMorning);
        assertThat(fresh.offered()).isZero();
        assertThat(fresh.answered()).isZero();
        assertThat(fresh.serviceLevel()).as("no caller left yet").isEqualTo(1.0);
        assertThat(fresh.members()).extracting(QueueMemberKpis::onCall).containsExactly(true, false);
        assertThat(fresh.members().get(1).pausedReason()).isEqualTo("training");
    }

    @Test
    void queueStatusGivesThePauseAndCallStateAfterAReconnect() {
        tracker.load(List.of(event("QueueMember", "Queue", "sales", "Name", "Carol", "Location", "PJSIP/1003",
                "Paused", "1", "PausedReason", "break", "LastPause", "1796115600", "InCall", "0")), NINE);
        QueueMemberKpis carol = tracker.kpis(NINE).get(0).members().get(0);
        assertThat(carol.location()).isEqualTo("PJSIP/1003");
        assertThat(carol.name()).isEqualTo("Carol");
        assertThat(carol.paused()).isTrue();
        assertThat(carol.pausedReason()).isEqualTo("break");
        assertThat(carol.pausedSince()).isEqualTo(Instant.ofEpochSecond(1796115600));
    }

    @Test
    void queueEventsForEndlessNewNamesStopAtTheBound() {
        for (int i = 0; i < QueueKpiTracker.MAX_ENTRIES + 50; i++) {
            tracker.apply(event("QueueCallerJoin", "Queue", "q" + i, "Uniqueid", "u" + i), NINE);
        }
        assertThat(tracker.kpis(NINE)).hasSize(QueueKpiTracker.MAX_ENTRIES);
        tracker.apply(event("Newchannel", "Queue", "not-a-queue-event"), NINE);
        assertThat(tracker.kpis(NINE)).hasSize(QueueKpiTracker.MAX_ENTRIES);
    }
}
