package io.amiboot.live;

import java.time.Instant;

/**
 * One queue member's figures over the queue's window.
 *
 * @param queue the queue
 * @param location the member's interface, e.g. {@code PJSIP/1001} (as {@link LiveQueueMember#location()})
 * @param name the member's name
 * @param handled calls it completed ({@code AgentComplete})
 * @param missed calls it let ring without answering ({@code AgentRingNoAnswer})
 * @param paused whether it is paused now
 * @param pausedReason why, as given when pausing, or empty
 * @param pausedSince since when it is paused, or {@code null} when it is not
 * @param onCall whether it is on a queue call now
 */
public record QueueMemberKpis(String queue, String location, String name, int handled, int missed, boolean paused,
        String pausedReason, Instant pausedSince, boolean onCall) {
}
