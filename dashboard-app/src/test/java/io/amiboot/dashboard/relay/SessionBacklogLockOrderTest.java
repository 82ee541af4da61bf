package io.amiboot.dashboard.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.live.LiveDelta;
import io.amiboot.live.LiveModel;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.ReconnectPolicy;
import io.amiboot.dashboard.live.LiveFeed;
import io.amiboot.dashboard.live.ModelLiveFeed;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A session's drain that takes a fresh snapshot of the live model while the model's event thread offers a delta
 * to the same backlog does not deadlock them (the lock-order inversion fixed in 5cd4c51).
 */
class SessionBacklogLockOrderTest {

    private static final RelayFilter ALL = RelayFilter.parse(Map.of("kinds", List.of("calls,queues,endpoints")));

    /** How long either thread may take; the two finish in milliseconds unless they deadlock. */
    private static final long BOUND_SECONDS = 5;

    private ScriptedAmiPeer asterisk;

    private AmiClient client;

    private LiveModel model;

    @BeforeEach
    void connectTheLiveModel() throws Exception {
        asterisk = new ScriptedAmiPeer()
                // No FullyBooted after the login: its rebuild would reset the backlog with a Resynced mid-test.
                .respond("Login", "Response: Success\r\nMessage: Authentication accepted\r\n\r\n")
                .respond("CoreShowChannels", "Response: Success\r\nEventList: start\r\n\r\n"
                        + "Event: CoreShowChannelsComplete\r\nEventList: Complete\r\nListItems: 0\r\n\r\n");
        client = AmiClient.create(AmiClientOptions.builder(asterisk.url("admin", "secret")).name("lock-order")
                .keepaliveInterval(Duration.ZERO).reconnect(ReconnectPolicy.DISABLED).build());
        client.connect().get(10, TimeUnit.SECONDS);
        model = new LiveModel(client, Clock.systemUTC()).start();
        Awaitility.await("the live model's first snapshot").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> model.snapshot().connected());
    }

    @AfterEach
    void close() throws Exception {
        // Bounded even after a deadlock: the stuck threads are daemons, and nothing here takes the model's lock.
        model.close();
        client.close();
        asterisk.close();
    }

    @Test
    void aDrainTakingAFreshSnapshotDoesNotDeadlockWithTheModelOfferingADelta() throws Exception {
        SessionBacklog backlog = new SessionBacklog(ALL, 1, 10);
        LiveFeed feed = new ModelLiveFeed(model);
        BlockingQueue<LiveDelta> offered = new LinkedBlockingQueue<>();
        CountDownLatch drainInSnapshot = new CountDownLatch(1);
        CountDownLatch modelLockHeld = new CountDownLatch(1);
        AtomicReference<Thread> racingOffer = new AtomicReference<>();
        // As LiveSocketHandler's listener: the model calls it on the AMI event thread, holding the model's lock.
        feed.listen(delta -> {
            if (racingOffer.get() == null && delta instanceof LiveDelta.CallAdded added && added.call().id().equals("3.1")) {
                // Offer only once the drain is inside its snapshot supplier: the interleaving that deadlocked.
                racingOffer.set(Thread.currentThread());
                await(drainInSnapshot);
                modelLockHeld.countDown();
            }
            backlog.offer("pbx", delta);
            offered.add(delta);
        });
        assertThat(offered.poll(BOUND_SECONDS, TimeUnit.SECONDS)).isInstanceOf(LiveDelta.Resynced.class);

        // Calls beyond a backlog of one overflow it: the session now needs a fresh snapshot.
        asterisk.send(newchannel("1.1") + newchannel("2.1"));
        for (int i = 0; i < 2; i++) {
            assertThat(offered.poll(BOUND_SECONDS, TimeUnit.SECONDS)).as("call %d offered", i + 1).isInstanceOf(LiveDelta.CallAdded.class);
        }

        // As LiveSocketHandler's drain on a Reactor worker: the snapshot is the model's, taken under its lock.
        AtomicReference<RelayMessage> polled = new AtomicReference<>();
        Thread drain = new Thread(() -> polled.set(backlog.poll(server -> {
            drainInSnapshot.countDown();
            await(modelLockHeld);
            return ALL.apply(server, feed.snapshot());
        })), "session-drain");
        drain.setDaemon(true);
        drain.start();
        asterisk.send(newchannel("3.1"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        LiveDelta third = offered.poll(BOUND_SECONDS, TimeUnit.SECONDS);
        drain.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        assertThat(third != null && !drain.isAlive())
                .as("the AMI event thread's offer and the drain both finish within %d s; their stacks:%n%s", BOUND_SECONDS,
                        stacks(racingOffer.get(), drain))
                .isTrue();
        assertThat(drainInSnapshot.getCount() + modelLockHeld.getCount()).as("the drain and the offer did overlap").isZero();
        assertThat(polled.get()).isInstanceOf(RelayMessage.Snapshot.class);
    }

    private static String newchannel(String uniqueId) {
        return "Event: Newchannel\r\nChannel: PJSIP/1001-" + uniqueId + "\r\nChannelStateDesc: Ring\r\nCallerIDNum: 1001\r\n"
                + "Uniqueid: " + uniqueId + "\r\nLinkedid: " + uniqueId + "\r\nContext: test\r\nExten: 100\r\nPriority: 1\r\n\r\n";
    }

    /** Waits for {@code latch}, but not forever: a deadlock must fail the test, not hang the build. */
    private static void await(CountDownLatch latch) {
        try {
            latch.await(BOUND_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stacks(Thread... threads) {
        StringBuilder out = new StringBuilder();
        for (Thread thread : threads) {
            if (thread == null) {
                out.append("(the racing offer never ran)\n");
                continue;
            }
            ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId(), Integer.MAX_VALUE);
            out.append('"').append(thread.getName()).append("\" ").append(thread.getState());
            if (info != null && info.getLockName() != null) {
                out.append(" on ").append(info.getLockName()).append(" held by \"").append(info.getLockOwnerName()).append('"');
            }
            out.append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                out.append("    at ").append(frame).append('\n');
            }
        }
        return out.toString();
    }
}
