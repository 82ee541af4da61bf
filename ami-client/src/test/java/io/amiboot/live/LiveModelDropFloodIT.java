package io.amiboot.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientObserver;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiResponse;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;


/**
 * The overload of issue 11 against the real Asterisk: a flood of events into a 256-event buffer whose listener
 * falls behind made the model rebuild once per drop notice (7,957 CoreShowChannels in 15 s). Now it rebuilds
 * at most once per rebuild interval while drops go on, once more after, and ends equal to CoreShowChannels.
 */
@RealAsterisk
@ExtendWith(CapturedLogs.class)
class LiveModelDropFloodIT {

    private static final int FLOOD = 20_000;

    private static final int BURST = 20;

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aFloodIntoASmallBufferCostsAtMostOneRebuildPerIntervalAndTheModelEndsCorrect(TestAsterisk asterisk,
            CapturedLogs output) throws Exception {
        AtomicLong coreShowChannelsSent = new AtomicLong();
        AtomicLong notices = new AtomicLong();
        AmiClient client = AmiClient.create(AmiClientOptions.builder(asterisk.amiUrl()).name("drop-flood-it")
                .eventMask(LiveModel.EVENT_MASK + ",user").eventBufferSize(256)
                .observer(new AmiClientObserver() {
                    @Override
                    public void actionSent(String actionName) {
                        if (actionName.equalsIgnoreCase("CoreShowChannels")) {
                            coreShowChannelsSent.incrementAndGet();
                        }
                    }
                }).build());
        AmiClient flooder = AmiClient.create(AmiClientOptions.builder(asterisk.amiUrl()).name("drop-flood-it-sender")
                .eventMask("off").build());
        LiveModel model = null;
        try {
            client.connect().get(30, TimeUnit.SECONDS);
            flooder.connect().get(30, TimeUnit.SECONDS);
            // A subscriber that falls behind: 200 µs per flood event, as a slow relay would.
            client.addEventListener(event -> {
                if ("DropFloodIT".equals(event.get("UserEvent"))) {
                    LockSupport.parkNanos(200_000);
                }
            });
            client.addConnectionListener(LiveModelRebuildTest.dropNoticeCounter(notices));
            model = new LiveModel(client, Clock.systemUTC()).start();
            LiveModel live = model;
            await().atMost(PATIENCE).until(() -> live.snapshot().connected());
            originate(flooder, 2);
            await().atMost(PATIENCE).until(() -> ownChannels(live).size() == 4);

            long started = System.nanoTime();
            // In bursts, each sent when the last was answered: Asterisk writes small batches, as under real
            // traffic, and each batch delivered after a drop brings a drop notice.
            for (int burst = 0; burst < FLOOD / BURST; burst++) {
                List<CompletableFuture<AmiResponse>> sent = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    sent.add(flooder.send(AmiAction.builder("UserEvent").header("UserEvent", "DropFloodIT")
                            .header("Seq", Integer.toString(burst * BURST + i)).build(), Duration.ofSeconds(60)));
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }
            await().atMost(PATIENCE).until(() -> client.bufferedEvents() == 0);
            long floodMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            // The test's own CoreShowChannels go through the flooder, so the count is the model's alone.
            await().atMost(PATIENCE).until(() -> modelMatchesCoreShowChannels(flooder, live));
            long rebuilds = coreShowChannelsSent.get() - 1;
            hangUp(flooder);
            await().atMost(PATIENCE).until(() -> ownChannels(live).isEmpty() && modelMatchesCoreShowChannels(flooder, live));
            long warnings = output.lines()
                    .filter(line -> line.contains("were dropped; rebuilding the live model")).count();
            // One per interval of the flood, one after it, and one for the last notice, which may come a moment
            // after the buffer was seen empty.
            long bound = floodMillis / LiveModelLimits.DEFAULTS.rebuildInterval().toMillis() + 3;
            assertThat(notices.get()).as("drop notices (the flood must overflow the buffer)").isPositive();
            assertThat(rebuilds).as("rebuilds for %d drop notices in %d ms", notices.get(), floodMillis)
                    .isBetween(1L, bound);
            assertThat(warnings).as("drop warnings for %d drop notices in %d ms", notices.get(), floodMillis)
                    .isBetween(1L, bound);
            Reliability.row("Drop flood against the real Asterisk: the live model behind a 256-event buffer",
                    "one client, 256-event buffer, a listener taking 200 µs per flood event, 2 calls up, rebuild interval 1 s",
                    FLOOD + " UserEvents (bursts of " + BURST + ") in " + floodMillis + " ms: " + client.droppedEvents() + " events dropped in "
                            + notices.get() + " drop notices",
                    rebuilds + " rebuilds (CoreShowChannels), " + warnings
                            + " warning lines; the model equals CoreShowChannels after the flood and after the hangups",
                    "nothing: the rebuild after the last drop restores the calls");
        }
        finally {
            hangUp(flooder);
            if (model != null) {
                model.close();
            }
            client.close();
            flooder.close();
        }
    }

    private static void originate(AmiClient client, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            client.send(AmiAction.builder("Originate").header("Channel", "Local/500@test").header("Context", "test")
                    .header("Exten", "200").header("Priority", "1").header("CallerID", "\"DropFloodIT\" <78" + i + ">")
                    .header("Async", "true").build()).get(10, TimeUnit.SECONDS);
        }
    }

    private static Set<String> ownChannels(LiveModel model) {
        return model.snapshot().calls().stream().flatMap(call -> call.channels().stream())
                .filter(c -> c.callerIdName().equals("DropFloodIT") || c.connectedLineName().equals("DropFloodIT"))
                .map(LiveChannel::uniqueId).collect(Collectors.toSet());
    }

    private static boolean modelMatchesCoreShowChannels(AmiClient client, LiveModel model) throws Exception {
        Set<String> listed = coreShowChannels(client).stream().map(e -> e.get("Uniqueid") + "@" + e.get("Linkedid"))
                .collect(Collectors.toSet());
        LiveSnapshot snapshot = model.snapshot();
        Set<String> modelled = snapshot.calls().stream().flatMap(call -> call.channels().stream())
                .map(c -> c.uniqueId() + "@" + c.linkedId()).collect(Collectors.toSet());
        return snapshot.connected() && listed.equals(modelled);
    }

    private static List<AmiEvent> coreShowChannels(AmiClient client) throws Exception {
        return client.send(AmiAction.of("CoreShowChannels")).get(10, TimeUnit.SECONDS).events();
    }

    private static void hangUp(AmiClient client) throws Exception {
        for (AmiEvent channel : coreShowChannels(client)) {
            if ("DropFloodIT".equals(channel.get("CallerIDName")) || "DropFloodIT".equals(channel.get("ConnectedLineName"))) {
                client.send(AmiAction.builder("Hangup").header("Channel", channel.get("Channel")).build())
                        .exceptionally(ignored -> null).get(10, TimeUnit.SECONDS);
            }
        }
    }
}
