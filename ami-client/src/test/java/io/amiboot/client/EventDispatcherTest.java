package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The event buffer between the event loop and subscribers: bounded in bytes as well as in events, and its drop
 * warning rate-limited while the counts stay exact. A listener that blocks until the test lets it go stands for
 * a slow subscriber, so that what is buffered at each step is known.
 */
class EventDispatcherTest {

    /** Lets the listener return from one event per permit. */
    private final Semaphore permits = new Semaphore(0);

    /** The events the listener entered, in order. */
    private final BlockingQueue<AmiEvent> entered = new LinkedBlockingQueue<>();

    private final AtomicLong observedDrops = new AtomicLong();

    private final AmiClientObserver observer = new AmiClientObserver() {
        @Override
        public void eventsDropped(long count) {
            observedDrops.addAndGet(count);
        }
    };

    private final AmiClientResources resources = AmiClientResources.create("dispatchertest");

    private EventDispatcher dispatcher;

    @AfterEach
    void stop() {
        permits.release(1_000_000);
        if (dispatcher != null) {
            dispatcher.stop(5_000);
        }
        resources.close();
    }

    private EventDispatcher dispatcher(int capacity, long maxBytes, EventOverflowPolicy policy, Duration warningInterval) {
        dispatcher = new EventDispatcher(capacity, maxBytes, policy, observer, warningInterval, resources.eventExecutor(),
                resources.eventLoopGroup());
        dispatcher.addEventListener(event -> {
            entered.add(event);
            permits.acquireUninterruptibly();
        });
        return dispatcher;
    }

    private static AmiEvent event(String name, int n) {
        return AmiEvent.of("Event", name, "N", Integer.toString(n));
    }

    /** Submits one event and waits until the listener holds it: the buffer is then empty. */
    private void blockTheListener() throws InterruptedException {
        AmiEvent blocker = event("Blocker", 0);
        assertThat(dispatcher.submit(List.of(blocker))).isTrue();
        assertThat(entered.poll(10, TimeUnit.SECONDS)).isSameAs(blocker);
    }

    @Test
    void dropNewestKeepsWhatFitsTheByteBoundWhateverTheCount() throws Exception {
        int size = event("E", 0).wireSize();
        dispatcher(1_000, 3L * size, EventOverflowPolicy.DROP_NEWEST, Duration.ofSeconds(1));
        blockTheListener();
        List<AmiEvent> five = List.of(event("E", 1), event("E", 2), event("E", 3), event("E", 4), event("E", 5));
        assertThat(dispatcher.submit(five)).isTrue();
        assertThat(dispatcher.bufferedEvents()).isEqualTo(3);
        assertThat(dispatcher.bufferedBytes()).isEqualTo(3L * size);
        assertThat(dispatcher.submit(List.of(event("E", 6)))).isTrue();
        assertThat(dispatcher.droppedEvents()).isEqualTo(3);
        assertThat(observedDrops).hasValue(3);

        permits.release(100);
        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            delivered.add(entered.poll(10, TimeUnit.SECONDS).get("N"));
        }
        assertThat(delivered).containsExactly("1", "2", "3");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.bufferedBytes() == 0);
        assertThat(entered).isEmpty();
    }

    @Test
    void dropOldestMakesRoomInBytesForTheNewestBatch() throws Exception {
        int size = event("E", 0).wireSize();
        dispatcher(1_000, 3L * size, EventOverflowPolicy.DROP_OLDEST, Duration.ofSeconds(1));
        blockTheListener();
        assertThat(dispatcher.submit(List.of(event("E", 1), event("E", 2)))).isTrue();
        assertThat(dispatcher.submit(List.of(event("E", 3), event("E", 4)))).isTrue();
        assertThat(dispatcher.droppedEvents()).isEqualTo(2);
        assertThat(dispatcher.bufferedBytes()).isEqualTo(2L * size);

        permits.release(100);
        assertThat(entered.poll(10, TimeUnit.SECONDS).get("N")).isEqualTo("3");
        assertThat(entered.poll(10, TimeUnit.SECONDS).get("N")).isEqualTo("4");
    }

    @Test
    void reconnectIsAskedForWhenTheByteBoundIsReached() throws Exception {
        int size = event("E", 0).wireSize();
        dispatcher(1_000, 3L * size, EventOverflowPolicy.RECONNECT, Duration.ofSeconds(1));
        blockTheListener();
        assertThat(dispatcher.submit(List.of(event("E", 1), event("E", 2), event("E", 3)))).isTrue();
        assertThat(dispatcher.submit(List.of(event("E", 4)))).as("one byte too many").isFalse();
        assertThat(dispatcher.droppedEvents()).isEqualTo(1);
        assertThat(dispatcher.bufferedEvents()).isEqualTo(3);
    }

    @Test
    void dropWarningsAreOneSummaryLinePerIntervalWithExactCounts() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(EventDispatcher.class);
        Level previousLevel = logger.getLevel();
        logger.setLevel(Level.WARN);
        logs.start();
        logger.addAppender(logs);
        try {
            Duration interval = Duration.ofSeconds(2);
            dispatcher(1, Long.MAX_VALUE, EventOverflowPolicy.DROP_NEWEST, interval);
            AtomicLong reportedToListeners = new AtomicLong();
            dispatcher.addConnectionListener(new AmiConnectionListener() {
                @Override
                public void onStateChange(AmiConnectionEvent event) {
                }

                @Override
                public void onEventsDropped(long dropped, long total) {
                    reportedToListeners.addAndGet(dropped);
                }
            });
            long started = System.nanoTime();
            blockTheListener();
            int rounds = 20;
            for (int round = 1; round <= rounds; round++) {
                // While the listener holds the previous event: one event fits the buffer, the next is dropped.
                AmiEvent kept = event("Kept", round);
                assertThat(dispatcher.submit(List.of(kept))).isTrue();
                assertThat(dispatcher.submit(List.of(event("Dropped", round)))).isTrue();
                permits.release();
                assertThat(entered.poll(10, TimeUnit.SECONDS)).isSameAs(kept);
            }
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            permits.release(100);

            // The drops after the first line are summed up once the interval has passed, even with no more events.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> loggedDrops(logs) == rounds);
            List<String> lines = dropLines(logs);
            assertThat(lines.size()).as("warning lines for %d drops in %d ms: %s", rounds, elapsedMillis, lines)
                    .isLessThanOrEqualTo(2 + (int) (elapsedMillis / interval.toMillis()));
            assertThat(lines.get(0)).startsWith("1 AMI events were dropped because subscribers fell behind (1 in all;");
            assertThat(lines.get(lines.size() - 1)).contains("(" + rounds + " in all;").contains("at most every 2000 ms");
            assertThat(dispatcher.droppedEvents()).isEqualTo(rounds);
            assertThat(observedDrops).hasValue(rounds);
            assertThat(reportedToListeners).hasValue(rounds);
        }
        finally {
            logger.detachAppender(logs);
            logger.setLevel(previousLevel);
        }
    }

    private static List<String> dropLines(ListAppender<ILoggingEvent> logs) {
        synchronized (logs) {
            return logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(line -> line.contains("AMI events were dropped")).toList();
        }
    }

    /** The drops the warning lines add up to: each line starts with the number dropped since the one before. */
    private static long loggedDrops(ListAppender<ILoggingEvent> logs) {
        return dropLines(logs).stream().mapToLong(line -> Long.parseLong(line.substring(0, line.indexOf(' ')))).sum();
    }
}
