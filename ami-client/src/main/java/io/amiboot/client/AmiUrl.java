package io.amiboot.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where and as whom to log in: {@code ami://user:secret@host[:port]} (plain TCP, port 5038 by default) or
 * {@code amis://…} (TLS, port 5039 by default). Percent-encode special characters in the user or secret.
 *
 * <p>{@link #toString()} and every error message leave the secret out.
 */
public final class AmiUrl {

    /** Asterisk's default AMI port. */
    public static final int DEFAULT_PORT = 5038;

    /** Asterisk's default AMI-over-TLS port. */
    public static final int DEFAULT_TLS_PORT = 5039;

    private final boolean tls;

    private final String host;

    private final int port;

    private final String username;

    private final String secret;

    /**
     * A server and user given in parts; the secret is taken as it is (no percent-decoding).
     *
     * @param tls whether to connect with TLS
     * @param host the server's host name or address; not blank
     * @param port the server's AMI port, 1..65535
     * @param username the AMI user; not null
     * @param secret the AMI user's secret; not null
     * @throws IllegalArgumentException for a blank host or a port out of range
     */
    public AmiUrl(boolean tls, String host, int port, String username, String secret) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("AMI host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("AMI port " + port + " is outside 1..65535");
        }
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.username = Objects.requireNonNull(username, "username");
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /**
     * Parses an {@code ami://} or {@code amis://} URL.
     *
     * @param url {@code ami://user:secret@host[:port]} (port 5038 by default) or {@code amis://...} (5039)
     * @return the parts, percent-decoded
     * @throws IllegalArgumentException saying what is wrong (without repeating the secret)
     */
    public static AmiUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("AMI URL is empty; expected ami://user:secret@host[:port]");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        }
        catch (URISyntaxException ex) {
            throw new IllegalArgumentException("AMI URL is not a valid URL (" + ex.getReason() + " at index "
                    + ex.getIndex() + "); expected ami://user:secret@host[:port], with special characters in the"
                    + " user or secret percent-encoded");
        }
        String scheme = uri.getScheme();
        boolean tls;
        if ("ami".equalsIgnoreCase(scheme)) {
            tls = false;
        }
        else if ("amis".equalsIgnoreCase(scheme)) {
            tls = true;
        }
        else {
            throw new IllegalArgumentException("AMI URL scheme is '" + scheme
                    + "'; expected ami:// (plain TCP) or amis:// (TLS)");
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("AMI URL has no host (or an invalid one); expected "
                    + scheme + "://user:secret@host[:port]");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String userInfo = uri.getUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            throw new IllegalArgumentException("AMI URL has no user; expected " + scheme + "://user:secret@" + host);
        }
        int colon = userInfo.indexOf(':');
        String username = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String secret = colon < 0 ? "" : userInfo.substring(colon + 1);
        if (username.isEmpty()) {
            throw new IllegalArgumentException("AMI URL has an empty user name");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("AMI URL may not have a path, query or fragment; expected "
                    + scheme + "://user:secret@" + host + "[:port]");
        }
        int port = uri.getPort() < 0 ? (tls ? DEFAULT_TLS_PORT : DEFAULT_PORT) : uri.getPort();
        return new AmiUrl(tls, host, port, username, secret);
    }

    /** {@return whether the connection uses TLS ({@code amis://})} */
    public boolean tls() {
        return tls;
    }

    /** {@return the server's host name or address} */
    public String host() {
        return host;
    }

    /** {@return the server's AMI port} */
    public int port() {
        return port;
    }

    /** {@return the AMI user ({@code manager.conf} section name)} */
    public String username() {
        return username;
    }

    /** {@return the AMI user's secret; never logged} */
    public String secret() {
        return secret;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AmiUrl url && url.tls == tls && url.port == port
                && url.host.equals(host) && url.username.equals(username) && url.secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tls, host, port, username, secret);
    }

    /** The URL with the secret masked, e.g. {@code ami://admin:******@127.0.0.1:5038}. */
    @Override
    public String toString() {
        String printableHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return (tls ? "amis" : "ami") + "://" + username + ":******@" + printableHost + ":" + port;
    }
}
