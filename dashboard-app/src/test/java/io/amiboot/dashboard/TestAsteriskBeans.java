package io.amiboot.dashboard;

import io.amiboot.live.LiveDelta;
import io.amiboot.live.LiveSnapshot;
import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiResponse;
import io.amiboot.dashboard.live.AsteriskActions;
import io.amiboot.dashboard.live.LiveFeed;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A fixed live model and a recording Asterisk, for tests that need no real Asterisk. */
@TestConfiguration(proxyBeanMethods = false)
public class TestAsteriskBeans {

    /** The model the fake feed serves; tests replace it. */
    public static volatile LiveSnapshot snapshot = new LiveSnapshot(0, true, List.of(), List.of(), List.of());

    /** Every action sent, in order. */
    public static final List<AmiAction> sent = new CopyOnWriteArrayList<>();

    /** How the fake Asterisk answers; tests replace it. */
    public static volatile Function<AmiAction, CompletableFuture<AmiResponse>> answer = TestAsteriskBeans::success;

    /** A {@code Response: Success}. */
    public static CompletableFuture<AmiResponse> success(AmiAction action) {
        return CompletableFuture.completedFuture(AmiResponse.of("Response", "Success", "Message", "ok"));
    }

    /** Resets the model, the record and the answers. */
    public static void reset(LiveSnapshot model) {
        snapshot = model;
        sent.clear();
        answer = TestAsteriskBeans::success;
    }

    @Bean
    @Primary
    LiveFeed fixedLiveFeed() {
        return fixedFeed(() -> snapshot);
    }

    /** A feed that serves {@code model} (asked at each use) and never changes on its own. */
    public static LiveFeed fixedFeed(Supplier<LiveSnapshot> model) {
        return new LiveFeed() {
            @Override
            public LiveSnapshot snapshot() {
                return model.get();
            }

            @Override
            public Runnable listen(Consumer<LiveDelta> listener) {
                LiveSnapshot now = model.get();
                listener.accept(new LiveDelta.Resynced(now.version(), now));
                return () -> {
                };
            }
        };
    }

    @Bean
    @Primary
    AsteriskActions recordingAsteriskActions() {
        return action -> {
            sent.add(action);
            return answer.apply(action);
        };
    }
}
