package io.amiboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.amiboot.action.AmiActionSender;
import io.amiboot.autoconfigure.metrics.AmiMetrics;
import io.amiboot.autoconfigure.metrics.AmiMetricsAutoConfiguration;
import io.amiboot.client.AmiClientObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Micrometer meters of the clients, against a fake Asterisk. */
class AmiMetricsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AmiAutoConfiguration.class, AmiMetricsAutoConfiguration.class));

    @Test
    void actionsEventsAndGaugesAreMeasuredPerServer() throws Exception {
        try (ScriptedAmiPeer asterisk = new ScriptedAmiPeer()) {
            runner.withUserConfiguration(Registry.class)
                    .withPropertyValues("ami.url=" + asterisk.url("amiboot", "amiboot"), "ami.startup.wait=true", "ami.metrics.max-tag-values=4")
                    .run(context -> {
                        assertThat(context).hasSingleBean(AmiMetrics.class);
                        MeterRegistry registry = context.getBean(MeterRegistry.class);
                        AmiActionSender sender = context.getBean(AmiActionSender.class);
                        sender.ping().get(10, TimeUnit.SECONDS);
                        assertThatThrownBy(() -> sender.action("NoSuchAction").get(10, TimeUnit.SECONDS));
                        asterisk.send("Event: Newchannel\r\n\r\n");
                        asterisk.send("Event: Hangup\r\n\r\n");
                        asterisk.send("Event: Hangup\r\n\r\n");
                        asterisk.send("Event: VarSet\r\n\r\n");
                        asterisk.send("Event: DialBegin\r\n\r\n");
                        asterisk.send("Event: BridgeEnter\r\n\r\n");
                        await().atMost(Duration.ofSeconds(10)).until(() -> registry.find("ami.events.received")
                                .tag("event", "other").counter() != null
                                && registry.find("ami.events.received").tag("event", "other").counter().count() == 2);

                        assertThat(registry.get("ami.actions").tags("server", "default", "action", "Ping", "outcome", "success")
                                .timer().count()).isEqualTo(1);
                        assertThat(registry.get("ami.actions").tags("action", "NoSuchAction", "outcome", "error").timer().count())
                                .isEqualTo(1);
                        // Per server at most 4 names: actions Login, CoreSettings, Ping, NoSuchAction; events FullyBooted
                        // (sent at login), Newchannel, Hangup, VarSet; later names count as "other".
                        assertThat(registry.get("ami.events.received").tags("server", "default", "event", "Hangup").counter().count())
                                .isEqualTo(2);
                        assertThat(registry.get("ami.events.received").tag("event", "Newchannel").counter().count()).isEqualTo(1);
                        assertThat(registry.find("ami.events.received").tag("event", "DialBegin").counter()).isNull();
                        assertThat(registry.get("ami.actions.in.flight").tag("server", "default").gauge().value()).isZero();
                        assertThat(registry.get("ami.reconnects").tag("server", "default").counter().count()).isZero();
                        assertThat(registry.get("ami.events.dropped").tag("server", "default").counter().count()).isZero();
                    });
        }
    }

    @Test
    void anObserverOfTheApplicationIsKept() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        try (ScriptedAmiPeer asterisk = new ScriptedAmiPeer()) {
            runner.withUserConfiguration(Registry.class)
                    .withBean(AmiClientOptionsCustomizer.class, () -> (server, options) -> options.observer(new AmiClientObserver() {

                        @Override
                        public void actionSent(String actionName) {
                            sent.incrementAndGet();
                        }
                    }))
                    .withPropertyValues("ami.url=" + asterisk.url("amiboot", "amiboot"), "ami.startup.wait=true").run(context -> {
                        context.getBean(AmiActionSender.class).ping().get(10, TimeUnit.SECONDS);
                        assertThat(sent.get()).isGreaterThanOrEqualTo(1);
                        assertThat(context.getBean(MeterRegistry.class).get("ami.actions").tag("action", "Ping").timer().count())
                                .isEqualTo(1);
                    });
        }
    }

    @Test
    void absentWithoutARegistry() {
        runner.withPropertyValues("ami.url=ami://a:b@127.0.0.1:1").run(context -> assertThat(context).doesNotHaveBean(AmiMetrics.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {

        @Bean
        SimpleMeterRegistry simpleMeterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
