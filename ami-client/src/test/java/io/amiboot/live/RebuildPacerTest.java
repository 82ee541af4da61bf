package io.amiboot.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pacing rules by themselves, with times given by the test (the timer is never due within it). */
class RebuildPacerTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    private final AtomicInteger timerStarts = new AtomicInteger();

    private final RebuildPacer pacer = new RebuildPacer(3_600 * SECOND, 7_200 * SECOND, timer::schedule, timerStarts::incrementAndGet);

    @AfterEach
    void stopTheTimer() {
        timer.shutdownNow();
    }

    @Test
    void requestsWhileOneRunsCoalesceIntoOneMoreAfterTheInterval() {
        assertThat(pacer.request(0)).as("the first request starts at once").isTrue();
        pacer.started(0);
        for (int i = 0; i < 1_000; i++) {
            assertThat(pacer.request(i)).isFalse();
        }
        assertThat(pacer.isDue()).isFalse();
        assertThat(pacer.finished(true, 10)).as("the one more waits for the interval's end").isFalse();
        assertThat(pacer.isDue()).isTrue();
        assertThat(pacer.request(20)).as("a request while it is due joins it").isFalse();
        pacer.started(3_600 * SECOND);
        assertThat(pacer.finished(true, 3_600 * SECOND + 10)).isFalse();
        assertThat(pacer.isDue()).as("nothing more was asked for").isFalse();
        assertThat(pacer.request(7_200 * SECOND + 1)).as("a request an interval after the last start starts at once").isTrue();
    }

    @Test
    void aLostConnectionForgetsTheScheduleSoTheLoginRebuildsAtOnce() {
        pacer.request(0);
        pacer.started(0);
        pacer.request(1);
        pacer.finished(true, 2);
        assertThat(pacer.isDue()).isTrue();
        pacer.reset();
        assertThat(pacer.isDue()).isFalse();
        assertThat(pacer.request(3)).isTrue();
        assertThat(timerStarts).hasValue(0);
    }
}
