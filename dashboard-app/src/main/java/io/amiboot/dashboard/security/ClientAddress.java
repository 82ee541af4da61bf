package io.amiboot.dashboard.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client a request came from, as the login throttle counts it: the remote address of the connection, which
 * comes from {@code X-Forwarded-For} / {@code Forwarded} only when {@code server.forward-headers-strategy} says so
 * (the headers are trusted then, so set it only behind a proxy that overwrites them). IPv6 clients count by their
 * /64 network, since one host usually holds a whole /64 and could otherwise rotate through it.
 */
final class ClientAddress {

    /** What requests without a known remote address share. */
    static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    static String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return UNKNOWN;
        }
        InetAddress address = remote.getAddress();
        String host = remote.getHostString();
        if (address == null && host.indexOf(':') >= 0) {
            // An unresolved IPv6 literal (from a forwarded header): a string with ':' is parsed, never looked up.
            try {
                address = InetAddress.getByName(host);
            }
            catch (UnknownHostException malformed) {
                return host;
            }
        }
        if (address instanceof Inet6Address) {
            byte[] network = new byte[8];
            System.arraycopy(address.getAddress(), 0, network, 0, 8);
            return HexFormat.of().formatHex(network) + "/64";
        }
        return address == null ? host : address.getHostAddress();
    }
}
