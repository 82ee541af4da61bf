package io.amiboot.live;

import static io.amiboot.live.LiveModelTest.channel;
import static io.amiboot.live.LiveModelTest.hangup;
import static io.amiboot.live.LiveModelTest.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.AmiConnectionEvent;
import io.amiboot.client.AmiConnectionListener;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;


/** How often the live model rebuilds: under a flood of drop notices, after failures, past its hold-back bound. */
@ExtendWith(CapturedLogs.class)
class LiveModelRebuildTest {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @RegisterExtension
    final ClosedAfterEach started = new ClosedAfterEach();

    private ScriptedAmiPeer asterisk;

    private AmiClient client;

    private LiveModel model;

    private volatile List<String> channels = List.of(channel("1.1", "1.1", "PJSIP/1001-1"));

    /** Answers PJSIPShowEndpoints, the last list of a rebuild; a test may hold it back. */
    private Function<String, String> endpoints = actionId -> list(actionId, "EndpointListComplete", List.of());

    /** Runs once the client is connected, before the model listens to it. */
    private Runnable beforeModel = () -> { };

    /** A peer whose CoreShowChannels answers with {@link #channels} unless {@code coreShowChannels} says otherwise. */
    private void start(int eventBuffer, LiveModelLimits limits, Function<String, String> coreShowChannels)
            throws Exception {
        asterisk = started.add(new ScriptedAmiPeer());
        asterisk.respond("Login", "Response: Success\r\nMessage: Authentication accepted\r\n\r\n");
        asterisk.respond("CoreShowChannels", action -> coreShowChannels.apply(action.get("ActionID")));
        asterisk.respond("QueueStatus", action -> list(action.get("ActionID"), "QueueStatusComplete", List.of()));
        asterisk.respond("PJSIPShowEndpoints", action -> endpoints.apply(action.get("ActionID")));
        client = started.add(AmiClient.create(AmiClientOptions.builder(asterisk.url("user", "secret")).name("live-test")
                .eventBufferSize(eventBuffer).build()));
        client.connect().get(10, TimeUnit.SECONDS);
        beforeModel.run();
        model = started.add(new LiveModel(client, Clock.systemUTC(), limits).start());
    }

    private String channelsList(String actionId) {
        return list(actionId, "CoreShowChannelsComplete", channels);
    }

    private Set<String> modelChannels() {
        LiveSnapshot snapshot = model.snapshot();
        return snapshot.connected() ? snapshot.calls().stream().flatMap(call -> call.channels().stream())
                .map(LiveChannel::uniqueId).collect(Collectors.toSet()) : Set.of("(disconnected)");
    }

    /** A connection listener that counts the drop notices. */
    static AmiConnectionListener dropNoticeCounter(AtomicLong notices) {
        return new AmiConnectionListener() {
            @Override
            public void onStateChange(AmiConnectionEvent event) {
            }

            @Override
            public void onEventsDropped(long dropped, long totalDropped) {
                notices.incrementAndGet();
            }
        };
    }

    private static String userEvent(String name) {
        return "Event: UserEvent\r\nUserEvent: " + name + "\r\n\r\n";
    }

    @Test
    void aFloodOfDropNoticesCostsAtMostOneRebuildAndOneWarningPerIntervalAndOneMoreRebuildAfter(CapturedLogs output)
            throws Exception {
        int rounds = 100;
        start(8, new LiveModelLimits(INTERVAL, Duration.ofSeconds(2), 100_000, 1 << 20), this::channelsList);
        await().atMost(PATIENCE).until(() -> modelChannels().equals(Set.of("1.1")));
        // The client's event thread stops at each "gate" until the round's events were read and dropped.
        Semaphore gate = new Semaphore(0);
        Semaphore atGate = new Semaphore(0);
        client.addEventListener(event -> {
            if ("gate".equals(event.get("UserEvent"))) {
                atGate.release();
                gate.acquireUninterruptibly();
            }
        });
        AtomicLong notices = new AtomicLong();
        client.addConnectionListener(dropNoticeCounter(notices));
        String fillers = userEvent("filler").repeat(20);
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            if (round == rounds - 5) {
                channels = List.of(channel("2.1", "2.1", "PJSIP/1002-1"), channel("2.2", "2.1", "PJSIP/1003-1"));
            }
            // The gate needs room in the buffer, or it is dropped too.
            await().pollInterval(Duration.ofMillis(1)).atMost(PATIENCE).until(() -> client.bufferedEvents() == 0);
            asterisk.send(userEvent("gate"));
            assertThat(atGate.tryAcquire(10, TimeUnit.SECONDS)).as("the event thread at gate %d", round).isTrue();
            long dropped = client.droppedEvents();
            asterisk.send(fillers);
            await().pollInterval(Duration.ofMillis(1)).atMost(PATIENCE).until(() -> client.droppedEvents() > dropped);
            gate.release();
        }
        await().atMost(PATIENCE).until(() -> notices.get() == rounds);
        long floodMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        await().atMost(PATIENCE).until(() -> modelChannels().equals(Set.of("2.1", "2.2")));
        asterisk.send(hangup("2.2", "2.1"));
        await().atMost(PATIENCE).until(() -> modelChannels().equals(Set.of("2.1")));
        long rebuilds = rebuildsSent() - 1;
        // One per interval of the flood and one after it; one more for the flood time truncated to milliseconds.
        long bound = floodMillis / INTERVAL.toMillis() + 3;
        List<String> warningLines = output.lines()
                .filter(line -> line.contains("were dropped; rebuilding the live model")).toList();
        long warnings = warningLines.size();
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(rebuilds).as("rebuilds for %d drop notices in %d ms", rounds, floodMillis).isBetween(1L, bound);
            softly.assertThat(warnings).as("drop warnings of the live model for %d drop notices in %d ms", rounds, floodMillis)
                    .isBetween(1L, bound);
            softly.assertThat(warningLines).as("summary lines with counts")
                    .allMatch(line -> line.matches(".*\\(\\d+ events in \\d+ drop notices since the last warning.*"));
        });
        Reliability.row("Drop flood: the live model under a stream of drop notices",
                "one client, 8-event buffer, scripted Asterisk, rebuild interval " + INTERVAL.toMillis() + " ms",
                rounds + " drop notices in " + floodMillis + " ms (" + client.droppedEvents() + " events dropped)",
                rebuilds + " rebuilds (" + (rounds - rebuilds) + " coalesced), " + warnings
                        + " warning lines; the model ends equal to the last CoreShowChannels and follows events after it",
                "nothing: the final rebuild after the last notice restores every channel");
    }

    @Test
    void aRebuildThatFailsWhileConnectedIsRetriedAfterGrowingDelays() throws Exception {
        int failures = 3;
        AtomicInteger asked = new AtomicInteger();
        List<Long> askedAt = Collections.synchronizedList(new ArrayList<>());
        start(1024, new LiveModelLimits(Duration.ofMillis(100), Duration.ofSeconds(1), 100_000, 1 << 20), actionId -> {
            askedAt.add(System.nanoTime());
            return asked.incrementAndGet() <= failures
                    ? "Response: Error\r\nActionID: " + actionId + "\r\nMessage: Permission denied\r\n\r\n"
                    : channelsList(actionId);
        });
        await().atMost(PATIENCE).until(() -> modelChannels().equals(Set.of("1.1")));
        assertThat(rebuildsSent()).isEqualTo(failures + 1);
        for (int retry = 1; retry <= failures; retry++) {
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(askedAt.get(retry) - askedAt.get(retry - 1));
            assertThat(waitedMillis).as("wait before retry %d", retry).isGreaterThanOrEqualTo(100L << (retry - 1));
        }
    }

    @Test
    void moreHeldBytesThanTheBoundStartTheRebuildOverAndItEndsCorrect() throws Exception {
        String big = userEvent("big\r\nData: " + "x".repeat(1000));
        AtomicInteger asked = new AtomicInteger();
        // The first rebuild's CoreShowChannels answer is followed by 5 KB of events, and its PJSIPShowEndpoints
        // answer waits until the client delivered them: all are held, past the bound of 2 KB, so that rebuild
        // is discarded and a second one made.
        CountDownLatch delivered = new CountDownLatch(5);
        beforeModel = () -> client.addEventListener(event -> {
            if ("big".equals(event.get("UserEvent"))) {
                delivered.countDown();
            }
        });
        endpoints = actionId -> {
            try {
                delivered.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return list(actionId, "EndpointListComplete", List.of());
        };
        start(1024, new LiveModelLimits(INTERVAL, Duration.ofSeconds(2), 100_000, 2_000),
                actionId -> channelsList(actionId) + (asked.incrementAndGet() == 1 ? big.repeat(5) : ""));
        await().atMost(PATIENCE).until(() -> modelChannels().equals(Set.of("1.1")) && asked.get() == 2);
        asterisk.send(hangup("1.1", "1.1") + "Event: Newchannel\r\nUniqueid: 3.1\r\nLinkedid: 3.1\r\nChannel: PJSIP/1003-2\r\n\r\n");
        await().atMost(PATIENCE).until(() -> modelChannels().equals(Set.of("3.1")));
        assertThat(rebuildsSent()).isEqualTo(2);
    }

    /** The CoreShowChannels the peer got: a Ping sent now is answered after every action sent before it. */
    private long rebuildsSent() throws Exception {
        client.send(AmiAction.of("Ping")).get(10, TimeUnit.SECONDS);
        return asterisk.received().lines().filter(line -> line.equalsIgnoreCase("Action: CoreShowChannels")).count();
    }
}
