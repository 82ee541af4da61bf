package io.amiboot.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a supervisor steers a queue by, over the current window (since {@code windowStart}): counted from the
 * queue's events as they happen.
 *
 * @param queue the queue name
 * @param windowStart when the window began (the last daily reset, or when the model started counting)
 * @param offered callers who joined the queue
 * @param answered callers a member answered ({@code AgentConnect})
 * @param abandoned callers who hung up waiting ({@code QueueCallerAbandon})
 * @param answeredWithinThreshold answered callers who had waited at most {@code serviceLevelThreshold}
 * @param serviceLevelThreshold the wait within which an answer counts for the service level
 * @param longestWait the longest wait of a caller who was answered or abandoned in the window
 * @param averageWait the average wait of those callers, zero when there were none
 * @param averageTalk the average talk time of the calls completed in the window ({@code AgentComplete})
 * @param waiting the callers waiting in the queue now (from {@code QueueStatus} after a (re)connect, then events)
 * @param longestWaitingSince since when the caller waiting longest has waited, {@code null} when none waits
 * @param members each member's figures, by location
 * @param abandonRate the share of the callers who left the queue (answered or abandoned) that abandoned, 0 to 1;
 *        0 when none left (worked out from the counts, whatever is passed)
 * @param serviceLevel the share of the callers who left the queue that were answered within the threshold, 0 to 1;
 *        1 when none left (the usual wallboard service level: abandoned callers count against it; worked out from
 *        the counts, whatever is passed)
 */
public record QueueKpis(String queue, Instant windowStart, int offered, int answered, int abandoned,
        int answeredWithinThreshold, Duration serviceLevelThreshold, Duration longestWait, Duration averageWait,
        Duration averageTalk, int waiting, Instant longestWaitingSince, List<QueueMemberKpis> members, double abandonRate,
        double serviceLevel) {

    /**
     * Copies the members so the record stays immutable.
     *
     * @param queue the queue name
     * @param windowStart when the window began
     * @param offered callers who joined
     * @param answered callers answered
     * @param abandoned callers who hung up waiting
     * @param answeredWithinThreshold callers answered within the threshold
     * @param serviceLevelThreshold the service level's threshold
     * @param longestWait the longest wait of an answered or abandoned caller
     * @param averageWait their average wait
     * @param averageTalk the average talk time
     * @param waiting the callers waiting now
     * @param longestWaitingSince since when the longest waiting caller waits, or {@code null}
     * @param members each member's figures
     * @param abandonRate ignored: worked out from the counts
     * @param serviceLevel ignored: worked out from the counts
     */
    public QueueKpis {
        members = List.copyOf(members);
        int ended = answered + abandoned;
        abandonRate = ended == 0 ? 0 : (double) abandoned / ended;
        serviceLevel = ended == 0 ? 1 : (double) answeredWithinThreshold / ended;
    }

    /**
     * The figures of a queue, the rates worked out from the counts.
     *
     * @param queue the queue name
     * @param windowStart when the window began
     * @param offered callers who joined
     * @param answered callers answered
     * @param abandoned callers who hung up waiting
     * @param answeredWithinThreshold callers answered within the threshold
     * @param serviceLevelThreshold the service level's threshold
     * @param longestWait the longest wait of an answered or abandoned caller
     * @param averageWait their average wait
     * @param averageTalk the average talk time
     * @param waiting the callers waiting now
     * @param longestWaitingSince since when the longest waiting caller waits, or {@code null}
     * @param members each member's figures
     * @return the figures
     */
    public static QueueKpis of(String queue, Instant windowStart, int offered, int answered, int abandoned,
            int answeredWithinThreshold, Duration serviceLevelThreshold, Duration longestWait, Duration averageWait,
            Duration averageTalk, int waiting, Instant longestWaitingSince, List<QueueMemberKpis> members) {
        return new QueueKpis(queue, windowStart, offered, answered, abandoned, answeredWithinThreshold,
                serviceLevelThreshold, longestWait, averageWait, averageTalk, waiting, longestWaitingSince, members, 0, 0);
    }

    /**
     * {@return these figures as a new window starting at {@code start} has them before any event: counts zero,
     * callers still waiting and members still paused or on a call as they were}
     *
     * @param start the new window's start
     */
    public QueueKpis startedAgainAt(Instant start) {
        List<QueueMemberKpis> fresh = members.stream().map(member -> new QueueMemberKpis(member.queue(), member.location(),
                member.name(), 0, 0, member.paused(), member.pausedReason(), member.pausedSince(), member.onCall())).toList();
        return of(queue, start, 0, 0, 0, 0, serviceLevelThreshold, Duration.ZERO, Duration.ZERO, Duration.ZERO, waiting,
                longestWaitingSince, fresh);
    }
}
