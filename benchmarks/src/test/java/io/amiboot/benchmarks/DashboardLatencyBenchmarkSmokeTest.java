package io.amiboot.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A tiny pass of the dashboard latency harness, so it keeps working; latencies are printed, never asserted. */
class DashboardLatencyBenchmarkSmokeTest {

    @Test
    void everySocketGetsEveryMeasuredEventEvenBesideAStalledOne() throws Exception {
        List<DashboardLatencyBenchmark.Result> results =
                new DashboardLatencyBenchmark(5, 200, Duration.ofSeconds(1), Duration.ofSeconds(1)).runAll();
        results.forEach(result -> System.out.printf("%s: %,d samples, p50 %,d us, p99 %,d us, max %,d us%n", result.name(),
                result.latencies().length, result.percentile(0.5) / 1000, result.percentile(0.99) / 1000, result.max() / 1000));
        assertThat(results).hasSize(2).allSatisfy(result -> {
            assertThat(result.opened()).as("sockets that got their snapshot").isEqualTo(5);
            assertThat(result.expected()).isEqualTo(5 * 200);
            assertThat(result.latencies()).hasSize(5 * 200);
            assertThat(result.percentile(0.5)).isPositive();
        });
    }

    /**
     * Reactor Netty's default pool holds 500 connections and a WebSocket never gives its connection back, so with it
     * the 501st socket waited 45 s for a connection and then failed ({@code PoolAcquireTimeoutException}).
     */
    @Test
    void theClientOpensMoreWebSocketsThanReactorNettysDefaultPoolHolds() throws Exception {
        int sockets = 501;
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.ws("/greet", (in, out) -> out.sendString(Mono.just("hello")).neverComplete()))
                .bindNow();
        CountDownLatch greeted = new CountDownLatch(sockets);
        List<Disposable> clients = new ArrayList<>();
        try {
            for (int i = 0; i < sockets; i++) {
                clients.add(DashboardLatencyBenchmark.connect("ws://127.0.0.1:" + server.port() + "/greet", text -> greeted.countDown()));
            }
            assertThat(greeted.await(30, TimeUnit.SECONDS)).as("%d of %d sockets greeted", sockets - greeted.getCount(), sockets)
                    .isTrue();
        } finally {
            clients.forEach(Disposable::dispose);
            server.disposeNow();
        }
    }

    @Test
    void readsANumericHeaderOutOfTheRelayedJson() {
        assertThat(DashboardLatencyBenchmark.headerValue("{\"type\":\"event\",\"event\":{\"Seq\":\"42\",\"SentNanos\":\"123456\"}}", "SentNanos"))
                .isEqualTo(123456);
        assertThat(DashboardLatencyBenchmark.headerValue("{\"type\":\"event\"}", "Seq")).isEqualTo(-1);
    }
}
