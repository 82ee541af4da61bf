package io.amiboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.amiboot.autoconfigure.events.AmiApplicationEvent;
import io.amiboot.autoconfigure.events.OnAmiEvent;
import io.amiboot.autoconfigure.events.AmiEventInterest;
import io.amiboot.event.ChannelEvent;
import io.amiboot.event.HangupEvent;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Each AMI event also as its typed class, for the types some listener takes, against a scripted Asterisk. */
class AmiTypedEventsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AmiAutoConfiguration.class));

    @Test
    void typedListenersTakeTheirTypeAndSharedShapesWithTheServerName() throws Exception {
        try (ScriptedAmiPeer london = new ScriptedAmiPeer(); ScriptedAmiPeer paris = new ScriptedAmiPeer()) {
            runner.withUserConfiguration(TypedListeners.class)
                    .withPropertyValues("ami.servers.london.url=" + london.url("amiboot", "amiboot"),
                            "ami.servers.paris.url=" + paris.url("amiboot", "amiboot"), "ami.startup.wait=true")
                    .run(context -> {
                        TypedListeners listeners = context.getBean(TypedListeners.class);
                        london.send("Event: Newchannel\r\nChannel: PJSIP/1001-1\r\nUniqueid: 1.1\r\nChannelStateDesc: Ring\r\n"
                                + "ChannelState: 4\r\nCallerIDNum: 1001\r\nCallerIDName: Alice\r\nConnectedLineNum: <unknown>\r\n"
                                + "ConnectedLineName: <unknown>\r\nLanguage: en\r\nAccountCode: \r\nContext: internal\r\n"
                                + "Exten: 1002\r\nPriority: 1\r\nLinkedid: 1.1\r\n\r\n");
                        london.send("Event: Hangup\r\nChannel: PJSIP/1001-1\r\nUniqueid: 1.1\r\nCause: 16\r\n"
                                + "Cause-txt: Normal Clearing\r\n\r\n");
                        paris.send("Event: Hangup\r\nChannel: PJSIP/2001-1\r\nCause: seventeen\r\n\r\n");
                        await().atMost(Duration.ofSeconds(10)).until(() -> listeners.hangups.size() == 2 && listeners.raw.size() == 2);
                        assertThat(listeners.hangups).extracting(HangupEvent::server).containsExactlyInAnyOrder("london", "paris");
                        HangupEvent london16 = listeners.hangups.stream().filter(h -> h.server().equals("london")).findFirst().orElseThrow();
                        assertThat(london16.cause()).isEqualTo(16);
                        assertThat(london16.causeTxt()).isEqualTo("Normal Clearing");
                        HangupEvent malformed = listeners.hangups.stream().filter(h -> h.server().equals("paris")).findFirst().orElseThrow();
                        assertThat(malformed.cause()).as("malformed, not thrown").isNull();
                        assertThat(malformed.raw().get("Cause")).isEqualTo("seventeen");
                        // Newchannel is a ChannelEvent only for the shape listener; Hangups too (they carry a channel).
                        await().atMost(Duration.ofSeconds(10)).until(() -> listeners.channels.size() >= 3);
                        assertThat(listeners.channels).extracting(ChannelEvent::eventName).contains("Newchannel", "Hangup");
                        assertThat(listeners.channels).filteredOn(event -> event.eventName().equals("Newchannel"))
                                .singleElement().satisfies(event -> {
                                    assertThat(event.callerIDName()).isEqualTo("Alice");
                                    assertThat(event.server()).isEqualTo("london");
                                });
                        assertThat(listeners.raw).extracting(event -> event.get("Channel")).containsExactlyInAnyOrder("PJSIP/1001-1", "PJSIP/2001-1");
                    });
        }
    }

    @Test
    void onlyTheTypesSomeListenerTakesAreBuilt() throws Exception {
        try (ScriptedAmiPeer asterisk = new ScriptedAmiPeer()) {
            runner.withUserConfiguration(HangupOnly.class)
                    .withPropertyValues("ami.url=" + asterisk.url("amiboot", "amiboot"), "ami.startup.wait=true")
                    .run(context -> {
                        AmiEventInterest interest = context.getBean(AmiEventInterest.class);
                        assertThat(interest.wantsTyped("Hangup")).isTrue();
                        assertThat(interest.wantsTyped("Newchannel")).as("no listener takes NewchannelEvent or a supertype").isFalse();
                        assertThat(interest.wantsTyped("NoSuchEventAnywhere")).isFalse();
                        assertThat(interest.wantsRaw()).as("no listener takes AmiApplicationEvent").isFalse();
                        asterisk.send("Event: Hangup\r\nChannel: PJSIP/1001-1\r\n\r\n");
                        HangupOnly listener = context.getBean(HangupOnly.class);
                        await().atMost(Duration.ofSeconds(10)).until(() -> listener.hangups.size() == 1);
                    });
            runner.withPropertyValues("ami.url=" + asterisk.url("amiboot", "amiboot"), "ami.startup.wait=true")
                    .run(context -> assertThat(context.getBean(AmiEventInterest.class).wantsTyped("Hangup"))
                            .as("no typed listener at all").isFalse());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TypedListeners {

        final List<HangupEvent> hangups = new CopyOnWriteArrayList<>();

        final List<ChannelEvent> channels = new CopyOnWriteArrayList<>();

        final List<AmiApplicationEvent> raw = new CopyOnWriteArrayList<>();

        @EventListener
        void on(HangupEvent hangup) {
            hangups.add(hangup);
        }

        @EventListener
        void onChannel(ChannelEvent event) {
            channels.add(event);
        }

        @OnAmiEvent("Hangup")
        void onRaw(AmiApplicationEvent event) {
            raw.add(event);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HangupOnly {

        final List<HangupEvent> hangups = new CopyOnWriteArrayList<>();

        @EventListener
        void on(HangupEvent hangup) {
            hangups.add(hangup);
        }
    }
}
