package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event pool's compensation: a thread per blocked drain while others wait, up to the cap, and back to the core. */
class EventDispatchPoolTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    private final CountDownLatch release = new CountDownLatch(1);

    private final EventDispatchPool pool = new EventDispatchPool("pooltest", 1, 3, Duration.ofMillis(20),
            Duration.ofMillis(200), timer);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdown(5_000);
        timer.shutdownNow();
    }

    private void blockingTask(CountDownLatch entered) {
        pool.execute(() -> {
            entered.countDown();
            try {
                release.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void blockedDrainsGetAThreadEachUpToTheCapAndTheExtraThreadsEndWhenIdle() throws Exception {
        CountDownLatch entered = new CountDownLatch(5);
        for (int i = 0; i < 5; i++) {
            blockingTask(entered);
        }
        CountDownLatch quick = new CountDownLatch(1);
        pool.execute(quick::countDown);
        Awaitility.await("three blocked drains on three threads").atMost(Duration.ofSeconds(10))
                .until(() -> entered.getCount() == 2);
        assertThat(pool.threads()).as("at the cap").isEqualTo(3);
        assertThat(quick.getCount()).as("a drain behind five blocked ones with the cap reached").isEqualTo(1);

        release.countDown();
        assertThat(quick.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Awaitility.await("the threads beyond the core end").atMost(Duration.ofSeconds(10))
                .until(() -> pool.threads() == 1);
        assertThat(AmiClientTest.threadsNamed("ami-events-pooltest-")).hasSize(1);
    }

    @Test
    void quickDrainsNeedNoMoreThanTheCore() throws Exception {
        CountDownLatch done = new CountDownLatch(10_000);
        for (int i = 0; i < 10_000; i++) {
            pool.execute(done::countDown);
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.threads()).isEqualTo(1);
    }
}
