package io.amiboot.live;

import io.amiboot.client.AmiEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts each queue's figures ({@link QueueKpis}) from its events as they come, over a window that starts again at
 * the {@link KpiWindow}'s reset; not thread-safe (the live model's event thread calls it). Counts live only in the
 * window: a new window keeps who is paused and on a call, and forgets the rest. The pause state and calls of members
 * come from {@code QueueStatus} after a (re)connect ({@link #loadMember}); events missed while disconnected are not
 * counted.
 */
final class QueueKpiTracker {

    /**
     * Queues and members counted at most: Asterisk's configuration bounds them, this bounds the model's memory
     * should a peer send queue events for names without end.
     */
    static final int MAX_ENTRIES = 10_000;

    /** The events that change the figures, each a case of {@link #apply}. */
    private static final Set<String> COUNTED = Set.of("QueueCallerJoin", "QueueCallerAbandon", "AgentConnect",
            "AgentComplete", "AgentRingNoAnswer", "QueueMemberPause", "QueueMemberRemoved");

    private final Duration serviceLevelThreshold;

    private final KpiWindow window;

    private final Map<String, Counts> queues = new TreeMap<>();

    private Instant windowStart;

    /**
     * @param serviceLevelThreshold the wait within which an answer counts for the service level
     * @param window when the figures start again
     * @param now when counting starts: the first window's start
     */
    QueueKpiTracker(Duration serviceLevelThreshold, KpiWindow window, Instant now) {
        this.serviceLevelThreshold = serviceLevelThreshold;
        this.window = window;
        this.windowStart = now;
    }

    /**
     * Applies a queue event that changes the figures; ignores any other, and those of queues beyond
     * {@link #MAX_ENTRIES}.
     *
     * @return whether the event changed the figures
     */
    boolean apply(AmiEvent event, Instant now) {
        if (!COUNTED.contains(event.name()) || !admits(event)) {
            return false;
        }
        rollIfDue(now);
        switch (event.name()) {
            case "QueueCallerJoin" -> counts(event).offered++;
            case "QueueCallerAbandon" -> counts(event).ended(Duration.ofSeconds(Headers.number(event, "HoldTime", 0)), false,
                    serviceLevelThreshold);
            case "AgentConnect" -> {
                Counts counts = counts(event);
                counts.ended(Duration.ofSeconds(Headers.number(event, "HoldTime", 0)), true, serviceLevelThreshold);
                counts.member(event).onCall = true;
            }
            case "AgentComplete" -> {
                Counts counts = counts(event);
                counts.completed++;
                counts.talkSeconds += Headers.number(event, "TalkTime", 0);
                Member member = counts.member(event);
                member.handled++;
                member.onCall = false;
            }
            case "AgentRingNoAnswer" -> counts(event).member(event).missed++;
            case "QueueMemberPause" -> counts(event).member(event).pause(Headers.flag(event, "Paused"),
                    Headers.text(event, "PausedReason"), now);
            case "QueueMemberRemoved" -> counts(event).members.remove(Headers.text(event, "Interface"));
            default -> throw new IllegalStateException("COUNTED names " + event.name() + " but apply has no case for it");
        }
        return true;
    }

    /** Whether the event's queue is counted already, or there is room for one more. */
    private boolean admits(AmiEvent event) {
        return queues.containsKey(Headers.text(event, "Queue")) || queues.size() < MAX_ENTRIES;
    }

    /** Counts a queue from its {@code QueueParams} entry of {@code QueueStatus}: a queue nobody called yet has figures too. */
    void loadQueue(AmiEvent entry) {
        if (admits(entry)) {
            counts(entry);
        }
    }

    /**
     * Takes a member's pause and call state from a {@code QueueMember} entry of {@code QueueStatus}, which names the
     * member {@code Location} and {@code Name} (the events say {@code Interface} and {@code MemberName}).
     */
    void loadMember(AmiEvent entry, Instant now) {
        if (!admits(entry)) {
            return;
        }
        Member member = counts(entry).member(Headers.text(entry, "Location"), Headers.text(entry, "Name"));
        boolean paused = Headers.flag(entry, "Paused");
        long lastPause = Headers.number(entry, "LastPause", 0);
        Instant since = paused && lastPause > 0 ? Instant.ofEpochSecond(lastPause) : now;
        if (paused != member.paused || !paused) {
            member.pause(paused, Headers.text(entry, "PausedReason"), since);
        }
        member.onCall = Headers.flag(entry, "InCall");
    }

    /** {@return every queue's figures over the current window} */
    List<QueueKpis> kpis(Instant now) {
        rollIfDue(now);
        List<QueueKpis> all = new ArrayList<>(queues.size());
        queues.forEach((name, counts) -> all.add(counts.kpis(name, windowStart, serviceLevelThreshold)));
        return all;
    }

    private void rollIfDue(Instant now) {
        Instant reset = window.lastResetAtOrBefore(now);
        if (reset.isAfter(windowStart)) {
            windowStart = reset;
            queues.values().forEach(Counts::startAgain);
        }
    }

    private Counts counts(AmiEvent event) {
        return queues.computeIfAbsent(Headers.text(event, "Queue"), name -> new Counts());
    }

    /** One queue's counts in the window. */
    private static final class Counts {

        final Map<String, Member> members = new TreeMap<>();

        int offered;

        int answered;

        int abandoned;

        int answeredWithin;

        int completed;

        long waitSeconds;

        long longestWaitSeconds;

        long talkSeconds;

        void ended(Duration waited, boolean answeredByMember, Duration threshold) {
            long seconds = waited.toSeconds();
            if (answeredByMember) {
                answered++;
                if (waited.compareTo(threshold) <= 0) {
                    answeredWithin++;
                }
            }
            else {
                abandoned++;
            }
            waitSeconds += seconds;
            longestWaitSeconds = Math.max(longestWaitSeconds, seconds);
        }

        Member member(AmiEvent event) {
            return member(Headers.text(event, "Interface"), Headers.text(event, "MemberName"));
        }

        Member member(String location, String name) {
            Member member = members.get(location);
            if (member == null) {
                member = new Member();
                if (members.size() < MAX_ENTRIES) {
                    members.put(location, member);
                }
            }
            if (!name.isEmpty()) {
                member.name = name;
            }
            return member;
        }

        void startAgain() {
            offered = answered = abandoned = answeredWithin = completed = 0;
            waitSeconds = longestWaitSeconds = talkSeconds = 0;
            members.values().forEach(member -> member.handled = member.missed = 0);
        }

        QueueKpis kpis(String queue, Instant windowStart, Duration threshold) {
            int ended = answered + abandoned;
            List<QueueMemberKpis> memberKpis = new ArrayList<>(members.size());
            members.forEach((location, m) -> memberKpis.add(new QueueMemberKpis(queue, location, m.name, m.handled,
                    m.missed, m.paused, m.pausedReason, m.pausedSince, m.onCall)));
            return QueueKpis.of(queue, windowStart, offered, answered, abandoned, answeredWithin, threshold,
                    Duration.ofSeconds(longestWaitSeconds), ended == 0 ? Duration.ZERO : Duration.ofSeconds(waitSeconds).dividedBy(ended),
                    completed == 0 ? Duration.ZERO : Duration.ofSeconds(talkSeconds).dividedBy(completed), memberKpis);
        }
    }

    /** One member's state and counts in the window. */
    private static final class Member {

        String name = "";

        int handled;

        int missed;

        boolean paused;

        String pausedReason = "";

        Instant pausedSince;

        boolean onCall;

        void pause(boolean nowPaused, String reason, Instant since) {
            paused = nowPaused;
            pausedReason = nowPaused ? reason : "";
            pausedSince = nowPaused ? since : null;
        }
    }
}
