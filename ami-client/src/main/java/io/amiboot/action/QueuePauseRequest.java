package io.amiboot.action;

import io.amiboot.client.AmiAction;
import java.util.Objects;

/**
 * A {@code QueuePause}: pauses or unpauses a queue member.
 *
 * @param queue the queue, or {@code null} for every queue the member is in
 * @param iface the member's interface, e.g. {@code PJSIP/1001}
 * @param paused whether the member is to be paused
 * @param reason why (shown in {@code QueueMemberPause} events), or {@code null}
 */
public record QueuePauseRequest(String queue, String iface, boolean paused, String reason) implements ActionRequest {

    /**
     * Checks that the interface is given.
     *
     * @param queue may be null
     * @param iface not null
     * @param paused true to pause
     * @param reason may be null
     * @throws NullPointerException naming a required part that is null
     */    public QueuePauseRequest {
        Objects.requireNonNull(iface, "iface");
    }

    @Override
    public AmiAction action() {
        return AmiAction.builder("QueuePause").header("Interface", iface).header("Paused", Boolean.toString(paused))
                .headerIfPresent("Queue", queue).headerIfPresent("Reason", reason).build();
    }
}
