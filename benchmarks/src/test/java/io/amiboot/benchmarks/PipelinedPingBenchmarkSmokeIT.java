package io.amiboot.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tiny pass of the Ping harness against the real Asterisk, so it keeps working; figures are not asserted. */
@RealAsterisk
class PipelinedPingBenchmarkSmokeIT {

    @Test
    void everyRunGetsEveryPingAnswered(TestAsterisk asterisk) throws Exception {
        List<PipelinedPingBenchmark.Result> results = new PipelinedPingBenchmark(asterisk.amiUrl(), 200).runAll();
        results.forEach(result -> System.out.printf("%s: %,d pings, %,.0f/s%n", result.name(), result.pings(), result.perSecond()));
        assertThat(results).hasSize(PipelinedPingBenchmark.RAW_WRITERS.size() + 3).allSatisfy(result -> assertThat(result.pings()).isEqualTo(200));
    }
}
