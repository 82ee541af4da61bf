package io.amiboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.amiboot.action.AmiActionSender;
import io.amiboot.action.OriginateRequest;
import io.amiboot.action.OriginateResult;
import io.amiboot.autoconfigure.events.AmiApplicationEvent;
import io.amiboot.autoconfigure.events.AmiConnectedEvent;
import io.amiboot.autoconfigure.events.AmiConnectionStateEvent;
import io.amiboot.autoconfigure.events.AmiDisconnectedEvent;
import io.amiboot.autoconfigure.events.AmiReconnectingEvent;
import io.amiboot.autoconfigure.events.OnAmiEvent;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionState;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** Boot applications with the auto-configuration against a real Asterisk 22. */
@RealAsterisk
class AmiAutoConfigurationIT {

    private static ConfigurableApplicationContext run(WebApplicationType type, String... properties) {
        return new SpringApplicationBuilder(App.class).web(type)
                .properties("spring.main.banner-mode=off", "server.port=0", "ami.startup.wait=true")
                .properties(properties).run();
    }

    @Test
    void receivesTheEventsOfACallItOriginatesAndHangsUp(TestAsterisk asterisk) throws Exception {
        try (ConfigurableApplicationContext app = run(WebApplicationType.NONE, "ami.url=" + asterisk.amiUrl())) {
            Calls calls = app.getBean(Calls.class);
            AmiActionSender sender = app.getBean(AmiActionSender.class);
            OriginateResult result = sender.originateAndAwait(OriginateRequest.toChannel("Local/500@test")
                    .application("Wait", "60").callerId("\"amiboot IT\" <500>").build()).get(30, TimeUnit.SECONDS);
            assertThat(result.success()).as("OriginateResponse %s", result.event()).isTrue();
            String channel = result.channel();
            assertThat(channel).startsWith("Local/500@test-").endsWith(";1");
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.of(channel).contains("Newchannel"));

            assertThat(sender.hangup(channel).get(10, TimeUnit.SECONDS).isSuccess()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.hangups.stream().anyMatch(e -> channel.equals(e.get("Channel"))));

            List<String> names = calls.of(channel);
            assertThat(names.get(0)).isEqualTo("Newchannel");
            assertThat(names.get(names.size() - 1)).isEqualTo("Hangup");
            assertThat(names).containsSubsequence("Newchannel", "Newstate", "Hangup");
            assertThat(calls.events).allSatisfy(event -> assertThat(event.getServer()).isEqualTo("default"));
            assertThat(calls.threads).allSatisfy(thread -> assertThat(thread).startsWith("ami-events-shared-"));

            MeterRegistry registry = app.getBean(MeterRegistry.class);
            assertThat(registry.get("ami.actions").tags("server", "default", "action", "Originate", "outcome", "success")
                    .timer().count()).isEqualTo(1);
            assertThat(registry.get("ami.events.received").tags("server", "default", "event", "Hangup").counter().count())
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void healthGoesDownWhileAsteriskIsStoppedAndUpAgainWithoutRestartingTheApplication(TestAsterisk asterisk) throws Exception {
        try (ConfigurableApplicationContext app = run(WebApplicationType.SERVLET, "ami.url=" + asterisk.amiUrl(),
                "ami.reconnect.initial-delay=200ms", "ami.reconnect.max-delay=1s",
                "management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always")) {
            String url = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/actuator/health/ami";
            States states = app.getBean(States.class);
            assertThat(health(url)).contains("\"status\":\"UP\"", "\"default\"", "\"asteriskVersion\":\"22.", "\"uptime\":\"PT")
                    .doesNotContain(asterisk.secret() + "@");
            try {
                asterisk.stop();
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                        .until(() -> health(url).contains("\"status\":\"DOWN\""));
                assertThat(health(url)).contains("\"reason\":", "\"state\":");
                await().atMost(Duration.ofSeconds(10)).until(() -> states.of(AmiReconnectingEvent.class) > 0);
                assertThat(states.events).filteredOn(AmiDisconnectedEvent.class::isInstance)
                        .first().satisfies(event -> assertThat(((AmiDisconnectedEvent) event).getReason()).isNotBlank());
            }
            finally {
                asterisk.start();
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> health(url).contains("\"status\":\"UP\""));
            assertThat(health(url)).contains("\"asteriskVersion\":\"22.");
            assertThat(app.getBean(AmiClient.class).state()).isEqualTo(AmiConnectionState.CONNECTED);
            assertThat(states.of(AmiConnectedEvent.class)).as("connected at start and after the restart").isEqualTo(2);
            assertThat(app.getBean(MeterRegistry.class).get("ami.reconnects").tag("server", "default").counter().count())
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aSleepingListenerDoesNotDelayAPingAndAListenerMayCallActions(TestAsterisk asterisk) throws Exception {
        try (ConfigurableApplicationContext app = run(WebApplicationType.REACTIVE, "ami.url=" + asterisk.amiUrl())) {
            Sleeper sleeper = app.getBean(Sleeper.class);
            AmiActionSender sender = app.getBean(AmiActionSender.class);

            sender.userEvent("AmibootNested", Map.of()).get(10, TimeUnit.SECONDS);
            assertThat(sleeper.nestedPing.await(10, TimeUnit.SECONDS)).as("listener's own Ping answered").isTrue();
            assertThat(sleeper.nestedRoundTrip.get()).isLessThan(Duration.ofSeconds(2));

            sender.userEvent("AmibootSlow", Map.of()).get(10, TimeUnit.SECONDS);
            assertThat(sleeper.sleeping.await(10, TimeUnit.SECONDS)).as("listener started sleeping").isTrue();
            long start = System.nanoTime();
            Duration roundTrip = sender.ping().get(10, TimeUnit.SECONDS);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(sleeper.awake.getCount()).as("listener still asleep while the Ping was answered").isEqualTo(1);
            assertThat(elapsed).isLessThan(Duration.ofSeconds(1));
            assertThat(roundTrip).isLessThan(Duration.ofSeconds(1));
            assertThat(sleeper.awake.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void severalServersAreTaggedWithTheirNames(TestAsterisk asterisk) throws Exception {
        try (ConfigurableApplicationContext app = run(WebApplicationType.NONE, "ami.servers.first.url=" + asterisk.amiUrl(),
                "ami.servers.second.url=" + asterisk.amiUrl())) {
            AmiClients clients = app.getBean(AmiClients.class);
            assertThat(clients.names()).containsExactly("first", "second");
            clients.sender("first").userEvent("AmibootTwoServers", Map.of()).get(10, TimeUnit.SECONDS);
            Calls calls = app.getBean(Calls.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.userEventServers.size() >= 2);
            assertThat(calls.userEventServers).contains("first", "second");
        }
    }

    private static String health(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Calls calls() {
            return new Calls();
        }

        @Bean
        States states() {
            return new States();
        }

        @Bean
        Sleeper sleeper(ObjectProvider<AmiActionSender> sender) {
            return new Sleeper(sender);
        }
    }

    static class Calls {

        final List<AmiApplicationEvent> events = new CopyOnWriteArrayList<>();

        final List<AmiApplicationEvent> hangups = new CopyOnWriteArrayList<>();

        final List<String> threads = new CopyOnWriteArrayList<>();

        final List<String> userEventServers = new CopyOnWriteArrayList<>();

        @OnAmiEvent({ "Newchannel", "Newstate", "Hangup", "HangupRequest", "SoftHangupRequest", "NewCallerid" })
        void call(AmiApplicationEvent event) {
            events.add(event);
            threads.add(Thread.currentThread().getName());
        }

        @EventListener(condition = "#event.name == 'Hangup'")
        void hangup(AmiApplicationEvent event) {
            hangups.add(event);
        }

        @OnAmiEvent(value = "UserEvent", condition = "#event.get('UserEvent') == 'AmibootTwoServers'")
        void twoServers(AmiApplicationEvent event) {
            userEventServers.add(event.getServer());
        }

        List<String> of(String channel) {
            return events.stream().filter(e -> channel.equals(e.get("Channel"))).map(AmiApplicationEvent::getName).toList();
        }
    }

    static class States {

        final List<AmiConnectionStateEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void state(AmiConnectionStateEvent event) {
            events.add(event);
        }

        long of(Class<?> type) {
            return events.stream().filter(type::isInstance).count();
        }
    }

    static class Sleeper {

        private final ObjectProvider<AmiActionSender> sender;

        final CountDownLatch sleeping = new CountDownLatch(1);

        final CountDownLatch awake = new CountDownLatch(1);

        final CountDownLatch nestedPing = new CountDownLatch(1);

        final AtomicReference<Duration> nestedRoundTrip = new AtomicReference<>();

        Sleeper(ObjectProvider<AmiActionSender> sender) {
            this.sender = sender;
        }

        @OnAmiEvent(value = "UserEvent", condition = "#root.event.get('UserEvent') == 'AmibootSlow'")
        void slow() throws InterruptedException {
            sleeping.countDown();
            Thread.sleep(3000);
            awake.countDown();
        }

        @OnAmiEvent(value = "UserEvent", condition = "#root.event.get('UserEvent') == 'AmibootNested'")
        void nested() {
            nestedRoundTrip.set(sender.getObject().ping().join());
            nestedPing.countDown();
        }
    }
}
