package io.amiboot.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A tiny pass of the fleet harness, so it keeps working; figures are printed, never asserted. */
class FleetBenchmarkSmokeTest {

    @Test
    void everyConnectionLogsInAndEveryEventSentToTheFleetIsCounted() throws Exception {
        FleetBenchmark benchmark = new FleetBenchmark(20, 3);
        FleetBenchmark.Result result = benchmark.run();
        System.out.println(FleetBenchmark.report(result));

        assertThat(result.connections()).isEqualTo(20);
        assertThat(result.eventsSent()).isEqualTo(benchmark.eventsSent()).isEqualTo(20L * 3 * 503);
        // 1,509 events per client fit its buffer (64 Ki events): none may be dropped, each counted once.
        assertThat(result.eventsDelivered()).isEqualTo(20L * 3 * 503);
        assertThat(result.dropped()).isZero();
        assertThat(result.addedByName().get("ami-io-fleet")).as("the shared I/O threads")
                .isBetween(1, Runtime.getRuntime().availableProcessors());
        assertThat(result.loginNanos()).isPositive();
        assertThat(result.streamNanos()).isPositive();
    }

    @Test
    void repeatsAreChosenForTheEventsAskedForOverTheWholeFleet() {
        assertThat(FleetBenchmark.repeatsFor(1_000, 10_000_000)).isEqualTo(19); // 10,000,000 / (1,000 × 503)
        assertThat(FleetBenchmark.repeatsFor(1_000, 1)).as("at least one copy").isEqualTo(1);
    }

    @Test
    void moreConnectionsThanTheDescriptorLimitAllowsAreRefusedWithWhatToDo() {
        assertThatThrownBy(() -> FleetBenchmark.requireDescriptors(Integer.MAX_VALUE / 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ulimit -n").hasMessageContaining("--connections");
    }
}
