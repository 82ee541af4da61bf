package io.amiboot.dashboard.live;

import java.util.Objects;

/**
 * One Asterisk server the dashboard shows: its live model and where its actions go.
 *
 * @param name the server's name, as in {@code ami.servers.<name>} ({@code default} for {@code ami.*})
 * @param feed its live model
 * @param actions sends actions to it, through its client
 */
public record Pbx(String name, LiveFeed feed, AsteriskActions actions) {

    /**
     * Checks that nothing is missing.
     *
     * @param name the server's name, not null
     * @param feed its live model, not null
     * @param actions where its actions go, not null
     */
    public Pbx {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(actions, "actions");
    }
}
