package io.amiboot.dashboard.live;

import io.amiboot.live.LiveDelta;
import io.amiboot.live.LiveSnapshot;
import java.util.function.Consumer;

/** Where the dashboard reads the live model from. */
public interface LiveFeed {

    /** The current model. */
    LiveSnapshot snapshot();

    /**
     * Sends a {@link LiveDelta.Resynced} of the current model to {@code listener}, then every change; the listener
     * must not block.
     * @return what stops the calls when run
     */
    Runnable listen(Consumer<LiveDelta> listener);
}
