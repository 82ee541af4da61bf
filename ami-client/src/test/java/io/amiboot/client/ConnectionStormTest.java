package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A connection storm: a fleet of clients on one set of shared resources starts at once against scripted
 * Asterisks that answer every login only after {@link #LOGIN_DELAY}, well under the clients' login and connect
 * timeouts. Each attempt's timers must count its own wait, not the queue of the others: every client logs in on
 * its first attempt and none times out.
 *
 * <p>A fleet watches many PBXs, so the clients spread over {@link #PBXS} peers, each well inside its listen
 * backlog (50 in {@code ScriptedAmiPeer}). A thousand connecting to one listener at once overflow its accept
 * queue: the kernel drops the final ACK of the handshakes that do not fit (the client believes itself
 * connected), and the SYN-ACKs it retransmits a second later arrive together and overflow it again, so the
 * last of them wait past any banner timeout for the peer to accept them. That is the listener's limit, not the
 * clients'.
 */
class ConnectionStormTest {

    /** The clients of a full storm; fewer when the file descriptor limit does not allow two per client. */
    private static final int CLIENTS = 1_000;

    /** Descriptors kept free for the JVM, its jars and the build's own sockets. */
    private static final long SPARE_DESCRIPTORS = 256;

    /** The scripted Asterisks the clients share out, ten clients each for a full storm. */
    private static final int PBXS = 100;

    private static final Duration LOGIN_DELAY = Duration.ofSeconds(1);

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void aThousandClientsStartingAtOnceAgainstASlowAsteriskAllLogInOnTheirFirstAttempt() throws Exception {
        int clients = clientsTheDescriptorLimitAllows();
        List<ScriptedAmiPeer> pbxs = new ArrayList<>(PBXS);
        try (AmiClientResources shared = AmiClientResources.builder().name("storm")
                .ioThreads(Runtime.getRuntime().availableProcessors()).build()) {
            for (int i = 0; i < PBXS; i++) {
                pbxs.add(new ScriptedAmiPeer().respond("Login", ConnectionStormTest::acceptedAfterADelay));
            }
            List<AmiClient> fleet = new ArrayList<>(clients);
            for (int i = 0; i < clients; i++) {
                fleet.add(AmiClient.create(shared, AmiClientOptions.builder(pbxs.get(i % PBXS).url("admin", "s3cret"))
                        .name("storm-" + i).connectTimeout(TIMEOUT).actionTimeout(TIMEOUT)
                        .keepaliveInterval(Duration.ZERO).build()));
            }
            try {
                long start = System.nanoTime();
                // connect(): a first attempt that fails (a timeout among them) fails its future and is not retried.
                List<CompletableFuture<AmiClient>> logins = fleet.stream().map(AmiClient::connect).toList();
                List<Throwable> failures = new ArrayList<>();
                for (CompletableFuture<AmiClient> login : logins) {
                    try {
                        login.get(60, TimeUnit.SECONDS);
                    }
                    catch (Exception ex) {
                        failures.add(AmiConnection.unwrap(ex));
                    }
                }
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

                assertThat(failures).as("clients that did not log in").isEmpty();
                assertThat(fleet).allSatisfy(client -> {
                    assertThat(client.state()).isEqualTo(AmiConnectionState.CONNECTED);
                    assertThat(client.reconnectAttempts()).as("retries of " + client.options().name()).isZero();
                });
                assertThat(pbxs.stream().mapToInt(ScriptedAmiPeer::connectionCount).sum()).isEqualTo(clients);
                Reliability.row("Connection storm", String.format("%,d clients on shared resources (%d I/O threads) starting"
                        + " at once to %d scripted Asterisks", clients, Runtime.getRuntime().availableProcessors(), PBXS),
                        "each Asterisk answering each login after " + LOGIN_DELAY.toMillis() + " ms (login and connect"
                        + " timeouts " + TIMEOUT.toSeconds() + " s)", String.format("all logged in on their first attempt"
                        + " within %,d ms", millis), "nothing: no attempt timed out");
            }
            finally {
                fleet.parallelStream().forEach(AmiClient::close);
            }
        }
        finally {
            for (ScriptedAmiPeer pbx : pbxs) {
                pbx.close();
            }
        }
    }

    private static String acceptedAfterADelay(Map<String, String> login) {
        try {
            Thread.sleep(LOGIN_DELAY.toMillis()); // each connection has its own thread in the scripted peer
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return "Response: Success\r\nActionID: " + login.get("ActionID") + "\r\nMessage: Authentication accepted\r\n\r\n";
    }

    /** Each client holds one descriptor and the peer's end of its connection another, both in this JVM; each peer one more. */
    private static int clientsTheDescriptorLimitAllows() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - SPARE_DESCRIPTORS - PBXS;
            int allowed = (int) Math.min(CLIENTS, free / 2);
            assertThat(allowed).as("clients the file descriptor limit (ulimit -n %d) allows", unix.getMaxFileDescriptorCount())
                    .isGreaterThanOrEqualTo(100);
            if (allowed < CLIENTS) {
                System.out.printf("Connection storm: %d clients, not %d: ulimit -n is %d%n", allowed, CLIENTS,
                        unix.getMaxFileDescriptorCount());
            }
            return allowed;
        }
        return CLIENTS;
    }
}
