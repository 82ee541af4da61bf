package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a real Asterisk 22. */
@RealAsterisk
class AmiClientIT {

    private final List<AmiClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(AmiClient::close);
    }

    private AmiClient connect(AmiClientOptions options) throws Exception {
        AmiClient client = AmiClient.create(options);
        clients.add(client);
        return client.connect().get(30, TimeUnit.SECONDS);
    }

    private AmiClientOptionsBuilder options(TestAsterisk asterisk) {
        return AmiClientOptions.builder(asterisk.amiUrl()).name("it");
    }

    @Test
    void plainLoginReportsVersions(TestAsterisk asterisk) throws Exception {
        AmiClient client = connect(options(asterisk).build());
        assertThat(client.state()).isEqualTo(AmiConnectionState.CONNECTED);
        assertThat(client.managerVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(client.asteriskVersion()).startsWith("22.");
        assertThat(client.send(AmiAction.of("Ping")).get(10, TimeUnit.SECONDS).get("Ping")).isEqualTo("Pong");
    }

    @Test
    void md5Login(TestAsterisk asterisk) throws Exception {
        AmiClient client = connect(options(asterisk).authType(AmiAuthType.MD5).build());
        assertThat(client.send(AmiAction.of("Ping")).get(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    @Test
    void wrongPasswordFailsWithTheDedicatedException(TestAsterisk asterisk) {
        AmiUrl good = AmiUrl.parse(asterisk.amiUrl());
        AmiUrl wrong = new AmiUrl(false, good.host(), good.port(), good.username(), "definitely-wrong");
        assertThatThrownBy(() -> connect(AmiClientOptions.builder(wrong).build()))
                .cause().isInstanceOf(AmiAuthenticationException.class)
                .hasMessageContaining("Authentication failed")
                .hasMessageNotContaining("definitely-wrong");
    }

    @Test
    void tenThousandPipelinedPingsAreAllAnsweredAndCorrelated(TestAsterisk asterisk) throws Exception {
        AmiClient client = connect(options(asterisk).actionTimeout(Duration.ofSeconds(60)).build());
        int count = 10_000;
        List<CompletableFuture<AmiResponse>> pings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pings.add(client.send(AmiAction.of("Ping")));
        }
        CompletableFuture.allOf(pings.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        List<String> ids = new ArrayList<>(count);
        for (CompletableFuture<AmiResponse> ping : pings) {
            AmiResponse response = ping.join();
            assertThat(response.get("Ping")).isEqualTo("Pong");
            ids.add(response.actionId());
        }
        // Each future got the response to its own action: the IDs (one connection's prefix, then a counter)
        // were handed out in send order.
        assertThat(ids).doesNotHaveDuplicates();
        String prefix = ids.get(0).substring(0, ids.get(0).indexOf('-') + 1);
        assertThat(ids).allMatch(id -> id.startsWith(prefix));
        for (int i = 1; i < count; i++) {
            assertThat(Long.parseLong(ids.get(i).substring(prefix.length())))
                    .isGreaterThan(Long.parseLong(ids.get(i - 1).substring(prefix.length())));
        }
    }

    @Test
    void aListPastMaxListBytesFailsAndTheConnectionCarriesOn(TestAsterisk asterisk) throws Exception {
        // DeviceStateList answers with one entry per device of the test Asterisk (about 100 bytes each).
        AmiClient control = connect(options(asterisk).name("it-control").build());
        AmiResponse devices = control.send(AmiAction.of("DeviceStateList")).get(10, TimeUnit.SECONDS);
        assertThat(devices.events()).as("the control gets the whole list").hasSizeGreaterThan(3);
        int bound = devices.events().get(0).wireSize() * 2;

        AmiClient client = connect(options(asterisk).maxListBytes(bound).build());
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        client.addEventListener(events::add);
        CompletableFuture<AmiResponse> tooLarge = client.send(AmiAction.of("DeviceStateList"));
        assertThatThrownBy(() -> tooLarge.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(AmiListTooLargeException.class)
                .hasMessageContaining("Action DeviceStateList").hasMessageContaining(bound + " bytes (maxListBytes)");
        AmiResponse pong = client.send(AmiAction.of("Ping")).get(10, TimeUnit.SECONDS);
        assertThat(pong.get("Ping")).isEqualTo("Pong");
        assertThat(client.state()).isEqualTo(AmiConnectionState.CONNECTED);
        assertThat(client.reconnectAttempts()).isZero();
        assertThat(client.inFlightActions()).as("the dropped rest of the list holds no slot").isZero();
        String prefix = pong.actionId().substring(0, pong.actionId().indexOf('-') + 1);
        assertThat(events).as("the rest of the list was not passed on as events")
                .noneMatch(event -> event.actionId() != null && event.actionId().startsWith(prefix));
        Reliability.row("List response over maxListBytes", "one client, DeviceStateList from the real Asterisk ("
                + devices.events().size() + " entries)", "maxListBytes of " + bound + " bytes (2 entries)",
                "the action failed with AmiListTooLargeException; the connection stayed up (0 reconnects), the next Ping was answered",
                "that list only, on purpose; none of its entries reached the event listeners");
    }

    @Test
    void coreShowChannelsGathersTheChannelsOfOriginatedCalls(TestAsterisk asterisk) throws Exception {
        AmiClient client = connect(options(asterisk).build());
        BlockingQueue<AmiEvent> originateResponses = new LinkedBlockingQueue<>();
        client.addEventListener(event -> {
            if (event.is("OriginateResponse")) {
                originateResponses.add(event);
            }
        });
        List<String> originateIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            originateIds.add(client.send(AmiAction.builder("Originate").header("Channel", "Local/500@test")
                    .header("Application", "Wait").header("Data", "60").header("Async", "true")
                    .header("CallerID", "\"IT " + i + "\" <50" + i + ">").build()).get(10, TimeUnit.SECONDS).actionId());
        }
        for (int i = 0; i < 3; i++) {
            AmiEvent originated = originateResponses.poll(20, TimeUnit.SECONDS);
            assertThat(originated).as("OriginateResponse %d", i).isNotNull();
            assertThat(originated.get("Response")).isEqualTo("Success");
            assertThat(originateIds).contains(originated.actionId());
        }
        try {
            AmiResponse channels = client.send(AmiAction.of("CoreShowChannels")).get(10, TimeUnit.SECONDS);
            assertThat(channels.isListStart()).isTrue();
            assertThat(channels.completion().name()).isEqualTo("CoreShowChannelsComplete");
            assertThat(channels.completion().get("ListItems")).isEqualTo(Integer.toString(channels.events().size()));
            List<String> names = channels.events().stream().map(e -> e.get("Channel")).toList();
            assertThat(names.stream().filter(name -> name.startsWith("Local/500@test-"))).hasSizeGreaterThanOrEqualTo(6);
            assertThat(channels.events()).allSatisfy(e -> assertThat(e.name()).isEqualTo("CoreShowChannel"));
        }
        finally {
            hangUpAll(client, "Local/500@test-");
        }
    }

    @Test
    void commandOutputComesAsLines(TestAsterisk asterisk) throws Exception {
        AmiClient client = connect(options(asterisk).build());
        AmiResponse uptime = client.send(AmiAction.builder("Command").header("Command", "core show uptime").build()).get(10, TimeUnit.SECONDS);
        assertThat(uptime.output()).anySatisfy(line -> assertThat(line).startsWith("System uptime:"));

        assertThatThrownBy(() -> client.send(AmiAction.builder("Command").header("Command", "no such command here").build()).join())
                .cause().isInstanceOf(AmiActionException.class)
                .satisfies(ex -> assertThat(((AmiActionException) ex).response().output()).anySatisfy(
                        line -> assertThat(line).containsIgnoringCase("no such command")));
    }

    @Test
    void eventsOfOneOriginatedCallArriveInOrder(TestAsterisk asterisk) throws Exception {
        AmiClient client = connect(options(asterisk).build());
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        BlockingQueue<AmiEvent> hangups = new LinkedBlockingQueue<>();
        client.addEventListener(event -> {
            String channel = event.get("Channel");
            if (channel != null && channel.startsWith("Local/200@test-")) {
                events.add(event);
                if (event.is("Hangup")) {
                    hangups.add(event);
                }
            }
        });
        client.send(AmiAction.builder("Originate").header("Channel", "Local/200@test").header("Application", "Wait")
                .header("Data", "1").header("Async", "true").build()).get(10, TimeUnit.SECONDS);
        assertThat(hangups.poll(20, TimeUnit.SECONDS)).isNotNull();
        assertThat(hangups.poll(20, TimeUnit.SECONDS)).isNotNull();

        String firstChannel = events.get(0).get("Channel");
        List<String> ofFirst = events.stream().filter(e -> e.get("Channel").equals(firstChannel)).map(AmiEvent::name).toList();
        assertThat(ofFirst.get(0)).isEqualTo("Newchannel");
        assertThat(ofFirst.get(ofFirst.size() - 1)).isEqualTo("Hangup");
        assertThat(ofFirst).containsSubsequence("Newchannel", "Newstate", "Hangup");
        // Both halves of the Local channel were created and hung up, each exactly once.
        List<String> created = events.stream().filter(e -> e.is("Newchannel")).map(e -> e.get("Uniqueid")).toList();
        List<String> hungUp = events.stream().filter(e -> e.is("Hangup")).map(e -> e.get("Uniqueid")).toList();
        assertThat(created).hasSize(2).doesNotHaveDuplicates();
        assertThat(hungUp).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void stoppingAsteriskFailsInFlightActionsFastAndTheClientReconnectsByItself(TestAsterisk asterisk) throws Exception {
        AmiClient client = connect(options(asterisk)
                .reconnect(new ReconnectPolicy(true, Duration.ofMillis(200), Duration.ofSeconds(1), 2.0, 0.2))
                .build());
        BlockingQueue<AmiConnectionEvent> notices = new LinkedBlockingQueue<>();
        client.addConnectionListener(notices::add);
        // A synchronous Originate to a channel that never answers keeps its response away for a minute.
        CompletableFuture<AmiResponse> inFlight = client.send(AmiAction.builder("Originate").header("Channel", "Local/900@test")
                .header("Application", "Wait").header("Data", "1").header("Timeout", "60000").build(), Duration.ofSeconds(90));
        // A synchronous Originate holds the whole AMI session, so watch for its channel from a second one.
        AmiClient observer = connect(options(asterisk).name("it-observer").build());
        long seen = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (observer.send(AmiAction.of("CoreShowChannels")).get(10, TimeUnit.SECONDS).events().stream()
                .noneMatch(channel -> channel.get("Channel").startsWith("Local/900@test-"))) {
            assertThat(System.nanoTime()).as("Local/900 channel up").isLessThan(seen);
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(inFlight).isNotDone();
        long stopAt = System.nanoTime();
        try {
            asterisk.stop();
            // A clean shutdown hangs up the ringing channel first, so Asterisk may still answer "Originate failed"
            // before it closes the socket; either way the future fails at once instead of waiting for its timeout.
            assertThatThrownBy(() -> inFlight.get(20, TimeUnit.SECONDS)).cause()
                    .isInstanceOfAny(AmiConnectionException.class, AmiActionException.class);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopAt)).isLessThan(20);
            assertThat(client.state()).isIn(AmiConnectionState.DISCONNECTED, AmiConnectionState.CONNECTING);
            assertThat(client.send(AmiAction.of("Ping")).isCompletedExceptionally()).isTrue();
        }
        finally {
            asterisk.start();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (client.state() != AmiConnectionState.CONNECTED && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(client.state()).isEqualTo(AmiConnectionState.CONNECTED);
        assertThat(client.send(AmiAction.of("Ping")).get(10, TimeUnit.SECONDS).get("Ping")).isEqualTo("Pong");
        // The CONNECTED notice follows the login once the Asterisk version is known.
        long noticed = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (notices.stream().map(AmiConnectionEvent::state).toList().lastIndexOf(AmiConnectionState.CONNECTED)
                < notices.stream().map(AmiConnectionEvent::state).toList().lastIndexOf(AmiConnectionState.DISCONNECTED)) {
            assertThat(System.nanoTime()).as("CONNECTED notice after the restart").isLessThan(noticed);
            TimeUnit.MILLISECONDS.sleep(20);
        }
        List<AmiConnectionState> states = notices.stream().map(AmiConnectionEvent::state).toList();
        assertThat(states).containsSubsequence(AmiConnectionState.DISCONNECTED, AmiConnectionState.CONNECTED);
    }

    private static void hangUpAll(AmiClient client, String prefix) throws Exception {
        AmiResponse channels = client.send(AmiAction.of("CoreShowChannels")).get(10, TimeUnit.SECONDS);
        for (AmiEvent channel : channels.events()) {
            if (channel.get("Channel").startsWith(prefix)) {
                client.send(AmiAction.builder("Hangup").header("Channel", channel.get("Channel")).build()).exceptionally(ex -> null)
                        .get(10, TimeUnit.SECONDS);
            }
        }
    }
}
