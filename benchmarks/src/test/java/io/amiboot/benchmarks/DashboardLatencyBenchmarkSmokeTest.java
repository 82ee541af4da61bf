package io.amiboot.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tiny pass of the dashboard latency harness, so it keeps working; latencies are printed, never asserted. */
class DashboardLatencyBenchmarkSmokeTest {

    @Test
    void everySocketGetsEveryMeasuredEventEvenBesideAStalledOne() throws Exception {
        List<DashboardLatencyBenchmark.Result> results =
                new DashboardLatencyBenchmark(5, 200, Duration.ofSeconds(1), Duration.ofSeconds(1)).runAll();
        results.forEach(result -> System.out.printf("%s: %,d samples, p50 %,d us, p99 %,d us, max %,d us%n", result.name(),
                result.latencies().length, result.percentile(0.5) / 1000, result.percentile(0.99) / 1000, result.max() / 1000));
        assertThat(results).hasSize(2).allSatisfy(result -> {
            assertThat(result.expected()).isEqualTo(5 * 200);
            assertThat(result.latencies()).hasSize(5 * 200);
            assertThat(result.percentile(0.5)).isPositive();
        });
    }

    @Test
    void readsANumericHeaderOutOfTheRelayedJson() {
        assertThat(DashboardLatencyBenchmark.headerValue("{\"type\":\"event\",\"event\":{\"Seq\":\"42\",\"SentNanos\":\"123456\"}}", "SentNanos"))
                .isEqualTo(123456);
        assertThat(DashboardLatencyBenchmark.headerValue("{\"type\":\"event\"}", "Seq")).isEqualTo(-1);
    }
}
