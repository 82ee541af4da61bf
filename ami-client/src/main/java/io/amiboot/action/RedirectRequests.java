package io.amiboot.action;

/**
 * {@link RedirectAction}s from {@link DialplanLocation}s: one channel, or two at once (e.g. both parties of a bridged
 * call), each to its own place.
 */
public final class RedirectRequests {

    private RedirectRequests() {
    }

    /**
     * The {@code Redirect} of one channel.
     *
     * @param channel the channel to move
     * @param target where it goes
     * @return the action
     * @throws NullPointerException when a part is null
     */
    public static RedirectAction of(String channel, DialplanLocation target) {
        return new RedirectAction(channel, target.exten(), target.context(), Integer.toString(target.priority()));
    }

    /**
     * The {@code Redirect} of two channels at once.
     *
     * @param channel the first channel
     * @param target where the first channel goes
     * @param extraChannel the second channel, or {@code null} for none
     * @param extraTarget where the second channel goes; given exactly when {@code extraChannel} is
     * @return the action
     * @throws IllegalArgumentException when only one of {@code extraChannel} and {@code extraTarget} is given
     */
    public static RedirectAction of(String channel, DialplanLocation target, String extraChannel, DialplanLocation extraTarget) {
        if ((extraChannel == null) != (extraTarget == null)) {
            throw new IllegalArgumentException("Redirect of " + channel + " needs both an extra channel and its target, or neither");
        }
        RedirectAction redirect = of(channel, target);
        if (extraChannel == null) {
            return redirect;
        }
        return redirect.extraChannel(extraChannel).extraExten(extraTarget.exten()).extraContext(extraTarget.context())
                .extraPriority(Integer.toString(extraTarget.priority()));
    }
}
