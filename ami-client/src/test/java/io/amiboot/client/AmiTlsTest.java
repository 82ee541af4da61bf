package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** TLS set-up of amis:// connections, without Asterisk (AmiTlsIT handshakes with the real one). */
class AmiTlsTest {

    private static final AmiUrl URL = AmiUrl.parse("amis://amiboot:s3cr3t@pbx.example.org:15039");

    @Test
    void theHandlerVerifiesTheUrlsHostName() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        SslHandler handler = AmiTls.handler(AmiTls.clientContextBuilder().build(), channel, URL, failure -> { });
        SSLEngine engine = handler.engine();
        assertThat(engine.getUseClientMode()).isTrue();
        assertThat(engine.getPeerHost()).isEqualTo("pbx.example.org");
        assertThat(engine.getPeerPort()).isEqualTo(15039);
        assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
    }

    @Test
    void hostNameVerificationStaysOnWhenNettysDefaultIsTurnedOff() throws Exception {
        // Netty reads its default once per JVM, so ask a JVM started with it turned off.
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE",
                PrintAlgorithm.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("Default SSL endpoint verification has been disabled").endsWith("algorithm=HTTPS\n");
    }

    @Test
    void aHandshakeThatFailsIsReportedBeforeTheChannelCloses() throws Exception {
        AtomicReference<Throwable> reported = new AtomicReference<>();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(AmiTls.handler(AmiTls.clientContextBuilder().build(), channel, URL, reported::set));

        channel.close();

        assertThat(reported.get()).isInstanceOf(AmiConnectionException.class)
                .hasMessageStartingWith("TLS handshake with Asterisk at pbx.example.org:15039 failed: ");
    }

    @Test
    void aHandshakeFailureReportsAnUntrustedCertificate() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertificateException("PKIX path building failed",
                new CertPathBuilderException("unable to find valid certification path to requested target")));

        assertThat(AmiTls.handshakeFailure(URL, handshake)).hasMessageContaining("certificate not trusted")
                .hasMessageContaining("no chain from it to a CA in the client's trust store")
                .hasMessageContaining("PKIX path building failed").hasMessageNotContaining("s3cr3t").hasCause(handshake);

        SSLHandshakeException expired = new SSLHandshakeException("validity check failed");
        expired.initCause(new CertificateException("validity check failed", new CertPathValidatorException("validity check failed",
                null, null, -1, CertPathValidatorException.BasicReason.EXPIRED)));
        assertThat(AmiTls.handshakeFailure(URL, expired)).hasMessageContaining("certificate not trusted: its chain did not validate")
                .hasMessageContaining("EXPIRED: validity check failed");
    }

    @Test
    void aHandshakeFailureReportsAHostNameMismatch() {
        SSLHandshakeException handshake = new SSLHandshakeException("No subject alternative DNS name matching pbx.example.org found.");
        handshake.initCause(new CertificateException("No subject alternative DNS name matching pbx.example.org found."));

        assertThat(AmiTls.handshakeFailure(URL, handshake)).hasMessageContaining("host name mismatch")
                .hasMessageContaining("not issued for 'pbx.example.org'");
        assertThat(AmiTls.handshakeFailure(URL, new SSLHandshakeException("Received fatal alert: handshake_failure")))
                .hasMessageEndingWith("failed: Received fatal alert: handshake_failure");
    }

    /** Prints the endpoint identification of a default amis:// context's engine. */
    static final class PrintAlgorithm {

        public static void main(String[] args) throws Exception {
            SSLEngine engine = AmiTls.clientContextBuilder().build().newEngine(ByteBufAllocator.DEFAULT, "localhost", 1);
            System.out.println("algorithm=" + engine.getSSLParameters().getEndpointIdentificationAlgorithm());
        }
    }
}
