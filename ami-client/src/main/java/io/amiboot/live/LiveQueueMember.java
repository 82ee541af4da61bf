package io.amiboot.live;

/**
 * A member (agent) of a queue.
 *
 * @param location the member's interface, e.g. {@code PJSIP/1001}; its key in the queue
 * @param name the member name
 * @param status the Asterisk device status number of the member ({@code 1} not in use, {@code 2} in use, ...)
 * @param paused whether the member is paused
 * @param pausedReason why it is paused, or empty
 * @param inCall whether it is on a queue call
 * @param callsTaken how many queue calls it took
 */
public record LiveQueueMember(String location, String name, int status, boolean paused, String pausedReason,
        boolean inCall, int callsTaken) {
}
