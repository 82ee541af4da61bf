package io.amiboot.live;

import io.amiboot.client.AmiEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts each queue's figures ({@link QueueKpis}) from its events as they come, over a window that starts again at
 * the {@link KpiWindow}'s reset; not thread-safe (the live model's event thread calls it). Counts live only in the
 * window: a new window keeps who is waiting, paused and on a call, and forgets the rest. After a (re)connect the
 * state (members, their pauses and calls, the callers waiting and since when) comes from {@code QueueStatus}
 * ({@link #load}); the counts do not: {@code QueueParams}' {@code Completed}, {@code Abandoned} and
 * {@code ServiceLevel} count since Asterisk started or its queue statistics were reset, not since the window's
 * start, so events missed while disconnected are not counted.
 */
final class QueueKpiTracker {

    /**
     * Queues and members counted at most: Asterisk's configuration bounds them, this bounds the model's memory
     * should a peer send queue events for names without end.
     */
    static final int MAX_ENTRIES = 10_000;

    /** The events that change the figures, each a case of {@link #apply}. */
    private static final Set<String> COUNTED = Set.of("QueueCallerJoin", "QueueCallerLeave", "QueueCallerAbandon", "AgentConnect",
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
            case "QueueCallerJoin" -> {
                Counts counts = counts(event);
                counts.offered++;
                counts.startWaiting(Headers.text(event, "Uniqueid"), now);
            }
            case "QueueCallerLeave" -> counts(event).waiting.remove(Headers.text(event, "Uniqueid"));
            case "QueueCallerAbandon" -> {
                Counts counts = counts(event);
                counts.waiting.remove(Headers.text(event, "Uniqueid"));
                counts.ended(Duration.ofSeconds(Headers.number(event, "HoldTime", 0)), false, serviceLevelThreshold);
            }
            case "AgentConnect" -> {
                Counts counts = counts(event);
                counts.waiting.remove(Headers.text(event, "Uniqueid"));
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

    /**
     * Takes the state of the queues {@code QueueStatus} lists from its entries: their members (one it no longer
     * lists is gone, with its counts), each member's pause and call, and the callers waiting now, each since
     * {@code Wait} seconds ago. Queues it does not list keep theirs (a failed {@code QueueStatus} lists none).
     */
    void load(List<AmiEvent> queueStatus, Instant now) {
        Map<String, Set<String>> listedMembers = new HashMap<>();
        for (AmiEvent entry : queueStatus) {
            if (!listedMembers.containsKey(Headers.text(entry, "Queue")) && admits(entry)) {
                listedMembers.put(Headers.text(entry, "Queue"), new HashSet<>());
                counts(entry).waiting.clear();
            }
        }
        for (AmiEvent entry : queueStatus) {
            Set<String> members = listedMembers.get(Headers.text(entry, "Queue"));
            if (members == null) {
                continue;
            }
            switch (entry.name()) {
                case "QueueMember" -> members.add(loadMember(entry, now));
                case "QueueEntry" -> counts(entry).startWaiting(Headers.text(entry, "Uniqueid"),
                        now.minusSeconds(Headers.number(entry, "Wait", 0)));
                default -> {
                    // QueueParams: its counters are not the window's (see the class comment).
                }
            }
        }
        listedMembers.forEach((queue, members) -> queues.get(queue).members.keySet().retainAll(members));
    }

    /**
     * Takes a member's pause and call state from a {@code QueueMember} entry of {@code QueueStatus}, which names the
     * member {@code Location} and {@code Name} (its events say {@code Interface} and {@code MemberName}).
     *
     * @return the member's location
     */
    private String loadMember(AmiEvent entry, Instant now) {
        String location = Headers.text(entry, "Location");
        Member member = counts(entry).member(location, Headers.text(entry, "Name"));
        boolean paused = Headers.flag(entry, "Paused");
        long lastPause = Headers.number(entry, "LastPause", 0);
        Instant since = paused && lastPause > 0 ? Instant.ofEpochSecond(lastPause) : now;
        if (paused != member.paused || !paused) {
            member.pause(paused, Headers.text(entry, "PausedReason"), since);
        }
        member.onCall = Headers.flag(entry, "InCall");
        return location;
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

        /** The callers waiting now, by unique ID, with when they started waiting. */
        final Map<String, Instant> waiting = new HashMap<>();

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

        void startWaiting(String uniqueId, Instant since) {
            if (waiting.size() < MAX_ENTRIES) {
                waiting.put(uniqueId, since);
            }
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
                    completed == 0 ? Duration.ZERO : Duration.ofSeconds(talkSeconds).dividedBy(completed), waiting.size(),
                    waiting.values().stream().min(Instant::compareTo).orElse(null), memberKpis);
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
