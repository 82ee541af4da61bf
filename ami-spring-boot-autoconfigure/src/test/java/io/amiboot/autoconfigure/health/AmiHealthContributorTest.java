package io.amiboot.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.autoconfigure.AmiAutoConfiguration;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
    void upWithVersionsAndUptimeFromFullyBooted() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread fake = new Thread(() -> serveOneLogin(server), "fake-asterisk");
            fake.setDaemon(true);
            fake.start();
            try (AmiClient client = AmiClient.create(AmiClientOptions.builder("ami://u:p@127.0.0.1:" + server.getLocalPort())
                    .keepaliveInterval(Duration.ZERO).build())) {
                AmiHealthIndicator indicator = new AmiHealthIndicator(client);
                assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
                assertThat(indicator.health().getDetails()).containsEntry("reason", "Not started yet");
                client.connect().get(10, java.util.concurrent.TimeUnit.SECONDS);
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!indicator.health().getDetails().containsKey("uptime") && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Health health = indicator.health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("asteriskVersion", "22.0.0-fake")
                        .containsEntry("amiVersion", "11.0.0").containsKey("uptime");
                assertThat(Duration.parse((String) health.getDetails().get("uptime"))).isBetween(Duration.ofSeconds(3600),
                        Duration.ofSeconds(3610));
                indicator.close();
            }
        }
    }

    private static void serveOneLogin(ServerSocket server) {
        try (Socket socket = server.accept()) {
            OutputStream out = socket.getOutputStream();
            out.write("Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.UTF_8));
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            String action = null;
            String id = null;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("Action: ")) {
                    action = line.substring(8);
                }
                else if (line.startsWith("ActionID: ")) {
                    id = line.substring(10);
                }
                else if (line.isEmpty() && action != null) {
                    String reply = switch (action) {
                        case "Login" -> "Response: Success\r\nActionID: " + id + "\r\nMessage: Authentication accepted\r\n\r\n"
                                + "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 3600\r\nLastReload: 60\r\nStatus: Fully Booted\r\n\r\n";
                        case "CoreSettings" -> "Response: Success\r\nActionID: " + id + "\r\nAMIversion: 11.0.0\r\nAsteriskVersion: 22.0.0-fake\r\n\r\n";
                        default -> "Response: Goodbye\r\nActionID: " + id + "\r\n\r\n";
                    };
                    out.write(reply.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    action = null;
                }
            }
        }
        catch (IOException ex) {
            // the test is over
        }
    }
}
