package io.amiboot.action;

import io.amiboot.client.AmiAction;
import java.util.Objects;

/**
 * An {@code Atxfer}: starts an attended transfer of {@code channel}'s peer to {@code exten@context} (needs the
 * {@code atxfer} feature code in features.conf).
 *
 * @param channel the transferring channel
 * @param context the dialplan context of the transfer target
 * @param exten the extension of the transfer target
 */
public record AtxferRequest(String channel, String context, String exten) implements ActionRequest {

    /**
     * Checks that every part is given.
     *
     * @param channel not null
     * @param context not null
     * @param exten not null
     * @throws NullPointerException naming a required part that is null
     */    public AtxferRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(exten, "exten");
    }

    @Override
    public AmiAction action() {
        return AmiAction.builder("Atxfer").header("Channel", channel).header("Exten", exten).header("Context", context)
                .build();
    }
}
