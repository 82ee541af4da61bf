package io.amiboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.action.AmiActionSender;
import io.amiboot.action.CoreSettings;
import io.amiboot.action.CoreStatus;
import io.amiboot.action.DialplanLocation;
import io.amiboot.action.OriginateRequest;
import io.amiboot.action.OriginateResult;
import io.amiboot.autoconfigure.events.AmiApplicationEvent;
import io.amiboot.autoconfigure.events.OnAmiEvent;
import io.amiboot.client.AmiActionException;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionState;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiResponse;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** Every named action of {@link AmiActionSender} against a real Asterisk 22 (dialplan context {@code test}). */
@RealAsterisk
class AmiActionSenderIT {

    private static ConfigurableApplicationContext app;

    private static AmiActionSender sender;

    private static String url;

    private final List<String> channels = new ArrayList<>();

    private final List<AmiClient> extraClients = new ArrayList<>();

    @BeforeAll
    static void start(TestAsterisk asterisk) {
        url = asterisk.amiUrl();
        app = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "ami.url=" + url, "ami.startup.wait=true").run();
        sender = app.getBean(AmiActionSender.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @AfterEach
    void hangUpWhatThisTestStarted() {
        for (String channel : channels) {
            sender.hangup(channel).exceptionally(ex -> null).join();
        }
        extraClients.forEach(AmiClient::close);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    /** An answered Local channel running an application; the returned name is its ;1 side. */
    private String call(String exten, String application, String data) throws Exception {
        if (app.getBean(AmiClient.class).state() != AmiConnectionState.CONNECTED) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> app.getBean(AmiClient.class).state() == AmiConnectionState.CONNECTED);
        }
        OriginateResult result = await(sender.originateAndAwait(OriginateRequest.toChannel("Local/" + exten + "@test")
                .application(application, data).variable("AMIBOOT_IT", "yes").build()));
        assertThat(result.success()).as("%s", result.event()).isTrue();
        channels.add(result.channel());
        return result.channel();
    }

    private static AmiActionException refusal(CompletableFuture<?> future) {
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> future.get(30, TimeUnit.SECONDS));
        assertThat(failure.getCause()).isInstanceOf(AmiActionException.class);
        return (AmiActionException) failure.getCause();
    }

    @Test
    void pingCommandCoreStatusAndCoreSettings() throws Exception {
        assertThat(await(sender.ping())).isPositive().isLessThan(Duration.ofSeconds(5));
        assertThat(await(sender.command("core show uptime"))).anySatisfy(line -> assertThat(line).startsWith("System uptime:"));
        CoreStatus status = await(sender.coreStatus());
        assertThat(status.startup()).isNotNull();
        assertThat(status.currentCalls()).isGreaterThanOrEqualTo(0);
        CoreSettings settings = await(sender.coreSettings());
        assertThat(settings.asteriskVersion()).startsWith("22.");
        assertThat(settings.amiVersion()).isEqualTo("11.0.0");
        assertThat(sender.mono(AmiActionSender::coreSettings).block(Duration.ofSeconds(10)).asteriskVersion()).startsWith("22.");
        assertThat(await(sender.action("ModuleCheck", Map.of("Module", "app_queue"))).isSuccess()).isTrue();
        assertThat(await(sender.action("ListCommands")).get("Ping")).isNotNull();
    }

    @Test
    void originateStatusVariablesAndHangup() throws Exception {
        String channel = call("500", "Wait", "60");
        assertThat(await(sender.coreShowChannels())).anySatisfy(e -> assertThat(e.get("Channel")).isEqualTo(channel));
        List<AmiEvent> status = await(sender.status(channel));
        assertThat(status).singleElement().satisfies(e -> assertThat(e.get("Channel")).isEqualTo(channel));
        assertThat(await(sender.status())).anySatisfy(e -> assertThat(e.get("Channel")).isEqualTo(channel));
        assertThat(await(sender.getvar(channel, "AMIBOOT_IT"))).isEqualTo("yes");
        assertThat(await(sender.setvar(channel, "AMIBOOT_SET", "42")).isSuccess()).isTrue();
        assertThat(await(sender.getvar(channel, "AMIBOOT_SET"))).isEqualTo("42");
        assertThat(await(sender.setvar(null, "AMIBOOT_GLOBAL", "g")).isSuccess()).isTrue();
        assertThat(await(sender.getvar(null, "AMIBOOT_GLOBAL"))).isEqualTo("g");
        assertThat(await(sender.hangup(channel, 16)).isSuccess()).isTrue();
        assertThat(refusal(sender.hangup("Local/nonexistent@test-00000000;1")).getMessage()).contains("No such channel");
    }

    @Test
    void synchronousOriginateWaitsForTheAnswer() throws Exception {
        AmiResponse response = await(sender.originate(OriginateRequest.toChannel("Local/100@test")
                .dialplan(DialplanLocation.of("test", "200")).timeout(Duration.ofSeconds(10)).async(false).build()));
        assertThat(response.isSuccess()).isTrue();
        AmiResponse queued = await(sender.originate(OriginateRequest.toChannel("Local/100@test")
                .dialplan(DialplanLocation.of("test", "200")).build()));
        assertThat(queued.message()).contains("queued");
        await(sender.hangup("/^Local\\/100@test-.*/")).events();
    }

    @Test
    void bridgesTransfersAndParking() throws Exception {
        String caller = call("400", "Wait", "60");
        String dialing = caller.replace(";1", ";2");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> await(sender.bridgeList()).stream()
                .anyMatch(bridge -> "2".equals(bridge.get("BridgeNumChannels"))));
        AmiEvent bridge = await(sender.bridgeList("simple_bridge")).stream().filter(b -> "2".equals(b.get("BridgeNumChannels")))
                .findFirst().orElseThrow();
        AmiResponse info = await(sender.bridgeInfo(bridge.get("BridgeUniqueid")));
        assertThat(bridge.get("BridgeType")).isEqualTo("basic");
        assertThat(info.events()).hasSize(2).allSatisfy(e -> assertThat(e.name()).isEqualTo("BridgeInfoChannel"));
        assertThat(info.events()).anySatisfy(e -> assertThat(e.get("Channel")).isEqualTo(dialing));

        assertThat(await(sender.atxfer(dialing, "test", "600")).isSuccess()).isTrue();
        assertThat(await(sender.blindTransfer(dialing, "test", "600")).message()).contains("Transfer succeeded");

        String first = call("500", "Wait", "60");
        String second = call("500", "Wait", "60");
        assertThat(await(sender.bridge(first, second, false)).message()).contains("bridged");

        String parked = call("500", "Wait", "60");
        assertThat(await(sender.park(parked)).message()).contains("Park successful");
        assertThat(refusal(sender.park("Local/nonexistent@test-00000000;1")).getMessage()).contains("does not exist");
    }

    @Test
    void redirectOneOrTwoChannels() throws Exception {
        String one = call("500", "Wait", "60");
        assertThat(await(sender.redirect(one, DialplanLocation.of("test", "600"))).isSuccess()).isTrue();
        String two = call("500", "Wait", "60");
        String three = call("500", "Wait", "60");
        assertThat(await(sender.redirect(two, DialplanLocation.of("test", "600"), three, new DialplanLocation("test", "100", 1)))
                .isSuccess()).isTrue();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<AmiEvent> status = await(sender.status(three));
            return !status.isEmpty() && "100".equals(status.get(0).get("Exten"));
        });
    }

    @Test
    void queues() throws Exception {
        String member = "Local/100@test/n";
        try {
            assertThat(await(sender.queueAdd("support", member, "IT member", 3, false)).isSuccess()).isTrue();
            assertThat(memberOf("support", member).get("Penalty")).isEqualTo("3");
            assertThat(await(sender.queuePause("support", member, true, "lunch")).isSuccess()).isTrue();
            assertThat(memberOf("support", member).get("Paused")).isEqualTo("1");
            assertThat(await(sender.queuePenalty(member, 5, "support")).isSuccess()).isTrue();
            assertThat(memberOf("support", member).get("Penalty")).isEqualTo("5");
            assertThat(await(sender.queueSummary("support"))).singleElement()
                    .satisfies(e -> assertThat(e.get("Queue")).isEqualTo("support"));
            assertThat(await(sender.queueSummary())).extracting(e -> e.get("Queue")).contains("support", "sales");
            assertThat(await(sender.queueStatus())).anySatisfy(e -> assertThat(e.get("Queue")).isEqualTo("sales"));
            assertThat(await(sender.queueRemove("support", member)).isSuccess()).isTrue();
            assertThat(await(sender.queueStatus("support"))).noneMatch(e -> member.equals(e.get("Location")) || member.equals(e.get("Interface")));
        }
        finally {
            sender.queueRemove("support", member).exceptionally(ex -> null).join();
        }
        assertThat(refusal(sender.queueAdd("no-such-queue", member)).getMessage()).isNotBlank();
    }

    private static AmiEvent memberOf(String queue, String iface) throws Exception {
        return await(sender.queueStatus(queue)).stream().filter(e -> e.is("QueueMember"))
                .filter(e -> iface.equals(e.get("Location")) || iface.equals(e.get("StateInterface")) || iface.equals(e.get("Interface")))
                .findFirst().orElseThrow(() -> new AssertionError("no member " + iface + " in " + queue));
    }

    @Test
    void mixMonitor() throws Exception {
        String channel = call("500", "Wait", "60");
        AmiResponse started = await(sender.mixMonitor(channel, "amiboot-it-" + System.nanoTime() + ".wav", "b"));
        assertThat(started.isSuccess()).isTrue();
        assertThat(await(sender.stopMixMonitor(channel, started.get("MixMonitorID"))).isSuccess()).isTrue();
        await(sender.mixMonitor(channel, "amiboot-it-" + System.nanoTime() + ".wav", null));
        assertThat(await(sender.stopMixMonitor(channel)).isSuccess()).isTrue();
    }

    @Test
    void endpointsAndStates() throws Exception {
        assertThat(await(sender.pjsipShowEndpoints())).extracting(e -> e.get("ObjectName")).contains("1001", "1002", "1003");
        assertThat(await(sender.pjsipShowEndpoint("1001"))).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("EndpointDetail");
            assertThat(e.get("ObjectName")).isEqualTo("1001");
        });
        assertThat(await(sender.deviceStateList())).allSatisfy(e -> assertThat(e.name()).isEqualTo("DeviceStateChange"));
        assertThat(await(sender.extensionStateList())).allSatisfy(e -> assertThat(e.name()).isEqualTo("ExtensionStatus"));
        assertThat(refusal(sender.pjsipShowEndpoint("9999")).getMessage()).isNotBlank();
    }

    @Test
    void removedChannelDriversAndAppsFailCleanly() {
        assertThat(refusal(sender.sipPeers()).getMessage()).contains("SIPpeers", "Invalid/unknown command");
        assertThat(refusal(sender.meetmeList()).getMessage()).contains("MeetmeList", "Invalid/unknown command");
    }

    @Test
    void confbridgeList() throws Exception {
        assertThat(refusal(sender.confbridgeList("amiboot-none")).getMessage()).contains("No active conferences");
        String participant = call("100", "ConfBridge", "amiboot-it");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(await(sender.confbridgeList("amiboot-it")))
                        .anySatisfy(e -> assertThat(e.get("Channel")).isEqualTo(participant)));
    }

    @Test
    void userEventsEventsFilterAndLogoff() throws Exception {
        Received received = app.getBean(Received.class);
        assertThat(await(sender.userEvent("AmibootIT", Map.of("Foo", "bar"))).isSuccess()).isTrue();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.userEvents.stream()
                .anyMatch(e -> "AmibootIT".equals(e.get("UserEvent")) && "bar".equals(e.get("Foo"))));

        AmiClient other = AmiClient.connect(url).get(30, TimeUnit.SECONDS);
        extraClients.add(other);
        AmiActionSender otherSender = new AmiActionSender(other);
        List<AmiEvent> seenByOther = new CopyOnWriteArrayList<>();
        other.addEventListener(seenByOther::add);
        assertThat(await(otherSender.filter("Event: UserEvent")).isSuccess()).isTrue();
        await(sender.userEvent("AmibootFiltered", Map.of()));
        String channel = call("500", "Wait", "60");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seenByOther.stream()
                .anyMatch(e -> "AmibootFiltered".equals(e.get("UserEvent"))));
        // The unfiltered client sees the call's Hangup; a UserEvent raised after that comes after the Hangup in
        // Asterisk's one event queue, so once the filtered client has it, it would have had the Hangup too.
        List<AmiEvent> hangups = new CopyOnWriteArrayList<>();
        AmiClient.Registration hangupWatch = app.getBean(AmiClient.class).addEventListener(event -> {
            if (event.is("Hangup") && channel.equals(event.get("Channel"))) {
                hangups.add(event);
            }
        });
        try {
            await(sender.hangup(channel));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !hangups.isEmpty());
        }
        finally {
            hangupWatch.close();
        }
        await(sender.userEvent("AmibootAfterHangup", Map.of()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seenByOther.stream()
                .anyMatch(e -> "AmibootAfterHangup".equals(e.get("UserEvent"))));
        assertThat(seenByOther).allSatisfy(e -> assertThat(e.name()).isEqualTo("UserEvent"));

        assertThat(await(otherSender.events("off")).isSuccess()).isTrue();
        assertThat(await(otherSender.events("on")).isSuccess()).isTrue();
        assertThat(await(otherSender.logoff()).type()).isEqualTo("Goodbye");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> other.state() == AmiConnectionState.CLOSED);
        assertThatThrownBy(() -> otherSender.ping().join()).hasCauseInstanceOf(io.amiboot.client.AmiConnectionException.class);
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration(AmiAutoConfiguration.class)
    static class App {

        @Bean
        Received received() {
            return new Received();
        }
    }

    static class Received {

        final List<AmiApplicationEvent> userEvents = new CopyOnWriteArrayList<>();

        @OnAmiEvent("UserEvent")
        void userEvent(AmiApplicationEvent event) {
            userEvents.add(event);
        }
    }
}
