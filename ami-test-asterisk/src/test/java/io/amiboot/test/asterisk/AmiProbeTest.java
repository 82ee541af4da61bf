package io.amiboot.test.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AmiProbeTest {

    ScriptedAmiPeer ami;

    AmiEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        ami = new ScriptedAmiPeer();
        endpoint = AmiEndpoint.parse(ami.url("amiboot", "amiboot"));
    }

    @AfterEach
    void stop() throws IOException {
        ami.close();
    }

    @Test
    void readsBanner() throws IOException {
        assertThat(AmiProbe.readBanner("127.0.0.1", ami.port())).isEqualTo("Asterisk Call Manager/11.0.0");
    }

    @Test
    void rejectsSomethingThatIsNotAmi() {
        ami.banner("SSH-2.0-OpenSSH_9.2");

        assertThatThrownBy(() -> AmiProbe.readBanner("127.0.0.1", ami.port())).isInstanceOf(IOException.class)
                .hasMessageContaining("is not Asterisk AMI").hasMessageContaining("SSH-2.0");
    }

    @Test
    void awaitBannerTimesOutOnClosedPort() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> AmiProbe.awaitBanner("127.0.0.1", closedPort, Duration.ofMillis(500)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not answer with the banner");
    }

    @Test
    void readyAfterLoginAndFullyBooted() {
        assertThat(AmiProbe.awaitReady(endpoint, Duration.ofSeconds(5))).startsWith("Asterisk Call Manager/");
        assertThat(ami.received()).containsOnlyOnce("Action: Login");
    }

    @Test
    void wrongSecretFailsAtOnce() {
        ami.requireLogin("amiboot", "other");
        long t0 = System.nanoTime();

        assertThatThrownBy(() -> AmiProbe.awaitReady(endpoint, Duration.ofSeconds(30)))
                .hasMessageContaining("rejected the login of user 'amiboot'").hasMessageContaining("Authentication failed");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void waitsForTheServerToComeUp() throws Exception {
        ami.stop();
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(700);
                ami.start();
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        later.start();

        assertThat(AmiProbe.awaitReady(endpoint, Duration.ofSeconds(10))).startsWith("Asterisk Call Manager/");
        later.join();
    }
}
