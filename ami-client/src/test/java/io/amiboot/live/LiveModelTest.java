package io.amiboot.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.ReconnectPolicy;
import io.amiboot.client.AmiConnectionState;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live model's snapshot, hold-back and reconnect logic against a scripted AMI server. */
class LiveModelTest {

    @RegisterExtension
    final ClosedAfterEach started = new ClosedAfterEach();

    private ScriptedAmiPeer asterisk;

    private AmiClient client;

    private LiveModel model;

    static String channel(String uniqueId, String linkedId, String name) {
        return "Event: CoreShowChannel\r\nChannel: " + name + "\r\nChannelStateDesc: Up\r\nUniqueid: " + uniqueId
                + "\r\nLinkedid: " + linkedId + "\r\nContext: test\r\nExten: 100\r\nPriority: 1\r\nDuration: 00:00:05\r\n"
                + "BridgeId: \r\n";
    }

    static String hangup(String uniqueId, String linkedId) {
        return "Event: Hangup\r\nUniqueid: " + uniqueId + "\r\nLinkedid: " + linkedId + "\r\nCause: 16\r\n\r\n";
    }

    /** A list response: the start, {@code entries} (raw blocks without ActionID and end), the Complete event. */
    static String list(String actionId, String completeEvent, List<String> entries) {
        String id = "ActionID: " + actionId + "\r\n";
        StringBuilder reply = new StringBuilder("Response: Success\r\n" + id + "EventList: start\r\n\r\n");
        for (String entry : entries) {
            reply.append(entry.replaceFirst("\r\n", "\r\n" + id)).append("\r\n");
        }
        return reply.append("Event: ").append(completeEvent).append("\r\n").append(id)
                .append("EventList: Complete\r\nListItems: ").append(entries.size()).append("\r\n\r\n").toString();
    }

    /** Answers CoreShowChannels with {@code channels}, then sends {@code eventsAfterTheList} at once. */
    private void channels(List<String> channels, String eventsAfterTheList) {
        asterisk.respond("CoreShowChannels",
                action -> list(action.get("ActionID"), "CoreShowChannelsComplete", channels) + eventsAfterTheList);
    }

    private void start(List<String> channels, String eventsAfterTheList) throws Exception {
        asterisk = started.add(new ScriptedAmiPeer());
        // No FullyBooted after the login: the model starts after the client connected, so it would see that event
        // after the login and take it for a late boot, rebuilding a second time.
        asterisk.respond("Login", "Response: Success\r\nMessage: Authentication accepted\r\n\r\n");
        channels(channels, eventsAfterTheList);
        asterisk.respond("QueueStatus", action -> list(action.get("ActionID"), "QueueStatusComplete",
                List.of("Event: QueueParams\r\nQueue: sales\r\nStrategy: ringall\r\n")));
        asterisk.respond("PJSIPShowEndpoints", action -> list(action.get("ActionID"), "EndpointListComplete",
                List.of("Event: EndpointList\r\nObjectName: 1001\r\nDeviceState: Not in use\r\n")));
        client = started.add(AmiClient.create(AmiClientOptions.builder(asterisk.url("user", "secret")).name("live-test")
                .reconnect(new ReconnectPolicy(true, Duration.ofMillis(50), Duration.ofMillis(200), 2.0, 0.0))
                .build()));
        client.connect().get(10, TimeUnit.SECONDS);
        model = started.add(new LiveModel(client, Clock.systemUTC()).start());
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }

    @Test
    void anEventRightAfterTheSnapshotIsAppliedOnTopOfIt() throws Exception {
        start(List.of(channel("1.1", "1.1", "PJSIP/1001-1"), channel("1.2", "1.1", "PJSIP/1002-2")), hangup("1.2", "1.1"));
        await("the snapshot and the hangup", () -> model.snapshot().connected()
                && model.snapshot().calls().size() == 1 && model.snapshot().calls().get(0).channels().size() == 1);
        LiveSnapshot snapshot = model.snapshot();
        assertThat(snapshot.calls().get(0).channels()).extracting(LiveChannel::uniqueId).containsExactly("1.1");
        assertThat(snapshot.queues()).extracting(LiveQueue::name).containsExactly("sales");
        assertThat(snapshot.endpoints()).extracting(LiveEndpoint::state).containsExactly(DeviceState.NOT_INUSE);
    }

    @Test
    void listenersGetTheCurrentModelFirstThenTheChanges() throws Exception {
        start(List.of(channel("2.1", "2.1", "PJSIP/1001-1")), "");
        await("the snapshot", () -> model.snapshot().connected() && model.snapshot().calls().size() == 1);
        BlockingQueue<LiveDelta> deltas = new LinkedBlockingQueue<>();
        model.listen(deltas::add);
        assertThat(deltas.poll(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(LiveDelta.Resynced.class,
                resynced -> assertThat(resynced.snapshot().calls()).hasSize(1));
        asterisk.send(hangup("2.1", "2.1"));
        assertThat(deltas.poll(5, TimeUnit.SECONDS)).isEqualTo(new LiveDelta.CallRemoved(model.snapshot().version(), "2.1"));
        assertThat(model.changes().blockFirst(Duration.ofSeconds(5))).isInstanceOf(LiveDelta.Resynced.class);
    }

    @Test
    void aDroppedConnectionClearsTheModelAndTheReconnectRebuildsIt() throws Exception {
        start(List.of(channel("3.1", "3.1", "PJSIP/1001-1")), "");
        await("the snapshot", () -> model.snapshot().connected() && model.snapshot().calls().size() == 1);
        BlockingQueue<LiveDelta> deltas = new LinkedBlockingQueue<>();
        model.listen(deltas::add);
        deltas.take();
        channels(List.of(channel("4.1", "4.1", "PJSIP/1002-1")), "");
        asterisk.dropConnections();

        LiveDelta cleared = deltas.poll(5, TimeUnit.SECONDS);
        assertThat(cleared).isInstanceOfSatisfying(LiveDelta.Resynced.class, resynced -> {
            assertThat(resynced.snapshot().connected()).isFalse();
            assertThat(resynced.snapshot().calls()).isEmpty();
        });
        await("the rebuild after the reconnect", () -> model.snapshot().connected()
                && model.snapshot().calls().stream().map(LiveCall::id).toList().equals(List.of("4.1")));
    }

    @Test
    void theFullyBootedOfALoginDoesNotRebuildASecondTimeButALaterOneDoes() throws Exception {
        asterisk = started.add(new ScriptedAmiPeer()); // Its login is answered, as Asterisk does, with FullyBooted at once.
        asterisk.respond("CoreShowChannels", action -> list(action.get("ActionID"), "CoreShowChannelsComplete", List.of()));
        asterisk.respond("QueueStatus", action -> list(action.get("ActionID"), "QueueStatusComplete", List.of()));
        asterisk.respond("PJSIPShowEndpoints", action -> list(action.get("ActionID"), "EndpointListComplete", List.of()));
        client = started.add(AmiClient.create(AmiClientOptions.builder(asterisk.url("user", "secret")).name("live-test").build()));
        // Registered before the model, so the model gets FullyBooted only once the client is CONNECTED: the
        // order in which the old check (the client's state) rebuilt a second time.
        client.addEventListener(event -> {
            if (event.is("FullyBooted")) {
                await("the client to be connected", () -> client.state() == AmiConnectionState.CONNECTED);
            }
        });
        model = started.add(new LiveModel(client, Clock.systemUTC()).start());
        // Registered after the model: each sees an event or notice only once the model has acted on it.
        AtomicInteger fullyBooted = new AtomicInteger();
        AtomicInteger logins = new AtomicInteger();
        client.addEventListener(event -> {
            if (event.is("FullyBooted")) {
                fullyBooted.incrementAndGet();
            }
        });
        client.addConnectionListener(event -> {
            if (event.state() == AmiConnectionState.CONNECTED) {
                logins.incrementAndGet();
            }
        });
        client.connect().get(10, TimeUnit.SECONDS);
        await("the login's FullyBooted and notice", () -> fullyBooted.get() == 1 && logins.get() == 1);
        assertThat(rebuildsSent()).isEqualTo(1);

        asterisk.send("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 5\r\nStatus: Fully Booted\r\n\r\n");
        await("the later FullyBooted", () -> fullyBooted.get() == 2);
        // Paced like every rebuild: it starts within one rebuild interval.
        await("a rebuild after a FullyBooted while logged in (Asterisk restarted)", () -> count("CoreShowChannels") == 2);
        assertThat(rebuildsSent()).as("rebuilds after a FullyBooted while logged in (Asterisk restarted)").isEqualTo(2);
    }

    @Test
    void aSnapshotIsBuiltOncePerVersionAndSharedUntilTheNextChange() throws Exception {
        start(List.of(channel("6.1", "6.1", "PJSIP/1001-1"), channel("6.2", "6.1", "PJSIP/1002-2")), "");
        await("the snapshot", () -> model.snapshot().connected() && model.snapshot().calls().size() == 1);
        LiveSnapshot first = model.snapshot();
        List<LiveSnapshot> polled = IntStream.range(0, 1_000).parallel().mapToObj(i -> model.snapshot()).toList();
        assertThat(polled).allSatisfy(snapshot -> assertThat(snapshot).isSameAs(first));

        asterisk.send(hangup("6.2", "6.1"));
        await("the hangup", () -> model.snapshot().version() > first.version());
        LiveSnapshot second = model.snapshot();
        assertThat(second).isNotSameAs(first).isSameAs(model.snapshot());
        assertThat(second.calls().get(0).channels()).extracting(LiveChannel::uniqueId).containsExactly("6.1");
        assertThat(first.calls().get(0).channels()).hasSize(2);
    }

    @Test
    void anotherSessionsEventWithTheListsActionIdIsNoPhantomChannel() throws Exception {
        // An OriginateResponse of another AMI session whose ActionID collides with CoreShowChannels' enters the list.
        start(List.of(channel("8.1", "8.1", "PJSIP/1001-1"), "Event: OriginateResponse\r\nResponse: Success\r\n"
                + "Channel: Local/100@test-0001;1\r\nUniqueid: 9.9\r\nLinkedid: 9.9\r\n"), "");
        await("the snapshot", () -> model.snapshot().connected());
        assertThat(model.snapshot().calls()).extracting(LiveCall::id).containsExactly("8.1");
    }

    @Test
    void aClosedModelStartsNoRebuild() throws Exception {
        start(List.of(channel("7.1", "7.1", "PJSIP/1001-1")), "");
        await("the snapshot", () -> model.snapshot().connected() && model.snapshot().calls().size() == 1);
        model.close();
        model.rebuild();
        assertThat(rebuildsSent()).isEqualTo(1);
    }

    /**
     * The rebuilds the model has sent so far: a Ping sent now is answered after every action sent before it, so
     * once it is, the scripted peer has them all.
     */
    private long rebuildsSent() throws Exception {
        client.send(AmiAction.of("Ping")).get(10, TimeUnit.SECONDS);
        return count("CoreShowChannels");
    }

    private long count(String action) {
        return asterisk.received().lines().filter(line -> line.equalsIgnoreCase("Action: " + action)).count();
    }
}
