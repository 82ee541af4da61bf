package io.amiboot.action;

import io.amiboot.client.AmiAction;
import java.util.Objects;

/**
 * A {@code StopMixMonitor}.
 *
 * @param channel the recorded channel
 * @param mixMonitorId the recording to stop ({@code MixMonitorID}), or {@code null} for all of the channel's
 */
public record StopMixMonitorRequest(String channel, String mixMonitorId) implements ActionRequest {

    /**
     * Checks that the channel is given.
     *
     * @param channel not null
     * @param mixMonitorId may be null
     * @throws NullPointerException naming a required part that is null
     */    public StopMixMonitorRequest {
        Objects.requireNonNull(channel, "channel");
    }

    @Override
    public AmiAction action() {
        return AmiAction.builder("StopMixMonitor").header("Channel", channel)
                .headerIfPresent("MixMonitorID", mixMonitorId).build();
    }
}
