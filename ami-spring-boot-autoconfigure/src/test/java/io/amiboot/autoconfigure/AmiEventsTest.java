package io.amiboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.amiboot.autoconfigure.events.AmiApplicationEvent;
import io.amiboot.autoconfigure.events.AmiConnectedEvent;
import io.amiboot.autoconfigure.events.AmiConnectionStateEvent;
import io.amiboot.autoconfigure.events.AmiDisconnectedEvent;
import io.amiboot.autoconfigure.events.OnAmiEvent;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiEvent;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** AMI events as application events, against a fake Asterisk. */
class AmiEventsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AmiAutoConfiguration.class))
            .withUserConfiguration(ListenerConfiguration.class);

    @Test
    void eventsReachEventListenersAndOnAmiEventMethods() throws Exception {
        try (ScriptedAmiPeer london = new ScriptedAmiPeer(); ScriptedAmiPeer paris = new ScriptedAmiPeer()) {
            runner.withPropertyValues("ami.servers.london.url=" + london.url("amiboot", "amiboot"),
                    "ami.servers.paris.url=" + paris.url("amiboot", "amiboot"), "ami.startup.wait=true").run(context -> {
                        Listeners listeners = context.getBean(Listeners.class);
                        await().atMost(Duration.ofSeconds(10)).until(() -> listeners.connected.size() == 2);
                        assertThat(listeners.connected).extracting(AmiConnectedEvent::getServer).containsExactlyInAnyOrder("london", "paris");
                        assertThat(listeners.connected).extracting(AmiConnectedEvent::getAsteriskVersion).containsOnly("22.0.0-fake");

                        london.send("Event: Newchannel\r\nChannel: PJSIP/1001-1\r\n\r\n");
                        london.send("Event: Hangup\r\nChannel: PJSIP/1001-1\r\nCause: 16\r\n\r\n");
                        paris.send("Event: hangup\r\nChannel: PJSIP/2001-1\r\nCause: 17\r\n\r\n");
                        await().atMost(Duration.ofSeconds(10)).until(() -> listeners.hangups.size() == 2
                                && listeners.parisHangups.size() == 1 && listeners.conditional.size() == 2);

                        assertThat(listeners.hangups).extracting(AmiApplicationEvent::getServer).containsExactlyInAnyOrder("london", "paris");
                        assertThat(listeners.hangups).allSatisfy(event -> assertThat(event.is("Hangup")).isTrue());
                        assertThat(listeners.parisHangups).extracting(event -> event.get("Cause")).containsExactly("17");
                        assertThat(listeners.conditional).extracting(AmiApplicationEvent::getName).containsExactlyInAnyOrder("Hangup", "hangup");
                        assertThat(listeners.exact).extracting(AmiApplicationEvent::getServer).containsExactly("london");
                        assertThat(listeners.all).extracting(AmiApplicationEvent::getName).contains("FullyBooted", "Newchannel", "Hangup");
                        assertThat(listeners.busy).extracting(event -> event.get("Channel")).containsExactly("PJSIP/2001-1");
                        assertThat(listeners.noArgument).hasSizeGreaterThanOrEqualTo(2);
                    });
        }
    }

    @Test
    void disconnectionsArePublishedWithTheReason() throws Exception {
        try (ScriptedAmiPeer asterisk = new ScriptedAmiPeer()) {
            runner.withPropertyValues("ami.url=" + asterisk.url("amiboot", "amiboot"), "ami.startup.wait=true", "ami.reconnect.initial-delay=50ms")
                    .run(context -> {
                        Listeners listeners = context.getBean(Listeners.class);
                        asterisk.stop();
                        await().atMost(Duration.ofSeconds(10)).until(() -> listeners.states.stream()
                                .anyMatch(event -> event instanceof AmiDisconnectedEvent));
                        AmiDisconnectedEvent disconnected = (AmiDisconnectedEvent) listeners.states.stream()
                                .filter(event -> event instanceof AmiDisconnectedEvent).findFirst().orElseThrow();
                        assertThat(disconnected.getServer()).isEqualTo("default");
                        assertThat(disconnected.getReason()).isNotBlank();
                        assertThat(disconnected.willReconnect()).isTrue();
                        await().atMost(Duration.ofSeconds(10)).until(() -> listeners.states.stream()
                                .anyMatch(event -> event.getClass().getSimpleName().equals("AmiReconnectingEvent")));
                    });
        }
    }

    @Test
    void publishingCanBeTurnedOff() throws Exception {
        try (ScriptedAmiPeer asterisk = new ScriptedAmiPeer()) {
            runner.withPropertyValues("ami.url=" + asterisk.url("amiboot", "amiboot"), "ami.startup.wait=true", "ami.events.publish=false")
                    .run(context -> {
                        // Registered last, so when it has the event every other listener of the client has had it.
                        List<AmiEvent> delivered = new CopyOnWriteArrayList<>();
                        context.getBean(AmiClient.class).addEventListener(delivered::add);
                        asterisk.send("Event: Hangup\r\nChannel: PJSIP/1001-1\r\n\r\n");
                        await().atMost(Duration.ofSeconds(10)).until(() -> !delivered.isEmpty());
                        assertThat(context.getBean(Listeners.class).all).isEmpty();
                        assertThat(context.getBean(Listeners.class).states).isEmpty();
                    });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ListenerConfiguration {

        @Bean
        Listeners listeners() {
            return new Listeners();
        }
    }

    static class Listeners {

        final List<AmiApplicationEvent> all = new CopyOnWriteArrayList<>();

        final List<AmiApplicationEvent> hangups = new CopyOnWriteArrayList<>();

        final List<AmiEvent> parisHangups = new CopyOnWriteArrayList<>();

        final List<AmiApplicationEvent> conditional = new CopyOnWriteArrayList<>();

        final List<AmiApplicationEvent> busy = new CopyOnWriteArrayList<>();

        final List<AmiApplicationEvent> exact = new CopyOnWriteArrayList<>();

        final List<String> noArgument = new CopyOnWriteArrayList<>();

        final List<AmiConnectedEvent> connected = new CopyOnWriteArrayList<>();

        final List<AmiConnectionStateEvent> states = new CopyOnWriteArrayList<>();

        @EventListener
        void any(AmiApplicationEvent event) {
            all.add(event);
        }

        @OnAmiEvent("Hangup")
        void hangup(AmiApplicationEvent event) {
            hangups.add(event);
        }

        @OnAmiEvent(value = "Hangup", server = "paris")
        void parisHangup(AmiEvent event) {
            parisHangups.add(event);
        }

        @OnAmiEvent(value = "Hangup", condition = "#event.get('Cause') == '17'")
        void busy(AmiApplicationEvent event) {
            busy.add(event);
        }

        @OnAmiEvent({ "Newchannel", "Hangup" })
        void noArgument() {
            noArgument.add("called");
        }

        @EventListener(condition = "#event.name.equalsIgnoreCase('Hangup')")
        void conditional(AmiApplicationEvent event) {
            conditional.add(event);
        }

        @EventListener(condition = "#event.name == 'Hangup'")
        void exact(AmiApplicationEvent event) {
            exact.add(event);
        }

        @EventListener
        void connected(AmiConnectedEvent event) {
            connected.add(event);
        }

        @EventListener
        void state(AmiConnectionStateEvent event) {
            states.add(event);
        }
    }
}
