package io.amiboot.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A tiny pass of the event harness, so it keeps working; figures are printed, never asserted. */
class EndToEndBenchmarkSmokeTest {

    @Test
    void everyRunDeliversTheEventsItWasSent() throws Exception {
        EndToEndBenchmark benchmark = new EndToEndBenchmark(3);
        List<EndToEndBenchmark.Result> results = benchmark.runAll();
        results.forEach(result -> System.out.printf("%s: %,d events, %,.0f/s%n", result.name(), result.events(), result.perSecond()));

        assertThat(results).extracting(EndToEndBenchmark.Result::name).containsExactlyElementsOf(EndToEndBenchmark.RUNS);
        assertThat(benchmark.eventsSent()).isEqualTo(3 * 503);
        // The byte scan and amiboot see every event; asterisk-java drops the few it has no class for.
        assertThat(results.subList(0, 4)).allSatisfy(result -> assertThat(result.events() + result.dropped()).isEqualTo(3 * 503));
        // 329 of the capture's events are channel events (Newexten, Newchannel, Newstate, Hangup, DialBegin, ...).
        assertThat(benchmark.channelEventsSent()).isEqualTo(3 * 329);
        assertThat(results.get(EndToEndBenchmark.TYPED).typed()).as("typed ChannelEvents delivered").isEqualTo(3 * 329);
        assertThat(results.get(EndToEndBenchmark.ASTERISK_JAVA).events()).isBetween(3L * 490, 3L * 503);
        assertThat(results).allSatisfy(result -> assertThat(result.nanos()).isPositive());
    }
}
