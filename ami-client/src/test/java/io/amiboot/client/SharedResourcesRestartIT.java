package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two hundred clients on one set of resources survive an Asterisk restart together: all reconnect, each gets
 * events again, and the shared threads are as many after as before. Restarts the shared Asterisk: run it alone.
 */
@RealAsterisk
class SharedResourcesRestartIT {

    private static final int RESTARTS = 3;

    @Test
    void twoHundredClientsOnSharedResourcesSurviveRestartsTogether(TestAsterisk asterisk) throws Exception {
        assertThat(asterisk.isRestartable()).as("a restartable Asterisk (AMIBOOT_ASTERISK_CONTROL)").isTrue();
        long started = System.nanoTime();
        try (SharedFleet fleet = new SharedFleet(asterisk.amiUrl(), SharedResourcesIT.CLIENTS)) {
            fleet.connectAll(Duration.ofSeconds(60));
            fleet.broadcast(Duration.ofSeconds(30));
            long threadsBefore = SharedFleet.threadsNamed("fleet");
            long[] reconnectsBefore = fleet.clients.stream().mapToLong(AmiClient::reconnectAttempts).toArray();
            try {
                for (int round = 1; round <= RESTARTS; round++) {
                    asterisk.restart();
                    Awaitility.await("all " + fleet.clients.size() + " clients back after restart " + round)
                            .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                            .until(() -> fleet.clients.stream().allMatch(client -> client.state() == AmiConnectionState.CONNECTED));
                    fleet.broadcast(Duration.ofSeconds(30));
                }
            }
            finally {
                // Leave Asterisk running for whatever test comes next.
                asterisk.start();
            }
            for (int i = 0; i < fleet.clients.size(); i++) {
                assertThat(fleet.clients.get(i).reconnectAttempts()).as("reconnects of client %d", i)
                        .isGreaterThanOrEqualTo(reconnectsBefore[i] + RESTARTS);
            }
            long threadsAfter = SharedFleet.threadsNamed("fleet");
            assertThat(threadsAfter).as("shared threads after %d restarts (before: %d)", RESTARTS, threadsBefore)
                    .isLessThanOrEqualTo(threadsBefore + 2);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            Reliability.row("200 clients on one shared resources object, Asterisk restarted",
                    SharedResourcesIT.CLIENTS + " clients to the same Asterisk on 2 shared I/O threads",
                    RESTARTS + " restarts of the real Asterisk 22 in " + seconds + " s",
                    "every client reconnected after each restart and received a UserEvent sent after it; shared threads "
                            + threadsBefore + " -> " + threadsAfter, "nothing");
        }
    }
}
