package io.amiboot.dashboard.live;

import io.amiboot.live.LiveDelta;
import io.amiboot.live.LiveModel;
import io.amiboot.live.LiveSnapshot;
import io.amiboot.client.AmiClient;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;

/** The {@link LiveFeed} of the auto-configured {@link LiveModel}; an empty, disconnected one when there is none. */
public final class ModelLiveFeed implements LiveFeed {

    private static final LiveSnapshot NONE = new LiveSnapshot(0, false, List.of(), List.of(), List.of());

    private final ObjectProvider<LiveModel> model;

    /**
     * A feed reading the model bean, looked up at each use.
     *
     * @param model the live model bean, if {@code ami.live-model.enabled} made one
     */
    public ModelLiveFeed(ObjectProvider<LiveModel> model) {
        this.model = model;
    }

    @Override
    public LiveSnapshot snapshot() {
        LiveModel live = model.getIfAvailable();
        return live == null ? NONE : live.snapshot();
    }

    @Override
    public Runnable listen(Consumer<LiveDelta> listener) {
        LiveModel live = model.getIfAvailable();
        if (live == null) {
            listener.accept(new LiveDelta.Resynced(0, NONE));
            return () -> {
            };
        }
        AmiClient.Registration registration = live.listen(listener);
        return registration::close;
    }
}
