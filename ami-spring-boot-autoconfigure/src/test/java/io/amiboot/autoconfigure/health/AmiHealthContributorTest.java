package io.amiboot.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.amiboot.autoconfigure.AmiAutoConfiguration;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.ReconnectPolicy;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code ami} health contributor, without Asterisk. */
class AmiHealthContributorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            AmiAutoConfiguration.class, AmiHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class,
            HealthContributorRegistryAutoConfiguration.class));

    @Test
    void registeredAsAmiWithOneEntryPerServer() {
        runner.withPropertyValues("ami.url=ami://amiboot:s3cr3t@127.0.0.1:1", "ami.servers.london.url=ami://a:b@127.0.0.1:2")
                .run(context -> {
                    assertThat(context).hasSingleBean(AmiHealthContributor.class);
                    var ami = context.getBean(HealthContributorRegistry.class).getContributor("ami");
                    assertThat(ami).isInstanceOf(CompositeHealthContributor.class);
                    CompositeHealthContributor composite = (CompositeHealthContributor) ami;
                    assertThat(composite.stream().map(entry -> entry.name())).containsExactly("default", "london");
                    Health health = ((HealthIndicator) composite.getContributor("default")).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("address", "127.0.0.1:1").containsKey("reason");
                    assertThat(health.toString()).doesNotContain("s3cr3t");
                });
    }

    @Test
    void canBeTurnedOff() {
        runner.withPropertyValues("ami.url=ami://amiboot:s3cr3t@127.0.0.1:1", "management.health.ami.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(AmiHealthContributor.class));
    }

    @Test
    void absentWithoutClients() {
        runner.run(context -> assertThat(context).doesNotHaveBean(AmiHealthContributor.class));
    }

    @Test
    void whileReconnectingTheReasonStillSaysWhyTheLastAttemptFailed() throws Exception {
        // Accepts connections (the kernel completes them) and never greets: every attempt times out waiting for
        // the banner, and the client is CONNECTING for most of each cycle.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                AmiClient client = AmiClient.create(AmiClientOptions.builder("ami://u:p@127.0.0.1:" + silent.getLocalPort())
                        .connectTimeout(Duration.ofMillis(200)).keepaliveInterval(Duration.ZERO)
                        .reconnect(new ReconnectPolicy(true, Duration.ofMillis(20), Duration.ofMillis(20), 1.0, 0.0))
                        .build());
                AmiHealthIndicator indicator = new AmiHealthIndicator(client)) {
            client.start();
            Health reconnecting = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(indicator::health, health -> "CONNECTING".equals(health.getDetails().get("state"))
                            && ((Number) health.getDetails().getOrDefault("reconnectAttempts", 0)).longValue() >= 2);
            assertThat(reconnecting.getStatus()).isEqualTo(Status.DOWN);
            assertThat((String) reconnecting.getDetails().get("reason"))
                    .startsWith("Reconnecting; the last attempt failed: ").contains("sent no AMI banner within PT0.2S");
        }
    }

    @Test
    void upWithVersionsAndUptimeFromFullyBooted() throws Exception {
        try (ScriptedAmiPeer asterisk = new ScriptedAmiPeer();
                AmiClient client = AmiClient.create(AmiClientOptions.builder(asterisk.url("u", "p"))
                        .keepaliveInterval(Duration.ZERO).build())) {
            AmiHealthIndicator indicator = new AmiHealthIndicator(client);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(indicator.health().getDetails()).containsEntry("reason", "Not started yet");
            client.connect().get(10, java.util.concurrent.TimeUnit.SECONDS);
            Health health = await().atMost(Duration.ofSeconds(5))
                    .until(indicator::health, candidate -> candidate.getDetails().containsKey("uptime"));
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("asteriskVersion", "22.0.0-fake")
                    .containsEntry("amiVersion", "11.0.0").containsKey("uptime");
            assertThat(Duration.parse((String) health.getDetails().get("uptime"))).isBetween(Duration.ofSeconds(3600),
                    Duration.ofSeconds(3610));
            indicator.close();
        }
    }
}
