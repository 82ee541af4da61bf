package io.amiboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientResources;
import io.amiboot.client.AmiConnectionState;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter's one set of client resources: shared by every server, released with the context, replaced by the user's. */
class AmiSharedResourcesTest {

    private static final int SERVERS = 50;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AmiAutoConfiguration.class, SslAutoConfiguration.class));

    private ScriptedAmiPeer asterisk;

    @BeforeEach
    void startPeer() throws Exception {
        asterisk = new ScriptedAmiPeer();
    }

    @AfterEach
    void stopPeer() throws Exception {
        asterisk.close();
    }

    private String[] servers() {
        List<String> properties = new ArrayList<>();
        for (int i = 1; i <= SERVERS; i++) {
            properties.add("ami.servers.pbx" + i + ".url=" + asterisk.url("admin", "s3cret"));
        }
        properties.add("ami.keepalive.interval=0s");
        return properties.toArray(String[]::new);
    }

    private static Set<String> amiThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("ami-")).collect(Collectors.toSet());
    }

    @Test
    void fiftyServersShareOneSetOfResourcesAndClosingTheContextReleasesEveryThread() {
        Set<String> before = amiThreads();
        AtomicReference<AmiClientResources> resources = new AtomicReference<>();
        runner.withPropertyValues(servers()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AmiClientResources.class);
            AmiClientResources shared = context.getBean(AmiClientResources.class);
            resources.set(shared);
            List<AmiClient> clients = StreamSupport.stream(context.getBean(AmiClients.class).spliterator(), false).toList();
            assertThat(clients).hasSize(SERVERS).allSatisfy(client -> assertThat(client.resources()).isSameAs(shared));
            Awaitility.await("every server connected").atMost(Duration.ofSeconds(30)).until(() -> clients.stream()
                    .allMatch(client -> client.state() == AmiConnectionState.CONNECTED));
            for (AmiClient client : clients) {
                // One event each through every client, so that event delivery ran for all of them.
                assertThat(client.send(io.amiboot.client.AmiAction.of("Ping")).join().isSuccess()).isTrue();
            }
            asterisk.send("Event: Tick\r\n\r\n");
            Set<String> started = amiThreads();
            started.removeAll(before);
            int cores = Runtime.getRuntime().availableProcessors();
            assertThat(started).as("threads of %d servers", SERVERS).allSatisfy(name -> assertThat(name)
                    .matches("ami-(io|events|callback)-shared-[\\d-]+"));
            assertThat(started.stream().filter(name -> name.startsWith("ami-io-"))).hasSizeLessThanOrEqualTo(cores);
            // I/O threads, event and callback pools of the cores' size, and a few more where a drain or callback was
            // slow on a loaded machine; a client of its own each would be 150 threads.
            assertThat(started.size()).as("%s", started).isLessThanOrEqualTo(cores + 2 * Math.max(2, cores) + 4);
        });
        assertThat(resources.get().isClosed()).isTrue();
        Awaitility.await("every thread of the resources ends").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                    Set<String> left = amiThreads();
                    left.removeAll(before);
                    assertThat(left).isEmpty();
                });
    }

    @Test
    void theApplicationsResourcesReplaceTheStartersAndTheClientsLeaveThemToTheContext() {
        AmiClientResources own = AmiClientResources.builder().name("own").build();
        try {
            AtomicReference<AmiClients> clients = new AtomicReference<>();
            runner.withPropertyValues(servers()).withBean(AmiClientResources.class, () -> own, definition ->
                    definition.setDestroyMethodName(""))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(AmiClientResources.class)).isSameAs(own);
                        clients.set(context.getBean(AmiClients.class));
                        assertThat(clients.get()).allSatisfy(client -> assertThat(client.resources()).isSameAs(own));
                    });
            assertThat(clients.get()).allSatisfy(client -> assertThat(client.state()).isEqualTo(AmiConnectionState.CLOSED));
            assertThat(own.isClosed()).as("closing the clients left their creator's resources open").isFalse();
        }
        finally {
            own.close();
        }
    }
}
