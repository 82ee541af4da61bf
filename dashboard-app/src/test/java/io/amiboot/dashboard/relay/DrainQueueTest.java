package io.amiboot.dashboard.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Every woken drain runs once, on at most the given number of tasks, whichever thread wakes it. */
class DrainQueueTest {

    private final Scheduler scheduler = Schedulers.newParallel("drain-queue-test", 4);

    @AfterEach
    void dispose() {
        scheduler.dispose();
    }

    @Test
    void everyDrainWokenFromManyThreadsRunsOnceOnAtMostTheGivenTasks() throws Exception {
        DrainQueue queue = new DrainQueue(scheduler, 2);
        int drains = 20_000;
        AtomicIntegerArray runs = new AtomicIntegerArray(drains);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> wakers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t * drains / 4;
            Thread waker = new Thread(() -> {
                try {
                    start.await();
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = first; i < first + drains / 4; i++) {
                    int drain = i;
                    queue.wake(() -> {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        runs.incrementAndGet(drain);
                        running.decrementAndGet();
                    });
                }
            });
            waker.start();
            wakers.add(waker);
        }
        start.countDown();
        for (Thread waker : wakers) {
            waker.join(TimeUnit.SECONDS.toMillis(30));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sum(runs) == drains);
        for (int i = 0; i < drains; i++) {
            assertThat(runs.get(i)).as("runs of drain %d", i).isEqualTo(1);
        }
        assertThat(mostAtOnce.get()).as("drains running at once").isBetween(1, 2);
    }

    @Test
    void aDrainWokenWhileTheTasksAreBusyStillRuns() {
        DrainQueue queue = new DrainQueue(scheduler, 1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        queue.wake(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            ran.incrementAndGet();
        });
        for (int i = 0; i < 100; i++) {
            queue.wake(ran::incrementAndGet);
        }
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 101);
    }

    @Test
    void aWakeAfterTheSchedulerClosedIsDroppedWithoutAnError() {
        DrainQueue queue = new DrainQueue(scheduler, 2);
        scheduler.dispose();
        assertThatCode(() -> queue.wake(() -> {
        })).doesNotThrowAnyException();
    }

    private static int sum(AtomicIntegerArray runs) {
        int sum = 0;
        for (int i = 0; i < runs.length(); i++) {
            sum += runs.get(i);
        }
        return sum;
    }
}
