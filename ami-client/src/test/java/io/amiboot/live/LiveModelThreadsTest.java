package io.amiboot.live;

import static io.amiboot.live.LiveModelTest.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Live models time their delayed rebuilds on the client's resources: a hundred of them add no thread. */
class LiveModelThreadsTest {

    @RegisterExtension
    final ClosedAfterEach started = new ClosedAfterEach();

    @Test
    void aHundredModelsWithDelayedRebuildsAddNoThreads() throws Exception {
        AtomicInteger rebuilds = new AtomicInteger();
        ScriptedAmiPeer asterisk = started.add(new ScriptedAmiPeer());
        asterisk.respond("Login", "Response: Success\r\nMessage: Authentication accepted\r\n\r\n");
        asterisk.respond("CoreShowChannels", action -> {
            rebuilds.incrementAndGet();
            return list(action.get("ActionID"), "CoreShowChannelsComplete", List.of());
        });
        asterisk.respond("QueueStatus", action -> list(action.get("ActionID"), "QueueStatusComplete", List.of()));
        asterisk.respond("PJSIPShowEndpoints", action -> list(action.get("ActionID"), "EndpointListComplete", List.of()));
        AmiClient client = started.add(AmiClient.create(AmiClientOptions.builder(asterisk.url("user", "secret"))
                .name("threads-test").build()));
        client.connect().get(10, TimeUnit.SECONDS);
        LiveModelLimits limits = new LiveModelLimits(Duration.ofSeconds(3), Duration.ofSeconds(30),
                LiveModelLimits.DEFAULTS.maxHeldEvents(), LiveModelLimits.DEFAULTS.maxHeldBytes());
        int models = 100;
        long threadsBefore = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count();
        List<LiveModel> all = new ArrayList<>();
        for (int i = 0; i < models; i++) {
            all.add(started.add(new LiveModel(client, Clock.systemUTC(), limits).start()));
        }
        Awaitility.await("the first rebuild of each model").atMost(Duration.ofSeconds(20))
                .until(() -> rebuilds.get() == models);
        all.forEach(LiveModel::rebuild);
        // Asked again within the interval, each model rebuilds at its end, started by the timer.
        Awaitility.await("the delayed rebuild of each model").atMost(Duration.ofSeconds(20))
                .until(() -> rebuilds.get() == 2 * models);
        long threadsAfter = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count();
        assertThat(threadsAfter - threadsBefore).as("threads added by %d models", models).isLessThan(10);
        assertThat(Thread.getAllStackTraces().keySet()).noneSatisfy(thread ->
                assertThat(thread.getName()).startsWith("ami-live-model"));
    }
}
