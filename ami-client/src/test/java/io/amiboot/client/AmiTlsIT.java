package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.TestAsterisk;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AMI over TLS ({@code amis://}) against the real Asterisk's TLS port, whose certificate (made by the test CA at the
 * server's start) names {@code localhost} only. A {@link PlaintextTap} records what the client hands to TLS, so a
 * refused handshake can be shown to have carried no Login.
 */
@RealAsterisk
class AmiTlsIT {

    @TempDir
    static Path directory;

    private static Path otherCa;

    private static final List<String> refused = new CopyOnWriteArrayList<>();

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void makeAnotherCa() throws Exception {
        otherCa = OtherCa.create(directory);
    }

    @AfterEach
    void closeClientsThenTheirTaps() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    @AfterAll
    static void reliabilityRow() {
        if (refused.size() < 4) {
            return; // a refusal failed its test: no row to claim
        }
        Reliability.row("AMI over TLS to the real Asterisk (amis://)", "one client per case",
                "a client trusting the test CA; one trusting another CA; one trusting only the JDK's default CAs; the test"
                        + " CA but a host the certificate does not list (127.0.0.1, the certificate names localhost); amis://"
                        + " to the plain AMI port",
                "the trusting client logs in and receives events; refused: " + String.join(", ", refused.stream().sorted().toList()),
                "secret sent: none (the client wrote no byte into TLS before the refused handshake)");
    }

    @Test
    void aClientTrustingTheTestCaLogsInAndReceivesEvents(TestAsterisk asterisk) throws Exception {
        PlaintextTap tap = tap();
        AmiClient client = connect(tap, options(asterisk.tlsUrl(), trusting(asterisk.tlsCaCertificate())));

        assertThat(client.state()).isEqualTo(AmiConnectionState.CONNECTED);
        assertThat(client.asteriskVersion()).startsWith("22.");
        UserEventRoundTrip.sendAndReceive(client, "AmibootTls");
        assertThat(tap.written()).as("the tap sees the client's plaintext").contains("Action: Login", "UserEvent: AmibootTls");
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedBeforeAnySecretIsSent(TestAsterisk asterisk) throws Exception {
        PlaintextTap tap = tap();
        assertThatThrownBy(() -> connect(tap, options(asterisk.tlsUrl(), trusting(otherCa)))).cause()
                .isInstanceOf(AmiConnectionException.class)
                .hasMessageContaining("TLS handshake with Asterisk at localhost:")
                .hasMessageContaining("certificate not trusted")
                .hasMessageNotContaining(asterisk.secret() + "@");
        assertThat(tap.written()).as("nothing, Login included, went into TLS").isEmpty();
        refused.add("untrusted CA (\"certificate not trusted\")");
    }

    @Test
    void theJdkTrustStoreAloneDoesNotTrustTheTestCa(TestAsterisk asterisk) throws Exception {
        PlaintextTap tap = tap();
        assertThatThrownBy(() -> connect(tap, options(asterisk.tlsUrl(), null))).cause()
                .isInstanceOf(AmiConnectionException.class).hasMessageContaining("certificate not trusted");
        assertThat(tap.written()).isEmpty();
        refused.add("the JDK's default trust store (\"certificate not trusted\")");
    }

    @Test
    void aHostNameTheCertificateDoesNotListIsRefusedBeforeAnySecretIsSent(TestAsterisk asterisk) throws Exception {
        AmiUrl byName = AmiUrl.parse(asterisk.tlsUrl());
        assertThat(byName.host()).as("the test certificate's only name").isEqualTo("localhost");
        AmiUrl byAddress = new AmiUrl(true, "127.0.0.1", byName.port(), byName.username(), byName.secret());
        PlaintextTap tap = tap();

        assertThatThrownBy(() -> connect(tap, options(byAddress, trusting(asterisk.tlsCaCertificate())))).cause()
                .isInstanceOf(AmiConnectionException.class)
                .hasMessageContaining("TLS handshake with Asterisk at 127.0.0.1:" + byName.port())
                .hasMessageContaining("host name mismatch")
                .hasMessageContaining("127.0.0.1");
        assertThat(tap.written()).as("nothing, Login included, went into TLS").isEmpty();
        refused.add("wrong host name (\"host name mismatch\")");
    }

    @Test
    void amisToThePlainPortSaysTheServerDoesNotSpeakTls(TestAsterisk asterisk) throws Exception {
        AmiUrl plain = AmiUrl.parse(asterisk.amiUrl());
        AmiUrl amis = new AmiUrl(true, plain.host(), plain.port(), plain.username(), plain.secret());
        PlaintextTap tap = tap();

        assertThatThrownBy(() -> connect(tap, options(amis, trusting(asterisk.tlsCaCertificate())))).cause()
                .isInstanceOf(AmiConnectionException.class).hasMessageContaining("does not speak TLS on this port");
        assertThat(tap.written()).isEmpty();
        refused.add("amis:// to the plain port (\"does not speak TLS\")");
    }

    private AmiClient connect(PlaintextTap tap, AmiClientOptions options) throws Exception {
        AmiClient client = AmiClient.create(tap.resources(), options);
        closeables.add(0, client);
        return client.connect().get(30, TimeUnit.SECONDS);
    }

    private PlaintextTap tap() {
        PlaintextTap tap = new PlaintextTap();
        closeables.add(tap);
        return tap;
    }

    private static AmiClientOptions options(String url, SslContext context) {
        return options(AmiUrl.parse(url), context);
    }

    private static AmiClientOptions options(AmiUrl url, SslContext context) {
        AmiClientOptionsBuilder builder = AmiClientOptions.builder(url).name("tls-it");
        if (context != null) {
            builder.sslContext(context);
        }
        return builder.build();
    }

    /** A context trusting only {@code ca}, otherwise the library's defaults (host name verification included). */
    private static SslContext trusting(Path ca) throws Exception {
        return SslContextBuilder.forClient().trustManager(ca.toFile()).build();
    }
}
