package io.amiboot.action;

import io.amiboot.client.AmiAction;
import java.util.Objects;

/**
 * A {@code Redirect}: sends a channel, and optionally a second one (e.g. the other party of a bridged call), to
 * another place in the dialplan.
 *
 * @param channel the channel to move
 * @param target where it goes
 * @param extraChannel the second channel, or {@code null}
 * @param extraTarget where the second channel goes; given exactly when {@code extraChannel} is
 */
public record RedirectRequest(String channel, DialplanLocation target, String extraChannel, DialplanLocation extraTarget)
        implements ActionRequest {

    /**
     * Checks the parts.
     *
     * @param channel not null
     * @param target not null
     * @param extraChannel may be null
     * @param extraTarget given exactly when {@code extraChannel} is
     * @throws IllegalArgumentException when only one of {@code extraChannel} and {@code extraTarget} is given
     */    public RedirectRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(target, "target");
        if ((extraChannel == null) != (extraTarget == null)) {
            throw new IllegalArgumentException("Redirect of " + channel
                    + " needs both an extra channel and its target, or neither");
        }
    }

    /**
     * The {@code Redirect} of one channel.
     *
     * @param channel the channel to move; not null
     * @param target where it goes; not null
     */
    public RedirectRequest(String channel, DialplanLocation target) {
        this(channel, target, null, null);
    }

    @Override
    public AmiAction action() {
        AmiAction.Builder action = AmiAction.builder("Redirect").header("Channel", channel)
                .header("Context", target.context()).header("Exten", target.exten())
                .header("Priority", Integer.toString(target.priority()));
        if (extraChannel != null) {
            action.header("ExtraChannel", extraChannel).header("ExtraContext", extraTarget.context())
                    .header("ExtraExten", extraTarget.exten())
                    .header("ExtraPriority", Integer.toString(extraTarget.priority()));
        }
        return action.build();
    }
}
