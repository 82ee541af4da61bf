package io.amiboot.test.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

/** The harness's TLS port, checked with plain JSSE (no amiboot client): the test CA, the certificate's one name. */
@RealAsterisk
class TlsPortIT {

    @Test
    void theTlsPortGreetsAClientTrustingTheTestCaByTheCertificatesName(TestAsterisk asterisk) throws Exception {
        URI url = URI.create(asterisk.tlsUrl());
        assertThat(url.getScheme()).isEqualTo("amis");
        try (SSLSocket socket = open(asterisk.tlsCaCertificate(), url.getHost(), url.getPort())) {
            socket.startHandshake();
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(reader.readLine()).startsWith("Asterisk Call Manager/");
        }
    }

    @Test
    void theCertificateNamesNoAddressSoConnectingByOneIsAHostNameMismatch(TestAsterisk asterisk) throws Exception {
        URI url = URI.create(asterisk.tlsUrl());
        assertThat(url.getHost()).isEqualTo("localhost");
        try (SSLSocket socket = open(asterisk.tlsCaCertificate(), "127.0.0.1", url.getPort())) {
            assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("No subject alternative names");
        }
    }

    /** A socket trusting only {@code ca}, verifying {@code host} as HTTPS clients do. */
    private static SSLSocket open(Path ca, String host, int port) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            trust.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port);
        socket.setSoTimeout(5_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        return socket;
    }
}
