package io.amiboot.dashboard.live;

import io.amiboot.live.LiveDelta;
import io.amiboot.live.LiveSnapshot;
import io.amiboot.live.QueueKpis;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Where the dashboard reads the live model of one server from. */
public interface LiveFeed {

    /** The feed of a server without a live model: empty and disconnected, never changing. */
    LiveFeed NONE = new LiveFeed() {

        private final LiveSnapshot empty = new LiveSnapshot(0, false, List.of(), List.of(), List.of());

        @Override
        public LiveSnapshot snapshot() {
            return empty;
        }

        @Override
        public Runnable listen(Consumer<LiveDelta> listener) {
            listener.accept(new LiveDelta.Resynced(0, empty));
            return () -> {
            };
        }
    };

    /** {@return the current model, immutable} */
    LiveSnapshot snapshot();

    /**
     * Sends a {@link LiveDelta.Resynced} of the current model to {@code listener}, then every change, in order and
     * one at a time.
     *
     * @param listener gets the deltas; it must be quick and must not block
     * @return what stops the calls when run
     */
    Runnable listen(Consumer<LiveDelta> listener);

    /** {@return each queue's figures over the current window; none when the feed has no live model} */
    default List<QueueKpis> queueKpis() {
        return List.of();
    }

    /**
     * {@return completes once the live model took the conference rooms' locks again, which Asterisk announces with no
     * event (see {@link io.amiboot.live.LiveModel#refreshConferenceLocks()}); at once when the feed has no live model}
     */
    default CompletableFuture<Void> refreshConferenceLocks() {
        return CompletableFuture.completedFuture(null);
    }
}
