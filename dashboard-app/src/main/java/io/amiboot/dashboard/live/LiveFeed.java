package io.amiboot.dashboard.live;

import io.amiboot.live.LiveDelta;
import io.amiboot.live.LiveSnapshot;
import java.util.function.Consumer;

/** Where the dashboard reads the live model from. */
public interface LiveFeed {

    /** {@return the current model, immutable; an empty, disconnected one when there is no model} */
    LiveSnapshot snapshot();

    /**
     * Sends a {@link LiveDelta.Resynced} of the current model to {@code listener}, then every change, in order and
     * one at a time.
     *
     * @param listener gets the deltas; it must be quick and must not block
     * @return what stops the calls when run
     */
    Runnable listen(Consumer<LiveDelta> listener);
}
