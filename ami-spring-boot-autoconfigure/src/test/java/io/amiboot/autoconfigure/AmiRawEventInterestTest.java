package io.amiboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.amiboot.autoconfigure.events.AmiApplicationEvent;
import io.amiboot.autoconfigure.events.AmiEventInterest;
import io.amiboot.event.HangupEvent;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The raw {@link AmiApplicationEvent} is published only when some listener takes it, and then reaches every one:
 * in a parent context, on a supertype, or added while events flow.
 */
class AmiRawEventInterestTest {

    private static final String HANGUP = "Event: Hangup\r\nChannel: PJSIP/1001-1\r\nUniqueid: 1.1\r\nCause: 16\r\n\r\n";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AmiAutoConfiguration.class));

    @Test
    void aParentContextsRawListenerStillHearsEveryEventWhenTheChildTakesOnlyTypedOnes() throws Exception {
        try (ScriptedAmiPeer asterisk = new ScriptedAmiPeer();
             AnnotationConfigApplicationContext parent = new AnnotationConfigApplicationContext(RawListener.class)) {
            runner.withParent(parent).withUserConfiguration(TypedListener.class)
                    .withPropertyValues("ami.url=" + asterisk.url("amiboot", "amiboot"), "ami.startup.wait=true")
                    .run(context -> {
                        assertThat(context.getBean(AmiEventInterest.class).wantsRaw()).isTrue();
                        asterisk.send(HANGUP);
                        RawListener raw = parent.getBean(RawListener.class);
                        TypedListener typed = context.getBean(TypedListener.class);
                        await().atMost(Duration.ofSeconds(10)).until(() -> typed.hangups.size() == 1
                                && raw.events.stream().anyMatch(event -> event.getName().equals("Hangup")));
                        assertThat(raw.events).filteredOn(event -> event.getName().equals("Hangup"))
                                .singleElement().satisfies(event -> assertThat(event.get("Cause")).isEqualTo("16"));
                    });
        }
    }

    @Test
    void aListenerOnAnySupertypeOfTheRawEventGetsIt() throws Exception {
        try (ScriptedAmiPeer asterisk = new ScriptedAmiPeer()) {
            runner.withUserConfiguration(CatchAll.class)
                    .withPropertyValues("ami.url=" + asterisk.url("amiboot", "amiboot"), "ami.startup.wait=true")
                    .run(context -> {
                        assertThat(context.getBean(AmiEventInterest.class).wantsRaw()).isTrue();
                        asterisk.send(HANGUP);
                        List<ApplicationEvent> heard = context.getBean(CatchAll.class).heard;
                        await().atMost(Duration.ofSeconds(10))
                                .until(() -> heard.stream().anyMatch(AmiApplicationEvent.class::isInstance));
                    });
        }
    }

    @Test
    void aRawListenerAddedWhileEventsFlowHearsTheEventsAfterIt() throws Exception {
        try (ScriptedAmiPeer asterisk = new ScriptedAmiPeer()) {
            runner.withUserConfiguration(TypedListener.class)
                    .withPropertyValues("ami.url=" + asterisk.url("amiboot", "amiboot"), "ami.startup.wait=true")
                    .run(context -> {
                        AmiEventInterest interest = context.getBean(AmiEventInterest.class);
                        TypedListener typed = context.getBean(TypedListener.class);
                        assertThat(interest.wantsRaw()).as("typed listeners only").isFalse();
                        asterisk.send(HANGUP);
                        await().atMost(Duration.ofSeconds(10)).until(() -> typed.hangups.size() == 1);

                        List<AmiApplicationEvent> late = new CopyOnWriteArrayList<>();
                        context.addApplicationListener((ApplicationListener<AmiApplicationEvent>) late::add);
                        assertThat(interest.wantsRaw()).isTrue();
                        asterisk.send(HANGUP);
                        await().atMost(Duration.ofSeconds(10)).until(() -> typed.hangups.size() == 2
                                && late.stream().anyMatch(event -> event.getName().equals("Hangup")));
                    });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RawListener {

        final List<AmiApplicationEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AmiApplicationEvent event) {
            events.add(event);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TypedListener {

        final List<HangupEvent> hangups = new CopyOnWriteArrayList<>();

        @EventListener
        void on(HangupEvent hangup) {
            hangups.add(hangup);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CatchAll {

        final List<ApplicationEvent> heard = new CopyOnWriteArrayList<>();

        @Bean
        ApplicationListener<ApplicationEvent> catchAll() {
            return heard::add;
        }
    }
}
