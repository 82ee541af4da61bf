package io.amiboot.client;

import io.netty.channel.Channel;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.function.Consumer;

/**
 * TLS for {@code amis://}: client contexts that verify the server's host name, and handshake failures that say
 * whether the certificate was not trusted or not issued for the host, so that a health page or log names the cause.
 */
public final class AmiTls {

    /** JSSE's endpoint identification that checks the certificate against the host name (RFC 2818). */
    static final String HOST_NAME_VERIFICATION = "HTTPS";

    private AmiTls() {
    }

    /**
     * A client context builder with host name verification on, whatever {@code io.netty.handler.ssl
     * .defaultEndpointVerificationAlgorithm} says; add trust material, keys and protocols to it.
     *
     * @return a new builder, for {@link AmiClientOptionsBuilder#sslContext}
     */
    public static SslContextBuilder clientContextBuilder() {
        return SslContextBuilder.forClient().endpointIdentificationAlgorithm(HOST_NAME_VERIFICATION);
    }

    /**
     * The handler for {@code url}'s host and port (SNI and host name verification use the URL's host). A failed
     * handshake is reported to {@code failures} as an {@link AmiConnectionException} naming the cause, before the
     * handler closes the channel; nothing written before the handshake completes ever leaves it.
     */
    static SslHandler handler(SslContext context, Channel channel, AmiUrl url, Consumer<Throwable> failures) {
        SslHandler handler = context.newHandler(channel.alloc(), url.host(), url.port());
        handler.handshakeFuture().addListener(done -> {
            if (!done.isSuccess()) {
                failures.accept(handshakeFailure(url, done.cause()));
            }
        });
        return handler;
    }

    static AmiConnectionException handshakeFailure(AmiUrl url, Throwable cause) {
        String prefix = "TLS handshake with Asterisk at " + url.host() + ":" + url.port() + " failed: ";
        String detail = cause.getMessage();
        if (cause instanceof NotSslRecordException) {
            return new AmiConnectionException(prefix + "the server does not speak TLS on this port (a plain AMI port?"
                    + " AMI over TLS needs tlsenable and tlsbindaddr in manager.conf, port 5039 by default)", cause);
        }
        String untrusted = prefix + "certificate not trusted: ";
        String advice = " Trust the CA that issued Asterisk's certificate, e.g. in the SSL bundle that ami.ssl.bundle names.";
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CertPathBuilderException) {
                return new AmiConnectionException(untrusted + "no chain from it to a CA in the client's trust store ("
                        + detail + ")." + advice, cause);
            }
            if (t instanceof CertPathValidatorException invalid) {
                return new AmiConnectionException(untrusted + "its chain did not validate (" + invalid.getReason() + ": "
                        + invalid.getMessage() + ")." + advice, cause);
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CertificateException && isHostNameMismatch(t.getMessage())) {
                return new AmiConnectionException(prefix + "host name mismatch: Asterisk's certificate is not issued for '"
                        + url.host() + "' (" + t.getMessage() + "). Connect by a name the certificate lists.", cause);
            }
        }
        return new AmiConnectionException(prefix + detail, cause);
    }

    /** The messages of the JDK's host name checker (sun.security.util.HostnameChecker), which has no own type. */
    private static boolean isHostNameMismatch(String message) {
        return message != null && (message.startsWith("No subject alternative") || message.startsWith("No name matching"));
    }
}
