package io.amiboot.action;

import io.amiboot.client.AmiAction;
import java.util.Objects;

/**
 * A {@code Hangup} of a channel.
 *
 * @param channel a channel name or a {@code /regex/}
 * @param cause the Q.850 cause code (16 normal clearing, 17 busy, 21 rejected), or {@code null} for Asterisk's default
 */
public record HangupRequest(String channel, Integer cause) implements ActionRequest {

    /**
     * Checks that the channel is given.
     *
     * @param channel not null
     * @param cause may be null
     * @throws NullPointerException naming a required part that is null
     */    public HangupRequest {
        Objects.requireNonNull(channel, "channel");
    }

    @Override
    public AmiAction action() {
        return AmiAction.builder("Hangup").header("Channel", channel).headerIfPresent("Cause", cause).build();
    }
}
