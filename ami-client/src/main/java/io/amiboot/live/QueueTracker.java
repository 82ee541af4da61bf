package io.amiboot.live;

import io.amiboot.client.AmiEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Queues with their members and waiting callers; not thread-safe.
 *
 * <p>{@code Completed} and {@code Abandoned} come from {@code QueueStatus}, which counts every caller that left
 * before Asterisk answered it. Events held back during the rebuild, or still buffered when it completes, may
 * come from before that answer, so an ending counts only for a caller the model holds in the queue: one listed
 * waiting ({@code QueueEntry}) or, answered, bridged in {@code Queue()} ({@code CoreShowChannel}), or one
 * whose {@code QueueCallerJoin} / {@code AgentConnect} it applied since. A caller missing from the snapshot
 * had left already, and its ending is in the snapshot's counters.
 */
final class QueueTracker {

    /** The member of a caller known as answered from a snapshot, which does not say by whom. */
    private static final String UNKNOWN_MEMBER = "";

    private final Map<String, QueueState> queues = new TreeMap<>();

    /** Forgets everything. */
    void clear() {
        queues.clear();
    }

    /** Loads a {@code QueueParams}, {@code QueueMember} or {@code QueueEntry} entry of {@code QueueStatus}. */
    void load(AmiEvent entry, Instant now) {
        switch (entry.name()) {
            case "QueueParams" -> {
                QueueState queue = queue(entry);
                queue.strategy = Headers.text(entry, "Strategy");
                queue.completed = Headers.number(entry, "Completed", 0);
                queue.abandoned = Headers.number(entry, "Abandoned", 0);
            }
            case "QueueMember" -> putMember(queue(entry), entry, Headers.text(entry, "Location"));
            case "QueueEntry" -> {
                long waited = Headers.number(entry, "Wait", 0);
                putCaller(queue(entry), entry, now.minusSeconds(waited));
            }
            default -> {
            }
        }
    }

    /** Notes a caller from a {@code CoreShowChannel} entry bridged to a member in {@code Queue()}. */
    void loadAnswered(AmiEvent channel) {
        if (!Headers.text(channel, "Application").equals("Queue")) {
            return;
        }
        String data = Headers.text(channel, "ApplicationData");
        int comma = data.indexOf(',');
        QueueState queue = queues.get(comma < 0 ? data : data.substring(0, comma));
        String uniqueId = Headers.text(channel, "Uniqueid");
        if (queue != null && !queue.callers.containsKey(uniqueId)) {
            queue.answered.put(uniqueId, UNKNOWN_MEMBER);
        }
    }

    /**
     * Applies an event.
     * @return the name of the queue it changed, or {@code null}
     */
    String apply(AmiEvent event, Instant now) {
        String name = event.get("Queue");
        if (name == null) {
            return null;
        }
        switch (event.name()) {
            case "QueueCallerJoin" -> putCaller(queue(event), event, now);
            case "QueueCallerLeave" -> queue(event).callers.remove(event.get("Uniqueid"));
            case "QueueCallerAbandon" -> {
                QueueState queue = queue(event);
                if (queue.callers.remove(Headers.text(event, "Uniqueid")) != null) {
                    queue.abandoned++;
                }
            }
            case "QueueMemberAdded", "QueueMemberStatus", "QueueMemberPause", "QueueMemberPenalty",
                    "QueueMemberRinginuse" -> putMember(queue(event), event, Headers.text(event, "Interface"));
            case "QueueMemberRemoved" -> queue(event).members.remove(Headers.text(event, "Interface"));
            case "AgentConnect" -> {
                queue(event).answered.put(Headers.text(event, "Uniqueid"), Headers.text(event, "Interface"));
                return null;
            }
            case "AgentComplete" -> {
                QueueState queue = queue(event);
                if (queue.answered.remove(queue.completedCaller(event)) != null) {
                    queue.completed++;
                }
            }
            default -> {
                return null;
            }
        }
        return name;
    }

    /** The queue with this name, or {@code null}. */
    LiveQueue queue(String name) {
        QueueState queue = queues.get(name);
        return queue == null ? null : queue.toRecord();
    }

    /** Every queue, by name. */
    List<LiveQueue> queues() {
        return queues.values().stream().map(QueueState::toRecord).toList();
    }

    private QueueState queue(AmiEvent event) {
        return queues.computeIfAbsent(event.get("Queue"), QueueState::new);
    }

    private static void putMember(QueueState queue, AmiEvent event, String location) {
        LiveQueueMember old = queue.members.get(location);
        String name = Headers.text(event, "MemberName");
        if (name.isEmpty()) {
            name = Headers.text(event, "Name");
        }
        if (name.isEmpty()) {
            name = old == null ? location : old.name();
        }
        boolean paused = event.get("Paused") == null ? old != null && old.paused() : Headers.flag(event, "Paused");
        String reason = event.get("PausedReason") == null ? (old == null ? "" : old.pausedReason()) : Headers.text(event, "PausedReason");
        int status = Headers.number(event, "Status", old == null ? 0 : old.status());
        boolean inCall = event.get("InCall") == null ? old != null && old.inCall() : Headers.flag(event, "InCall");
        int callsTaken = Headers.number(event, "CallsTaken", old == null ? 0 : old.callsTaken());
        queue.members.put(location, new LiveQueueMember(location, name, status, paused, paused ? reason : "", inCall, callsTaken));
    }

    private static void putCaller(QueueState queue, AmiEvent event, Instant joinedAt) {
        String uniqueId = Headers.text(event, "Uniqueid");
        LiveQueueCaller old = queue.callers.get(uniqueId);
        queue.callers.put(uniqueId, new LiveQueueCaller(uniqueId, Headers.text(event, "Channel"),
                Headers.text(event, "CallerIDNum"), Headers.text(event, "CallerIDName"),
                Headers.number(event, "Position", 0), old == null ? joinedAt : old.joinedAt()));
    }

    /** The mutable state of one queue. */
    private static final class QueueState {

        final String name;

        final Map<String, LiveQueueMember> members = new TreeMap<>();

        final Map<String, LiveQueueCaller> callers = new LinkedHashMap<>();

        /**
         * Callers answered by a member whose {@code AgentComplete} is still to come, by unique ID, with the member's
         * interface ({@link #UNKNOWN_MEMBER} when known from a snapshot only).
         */
        final Map<String, String> answered = new HashMap<>();

        String strategy = "";

        int completed;

        int abandoned;

        QueueState(String name) {
            this.name = name;
        }

        /**
         * The caller an {@code AgentComplete} is about. When the caller hung up first, Asterisk may send it without
         * the caller's channel (no {@code Uniqueid}); the member's {@code Interface} then names the caller it
         * answered, or, for a caller known from the snapshot only, the one such caller if there is exactly one.
         */
        String completedCaller(AmiEvent agentComplete) {
            String uniqueId = Headers.text(agentComplete, "Uniqueid");
            if (!uniqueId.isEmpty()) {
                return uniqueId;
            }
            String member = Headers.text(agentComplete, "Interface");
            List<String> byMember = callersAnsweredBy(member);
            if (byMember.size() == 1) {
                return byMember.get(0);
            }
            List<String> unknown = callersAnsweredBy(UNKNOWN_MEMBER);
            return unknown.size() == 1 ? unknown.get(0) : "";
        }

        private List<String> callersAnsweredBy(String member) {
            return answered.entrySet().stream().filter(entry -> entry.getValue().equals(member)).map(Map.Entry::getKey)
                    .toList();
        }

        LiveQueue toRecord() {
            List<LiveQueueCaller> waiting = new ArrayList<>(callers.values());
            waiting.sort(Comparator.comparing(LiveQueueCaller::joinedAt));
            List<LiveQueueCaller> numbered = new ArrayList<>();
            for (int i = 0; i < waiting.size(); i++) {
                LiveQueueCaller caller = waiting.get(i);
                numbered.add(new LiveQueueCaller(caller.uniqueId(), caller.channel(), caller.callerIdNum(),
                        caller.callerIdName(), i + 1, caller.joinedAt()));
            }
            return new LiveQueue(name, strategy, completed, abandoned, new ArrayList<>(members.values()), numbered);
        }
    }
}
