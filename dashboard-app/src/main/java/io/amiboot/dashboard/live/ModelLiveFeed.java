package io.amiboot.dashboard.live;

import io.amiboot.client.AmiClient;
import io.amiboot.live.LiveDelta;
import io.amiboot.live.LiveModel;
import io.amiboot.live.LiveSnapshot;
import io.amiboot.live.QueueKpis;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The {@link LiveFeed} of a server's {@link LiveModel}. */
public final class ModelLiveFeed implements LiveFeed {

    private final LiveModel model;

    /**
     * A feed reading {@code model}.
     *
     * @param model the server's live model, not null
     */
    public ModelLiveFeed(LiveModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public LiveSnapshot snapshot() {
        return model.snapshot();
    }

    @Override
    public Runnable listen(Consumer<LiveDelta> listener) {
        AmiClient.Registration registration = model.listen(listener);
        return registration::close;
    }

    @Override
    public List<QueueKpis> queueKpis() {
        return model.queueKpis();
    }

    @Override
    public CompletableFuture<Void> refreshConferenceLocks() {
        return model.refreshConferenceLocks();
    }
}
