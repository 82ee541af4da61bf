package io.amiboot.dashboard;

import io.amiboot.live.LiveDelta;
import io.amiboot.live.LiveSnapshot;
import io.amiboot.live.QueueKpis;
import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiResponse;
import io.amiboot.dashboard.live.AsteriskActions;
import io.amiboot.dashboard.live.LiveFeed;
import io.amiboot.dashboard.live.Pbx;
import io.amiboot.dashboard.live.Pbxs;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Fixed live models and a recording Asterisk, for tests that need no real Asterisk: one server named
 * {@code default} unless a test asks for several with {@link #reset(Map)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestAsteriskBeans {

    private static final LiveSnapshot EMPTY = new LiveSnapshot(0, true, List.of(), List.of(), List.of());

    /** The models the fake feeds serve, by server name, in order; tests replace them. */
    private static volatile Map<String, LiveSnapshot> snapshots = Map.of("default", EMPTY);

    /** The queue figures every fake feed serves; tests replace them, {@link #reset} clears them. */
    public static volatile List<QueueKpis> queueKpis = List.of();

    /** Every action sent, in order. */
    public static final List<AmiAction> sent = new CopyOnWriteArrayList<>();

    /** The server each action of {@link #sent} was sent to, in the same order. */
    public static final List<String> sentTo = new CopyOnWriteArrayList<>();

    /** How the fake Asterisk answers; tests replace it. */
    public static volatile Function<AmiAction, CompletableFuture<AmiResponse>> answer = TestAsteriskBeans::success;

    /** A {@code Response: Success}. */
    public static CompletableFuture<AmiResponse> success(AmiAction action) {
        return CompletableFuture.completedFuture(AmiResponse.of("Response", "Success", "Message", "ok"));
    }

    /** Resets to one server, named {@code default}, with that model; clears the record and resets the answers. */
    public static void reset(LiveSnapshot model) {
        reset(Map.of("default", model));
    }

    /** Resets to these servers and models (in the map's order); clears the record and resets the answers. */
    public static void reset(Map<String, LiveSnapshot> models) {
        snapshots = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        sent.clear();
        sentTo.clear();
        queueKpis = List.of();
        answer = TestAsteriskBeans::success;
    }

    /** The servers of the last {@link #reset}, each serving its model and recording the actions sent to it. */
    @Bean
    @Primary
    Pbxs fixedPbxs() {
        return () -> snapshots.keySet().stream().map(server -> new Pbx(server,
                fixedFeed(() -> snapshots.getOrDefault(server, EMPTY)), recording(server))).toList();
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

            @Override
            public List<QueueKpis> queueKpis() {
                return TestAsteriskBeans.queueKpis;
            }
        };
    }

    private static AsteriskActions recording(String server) {
        return action -> {
            synchronized (sent) {
                sent.add(action);
                sentTo.add(server);
            }
            return answer.apply(action);
        };
    }
}
