package io.amiboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.amiboot.autoconfigure.health.AmiHealthContributorAutoConfiguration;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientResources;
import io.amiboot.client.AmiConnectionState;
import io.amiboot.client.OtherCa;
import io.amiboot.client.PlaintextTap;
import io.amiboot.client.UserEventRoundTrip;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.TestAsterisk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter connects over TLS to the real Asterisk through a Spring Boot SSL bundle (spring.ssl.bundle.pem.*). */
@RealAsterisk
class AmiTlsBundleIT {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            AmiAutoConfiguration.class, SslAutoConfiguration.class, AmiHealthContributorAutoConfiguration.class,
            HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class));

    /** The cases that passed; the reliability row is written only when all of them did. */
    private static final Set<String> passed = ConcurrentHashMap.newKeySet();

    @AfterAll
    static void reliabilityRow() {
        if (passed.size() < 3) {
            return; // a case failed its test: no row to claim
        }
        Reliability.row("AMI over TLS through a Spring Boot SSL bundle", "one application context per case",
                "spring.ssl.bundle.pem trusting the test CA; a bundle trusting another CA; the test CA with the URL's host"
                        + " 127.0.0.1 (not in the certificate)",
                "the first gives a connected client bean that receives events, health UP; refused with health DOWN and"
                        + " reconnects bounded by ami.reconnect.max-delay: another CA (\"certificate not trusted\"), 127.0.0.1"
                        + " (\"host name mismatch\")",
                "secret sent: none (the client wrote no byte into TLS in any of its attempts)");
    }

    /** The bundle {@code asterisk} trusts only {@code ca}; the URL is the TLS port's (by the certificate's name). */
    private ApplicationContextRunner trusting(TestAsterisk asterisk, Path ca) {
        return runner.withPropertyValues("ami.url=" + asterisk.tlsUrl(), "ami.ssl.bundle=asterisk",
                "spring.ssl.bundle.pem.asterisk.truststore.certificate=" + ca.toUri());
    }

    @Test
    void aBundleTrustingTheTestCaGivesAConnectedClientThatReceivesEvents(TestAsterisk asterisk) {
        trusting(asterisk, asterisk.tlsCaCertificate()).withPropertyValues("ami.startup.wait=true").run(context -> {
            assertThat(context).hasNotFailed();
            AmiClient client = context.getBean(AmiClient.class);
            assertThat(client.options().url().tls()).isTrue();
            assertThat(client.state()).isEqualTo(AmiConnectionState.CONNECTED);
            UserEventRoundTrip.sendAndReceive(client, "AmibootBundle");
            Health health = await().atMost(Duration.ofSeconds(10)).until(() -> health(context),
                    candidate -> candidate.getStatus().equals(Status.UP));
            assertThat(health.getDetails()).containsKey("asteriskVersion");
        });
        passed.add("test CA");
    }

    @Test
    void aBundleTrustingAnotherCaIsDownNamingTheUntrustedCertificate(TestAsterisk asterisk, @TempDir Path directory)
            throws Exception {
        assertDownWithoutWritingIntoTls(asterisk, trusting(asterisk, OtherCa.create(directory)), "certificate not trusted",
                "TLS handshake with Asterisk at localhost:");
        passed.add("another CA");
    }

    @Test
    void aUrlByAnAddressTheCertificateDoesNotListIsDownNamingTheHostNameMismatch(TestAsterisk asterisk) {
        String byAddress = asterisk.tlsUrl().replace("@localhost:", "@127.0.0.1:");
        assertThat(byAddress).as("the test certificate names localhost only").contains("@127.0.0.1:");
        assertDownWithoutWritingIntoTls(asterisk, trusting(asterisk, asterisk.tlsCaCertificate())
                .withPropertyValues("ami.url=" + byAddress), "host name mismatch", "not issued for '127.0.0.1'");
        passed.add("host name");
    }

    /** The application starts; health is DOWN with {@code cause} in its reason; the reconnects write nothing into TLS. */
    private static void assertDownWithoutWritingIntoTls(TestAsterisk asterisk, ApplicationContextRunner runner, String cause,
            String detail) {
        try (PlaintextTap tap = new PlaintextTap()) {
            runner.withPropertyValues("ami.reconnect.initial-delay=200ms", "ami.reconnect.max-delay=1s")
                    .withBean(AmiClientResources.class, tap::resources)
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        Health health = await().atMost(Duration.ofSeconds(20)).until(() -> health(context),
                                candidate -> String.valueOf(candidate.getDetails().get("reason")).contains(cause));
                        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(String.valueOf(health.getDetails().get("reason"))).contains(detail)
                                .doesNotContain(asterisk.secret() + "@");
                        AmiClient client = context.getBean(AmiClient.class);
                        await().atMost(Duration.ofSeconds(10)).until(() -> client.reconnectAttempts() >= 1);
                        assertThat(client.state()).isNotEqualTo(AmiConnectionState.CONNECTED);
                        assertThat(tap.written()).as("nothing, Login included, went into TLS").isEmpty();
                    });
        }
    }

    @Test
    void withStartupWaitAnUntrustedCertificateFailsTheStartNamingIt(TestAsterisk asterisk, @TempDir Path directory)
            throws Exception {
        Path otherCa = OtherCa.create(directory);
        trusting(asterisk, otherCa).withPropertyValues("ami.startup.wait=true", "ami.startup.timeout=3s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(AmiStartupException.class.getName())
                    .hasStackTraceContaining("certificate not trusted");
            AmiStartupException startup = findCause(context.getStartupFailure(), AmiStartupException.class);
            assertThat(startup.getFailures()).singleElement().asString().contains("server 'default'", "certificate not trusted")
                    .doesNotContain(asterisk.secret() + "@");
        });
    }

    private static Health health(AssertableApplicationContext context) {
        HealthContributor ami = context.getBean(HealthContributorRegistry.class).getContributor("ami");
        if (ami instanceof CompositeHealthContributor composite) {
            ami = composite.getContributor(AmiProperties.DEFAULT_SERVER);
        }
        return ((HealthIndicator) ami).health();
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }
}
