package io.amiboot.action;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Shortcuts for app_queue: read queue status, and add, remove, pause and weigh dynamic members. A member is
 * named by its interface, e.g. {@code PJSIP/1001}.
 */
public sealed interface QueueActions extends ActionShortcuts permits AmiActionSender {

    /**
     * Sends {@code QueueStatus} of every queue.
     *
     * @return a future of the list's {@code QueueParams}, {@code QueueMember} and {@code QueueEntry} events
     */
    default CompletableFuture<List<AmiEvent>> queueStatus() {
        return queueStatus(null);
    }

    /**
     * Sends {@code QueueStatus}.
     *
     * @param queue the queue, or null for all
     * @return a future of the list's {@code QueueParams}, {@code QueueMember} and {@code QueueEntry} events
     */
    default CompletableFuture<List<AmiEvent>> queueStatus(String queue) {
        return ListResponses.entries(client(), AmiAction.builder("QueueStatus").headerIfPresent("Queue", queue).build());
    }

    /**
     * Sends {@code QueueSummary} of every queue.
     *
     * @return a future of one {@code QueueSummary} event per queue
     */
    default CompletableFuture<List<AmiEvent>> queueSummary() {
        return queueSummary(null);
    }

    /**
     * Sends {@code QueueSummary}.
     *
     * @param queue the queue, or null for all
     * @return a future of one {@code QueueSummary} event per queue
     */
    default CompletableFuture<List<AmiEvent>> queueSummary(String queue) {
        return ListResponses.entries(client(), AmiAction.builder("QueueSummary").headerIfPresent("Queue", queue).build());
    }

    /**
     * Sends {@code QueueAdd}: adds a dynamic member with Asterisk's defaults.
     *
     * @param queue the queue
     * @param iface the member's interface
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> queueAdd(String queue, String iface) {
        return client().send(AmiAction.builder("QueueAdd").header("Queue", queue).header("Interface", iface).build());
    }

    /**
     * Sends {@code QueueAdd}: adds a dynamic member.
     *
     * @param queue the queue
     * @param iface the member's interface
     * @param memberName the member's display name, or null
     * @param penalty the member's penalty (lower is called first)
     * @param paused whether the member starts paused
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> queueAdd(String queue, String iface, String memberName, int penalty, boolean paused) {
        return client().send(AmiAction.builder("QueueAdd").header("Queue", queue).header("Interface", iface)
                .headerIfPresent("MemberName", memberName).header("Penalty", Integer.toString(penalty))
                .header("Paused", Boolean.toString(paused)).build());
    }

    /**
     * Sends {@code QueueRemove}: removes a dynamic member.
     *
     * @param queue the queue
     * @param iface the member's interface
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> queueRemove(String queue, String iface) {
        return client().send(AmiAction.builder("QueueRemove").header("Queue", queue).header("Interface", iface).build());
    }

    /**
     * Sends {@code QueuePause}: pauses or unpauses a member.
     *
     * @param queue the queue, or null for every queue the member is in
     * @param iface the member's interface
     * @param paused true to pause, false to unpause
     * @param reason why, shown in queue events and logs; or null
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> queuePause(String queue, String iface, boolean paused, String reason) {
        return client().send(new QueuePauseAction(iface, Boolean.toString(paused)).queue(queue).reason(reason).action());
    }

    /**
     * Sends {@code QueuePenalty}: sets a member's penalty.
     *
     * @param iface the member's interface
     * @param penalty the new penalty (lower is called first)
     * @param queue the queue, or null for every queue the member is in
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> queuePenalty(String iface, int penalty, String queue) {
        return client().send(AmiAction.builder("QueuePenalty").header("Interface", iface)
                .header("Penalty", Integer.toString(penalty)).headerIfPresent("Queue", queue).build());
    }
}
