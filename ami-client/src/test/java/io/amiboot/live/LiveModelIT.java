package io.amiboot.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.ReconnectPolicy;
import io.amiboot.client.AmiConnectionState;
import io.amiboot.client.AmiEvent;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live model against a real Asterisk 22: it agrees with CoreShowChannels, also after a restart. */
@RealAsterisk
class LiveModelIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private AmiClient client;

    private LiveModel model;

    @AfterEach
    void close() throws Exception {
        if (client != null && client.state() == AmiConnectionState.CONNECTED) {
            hangUp("LiveModelIT");
        }
        if (model != null) {
            model.close();
        }
        if (client != null) {
            client.close();
        }
    }

    private void connect(TestAsterisk asterisk) throws Exception {
        connect(asterisk, "on");
    }

    private void connect(TestAsterisk asterisk, String eventMask) throws Exception {
        client = AmiClient.create(AmiClientOptions.builder(asterisk.amiUrl()).name("live-it").eventMask(eventMask)
                .reconnect(new ReconnectPolicy(true, Duration.ofMillis(200), Duration.ofSeconds(1), 2.0, 0.1))
                .build());
        client.connect().get(30, TimeUnit.SECONDS);
        model = new LiveModel(client, Clock.systemUTC()).start();
        await("the first snapshot", () -> model.snapshot().connected());
    }

    @Test
    void originatedCallsAppearAsCoreShowChannelsListsThemAndGoWhenHungUp(TestAsterisk asterisk) throws Exception {
        connect(asterisk);
        BlockingQueue<LiveDelta> deltas = new LinkedBlockingQueue<>();
        model.listen(deltas::add);
        originate(3);
        await("three LiveModelIT calls", () -> ownCalls().size() == 3);
        awaitModelMatchesCoreShowChannels();
        assertThat(ownCalls()).allSatisfy(call -> {
            assertThat(call.channels()).hasSize(2);
            assertThat(call.channels()).extracting(LiveChannel::state).containsOnly("Up");
        });
        assertThat(deltas).first().isInstanceOf(LiveDelta.Resynced.class);
        assertThat(deltas).filteredOn(LiveDelta.CallAdded.class::isInstance).hasSizeGreaterThanOrEqualTo(3);

        assertThat(model.snapshot().queues()).extracting(LiveQueue::name).contains("support", "sales");
        assertThat(model.snapshot().endpoints()).extracting(LiveEndpoint::name).contains("1001", "1002", "1003");

        Set<String> ids = ownCalls().stream().map(LiveCall::id).collect(Collectors.toSet());
        hangUp("LiveModelIT");
        await("the calls to go", () -> ownCalls().isEmpty());
        await("CallRemoved for each call", () -> deltas.stream().filter(LiveDelta.CallRemoved.class::isInstance)
                .map(d -> ((LiveDelta.CallRemoved) d).callId()).collect(Collectors.toSet()).containsAll(ids));
        awaitModelMatchesCoreShowChannels();
    }

    @Test
    void afterAnAsteriskRestartWithCallsUpTheModelMatchesCoreShowChannels(TestAsterisk asterisk) throws Exception {
        connect(asterisk);
        originate(2);
        await("two LiveModelIT calls", () -> ownCalls().size() == 2);
        Set<String> before = ownCalls().stream().map(LiveCall::id).collect(Collectors.toSet());

        asterisk.restart();

        await("reconnected and rebuilt", () -> client.state() == AmiConnectionState.CONNECTED
                && model.snapshot().connected());
        awaitModelMatchesCoreShowChannels();
        assertThat(model.snapshot().calls()).extracting(LiveCall::id).doesNotContainAnyElementsOf(before);
        // The client may log in before app_queue is loaded; the FullyBooted after the login brings a rebuild, paced
        // to at most one per rebuild interval (1 s) after the login's own.
        await("the queues, once Asterisk finished booting", () -> model.snapshot().queues().stream()
                .map(LiveQueue::name).toList().containsAll(List.of("support", "sales")));

        originate(1);
        await("a call after the restart", () -> ownCalls().size() == 1);
        awaitModelMatchesCoreShowChannels();
    }

    @Test
    void aCallerWaitingInAQueueShowsUpAndLeaves(TestAsterisk asterisk) throws Exception {
        connect(asterisk);
        client.send(AmiAction.builder("Originate").header("Channel", "Local/300@test").header("Application", "Wait")
                .header("Data", "60").header("CallerID", "\"LiveModelIT\" <300>").header("Async", "true").build())
                .get(10, TimeUnit.SECONDS);
        await("a caller waiting in queue support", () -> waitingIn("support").size() == 1);
        LiveQueueCaller caller = waitingIn("support").get(0);
        assertThat(caller.position()).isEqualTo(1);
        assertThat(caller.channel()).startsWith("Local/300@test-");

        hangUp("LiveModelIT");
        await("the caller to leave the queue", () -> waitingIn("support").isEmpty());
        awaitModelMatchesCoreShowChannels();
    }

    @Test
    void withTheModelsEventMaskItFollowsCallsAndQueuesAndGetsNoDtmfVarSetSecurityOrCdr(TestAsterisk asterisk)
            throws Exception {
        // A client logged in with "on" shows what Asterisk sent at all, so that its absence below means something.
        Set<String> sentToAll = ConcurrentHashMap.newKeySet();
        try (AmiClient everything = AmiClient.create(AmiClientOptions.builder(asterisk.amiUrl()).name("live-it-all").build())) {
            everything.addEventListener(event -> sentToAll.add(event.name()));
            everything.connect().get(30, TimeUnit.SECONDS);
            connect(asterisk, LiveModel.EVENT_MASK);
            Set<String> received = ConcurrentHashMap.newKeySet();
            client.addEventListener(event -> received.add(event.name()));

            originate(2);
            await("two LiveModelIT calls", () -> ownCalls().size() == 2);
            awaitModelMatchesCoreShowChannels();
            client.send(AmiAction.builder("PlayDTMF").header("Channel", ownCalls().get(0).channels().get(0).name())
                    .header("Digit", "5").build()).get(10, TimeUnit.SECONDS);
            // A caller the sales queue's member answers, and one left waiting in support.
            originateInto("301");
            originateInto("300");
            await("a sales caller talking to the member", () -> model.snapshot().calls().stream()
                    .flatMap(call -> call.channels().stream())
                    .anyMatch(c -> c.name().startsWith("Local/100@test-") && c.bridgeId() != null));
            await("a caller waiting in queue support", () -> waitingIn("support").size() == 1);
            awaitModelMatchesCoreShowChannels();
            // A refused login raises security events.
            try (AmiClient intruder = AmiClient.create(AmiClientOptions.builder(
                    asterisk.amiUrl().replace(":" + asterisk.secret() + "@", ":wrong@")).name("live-it-intruder")
                    .reconnect(ReconnectPolicy.DISABLED).build())) {
                assertThat(intruder.connect()).failsWithin(Duration.ofSeconds(30));
            }

            hangUp("LiveModelIT");
            await("the calls to go", () -> ownCalls().isEmpty() && waitingIn("support").isEmpty());
            awaitModelMatchesCoreShowChannels();
            awaitQueueCountersMatchQueueStatus();
            await("the DTMF, dialplan and security events at the other client", () -> sentToAll.containsAll(
                    Set.of("DTMFBegin", "DTMFEnd", "VarSet", "Newexten", "InvalidPassword")));
            assertThat(received).contains("Newchannel", "Newstate", "BridgeEnter", "Hangup", "QueueCallerJoin",
                    "QueueCallerAbandon", "AgentConnect", "AgentComplete", "DeviceStateChange")
                    .doesNotContain("DTMFBegin", "DTMFEnd", "VarSet", "Newexten", "Cdr", "InvalidPassword",
                            "SuccessfulAuth", "ChallengeSent");
        }
    }

    private void originateInto(String queueExtension) throws Exception {
        client.send(AmiAction.builder("Originate").header("Channel", "Local/" + queueExtension + "@test")
                .header("Application", "Wait").header("Data", "60")
                .header("CallerID", "\"LiveModelIT\" <" + queueExtension + ">").header("Async", "true").build())
                .get(10, TimeUnit.SECONDS);
    }

    /** Waits until the model's Completed and Abandoned of every queue are QueueStatus's. */
    private void awaitQueueCountersMatchQueueStatus() {
        Awaitility.await("the model's queue counters to match QueueStatus").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    Map<String, String> counted = client.send(AmiAction.of("QueueStatus")).get(10, TimeUnit.SECONDS)
                            .events().stream().filter(e -> e.is("QueueParams"))
                            .collect(Collectors.toMap(e -> e.get("Queue"), e -> e.get("Completed") + "/" + e.get("Abandoned")));
                    Map<String, String> modelled = model.snapshot().queues().stream()
                            .collect(Collectors.toMap(LiveQueue::name, q -> q.completed() + "/" + q.abandoned()));
                    assertThat(modelled).as("completed/abandoned per queue, model vs QueueStatus").isEqualTo(counted);
                });
    }

    private List<LiveQueueCaller> waitingIn(String queue) {
        return model.snapshot().queues().stream().filter(q -> q.name().equals(queue)).findFirst()
                .map(LiveQueue::callers).orElse(List.of()).stream()
                .filter(c -> c.channel().startsWith("Local/300@test-")).toList();
    }

    private void originate(int count) throws Exception {
        BlockingQueue<AmiEvent> answered = new LinkedBlockingQueue<>();
        AmiClient.Registration registration = client.addEventListener(event -> {
            if (event.is("OriginateResponse")) {
                answered.add(event);
            }
        });
        try {
            for (int i = 0; i < count; i++) {
                client.send(AmiAction.builder("Originate").header("Channel", "Local/500@test")
                        .header("Context", "test").header("Exten", "200").header("Priority", "1")
                        .header("CallerID", "\"LiveModelIT\" <77" + i + ">").header("Async", "true").build())
                        .get(10, TimeUnit.SECONDS);
            }
            for (int i = 0; i < count; i++) {
                assertThat(answered.poll(20, TimeUnit.SECONDS)).as("OriginateResponse").isNotNull()
                        .satisfies(response -> assertThat(response.get("Response")).isEqualTo("Success"));
            }
        }
        finally {
            registration.close();
        }
    }

    private List<LiveCall> ownCalls() {
        return model.snapshot().calls().stream()
                .filter(call -> call.channels().stream().anyMatch(c -> c.callerIdName().equals("LiveModelIT"))).toList();
    }

    private void hangUp(String callerIdName) throws Exception {
        for (AmiEvent channel : coreShowChannels()) {
            if (callerIdName.equals(channel.get("CallerIDName")) || callerIdName.equals(channel.get("ConnectedLineName"))) {
                client.send(AmiAction.builder("Hangup").header("Channel", channel.get("Channel")).build())
                        .exceptionally(ignored -> null).get(10, TimeUnit.SECONDS);
            }
        }
    }

    private List<AmiEvent> coreShowChannels() throws Exception {
        return client.send(AmiAction.of("CoreShowChannels")).get(10, TimeUnit.SECONDS).events();
    }

    /** Polls until the model's channels are exactly the ones CoreShowChannels lists, with the same Linkedids. */
    private void awaitModelMatchesCoreShowChannels() {
        Awaitility.await("the model to match CoreShowChannels").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    Set<String> listed = coreShowChannels().stream().map(e -> e.get("Uniqueid") + "@" + e.get("Linkedid"))
                            .collect(Collectors.toSet());
                    Set<String> modelled = model.snapshot().calls().stream().flatMap(call -> call.channels().stream())
                            .map(c -> c.uniqueId() + "@" + c.linkedId()).collect(Collectors.toSet());
                    assertThat(modelled).as("model channels (Uniqueid@Linkedid) vs CoreShowChannels").isEqualTo(listed);
                });
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
