package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two hundred clients on one set of resources, all to the real Asterisk: they connect and each gets its events. */
@RealAsterisk
class SharedResourcesIT {

    static final int CLIENTS = 200;

    @Test
    void twoHundredClientsOnSharedResourcesConnectAndEachReceivesItsEvents(TestAsterisk asterisk) throws Exception {
        long started = System.nanoTime();
        try (SharedFleet fleet = new SharedFleet(asterisk.amiUrl(), CLIENTS)) {
            fleet.connectAll(Duration.ofSeconds(60));
            long connectedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(fleet.clients).allSatisfy(client -> assertThat(client.state()).isEqualTo(AmiConnectionState.CONNECTED));
            for (int round = 0; round < 3; round++) {
                fleet.broadcast(Duration.ofSeconds(30));
            }
            int cores = Runtime.getRuntime().availableProcessors();
            assertThat(SharedFleet.threadsNamed("ami-io-fleet")).as("I/O threads").isLessThanOrEqualTo(2);
            assertThat(SharedFleet.threadsNamed("ami-events-fleet")).as("event threads").isLessThanOrEqualTo(Math.max(2, cores));
            assertThat(fleet.clients).allSatisfy(client -> assertThat(client.droppedEvents()).isZero());
            Reliability.row("200 clients on one shared resources object",
                    CLIENTS + " clients to the same Asterisk, started at once, 2 I/O threads, " + Math.max(2, cores)
                            + " event threads at most", "3 UserEvents sent through one client",
                    "all logged in within " + connectedMillis + " ms; every UserEvent reached all " + CLIENTS + " clients",
                    "nothing");
        }
    }
}
