package io.amiboot.test.asterisk;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where AMI listens and how to log in. Parsed from / rendered as {@code ami://user:secret@host:port}. */
record AmiEndpoint(String host, int port, String username, String secret) {

    static final int DEFAULT_PORT = 5038;

    AmiEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("AMI host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("AMI port out of range: " + port);
        }
        if (username == null || username.isEmpty()) {
            throw new IllegalArgumentException("AMI username is empty");
        }
        if (secret == null) {
            throw new IllegalArgumentException("AMI secret is missing");
        }
    }

    /**
     * Parses {@code ami://user:secret@host[:port]} (port defaults to 5038; user and secret may be percent-encoded).
     *
     * @throws IllegalArgumentException with a readable message when the URL is not of that form
     */
    static AmiEndpoint parse(String url) {
        String example = "expected ami://user:secret@host:port, e.g. ami://amiboot:amiboot@127.0.0.1:15038";
        URI uri;
        try {
            uri = new URI(url.trim());
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid AMI URL '" + url + "': " + e.getMessage() + "; " + example, e);
        }
        if (!"ami".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("Invalid AMI URL '" + url + "': scheme must be ami; " + example);
        }
        String userInfo = uri.getRawUserInfo();
        if (uri.getHost() == null || userInfo == null || !userInfo.contains(":")) {
            throw new IllegalArgumentException("Invalid AMI URL '" + url + "': " + example);
        }
        int colon = userInfo.indexOf(':');
        String user = decode(userInfo.substring(0, colon));
        String secret = decode(userInfo.substring(colon + 1));
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        try {
            return new AmiEndpoint(host, port, user, secret);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid AMI URL '" + url + "': " + e.getMessage() + "; " + example, e);
        }
    }

    String url() {
        return toUrl(host, port, username, secret);
    }

    static String toUrl(String host, int port, String username, String secret) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "ami://" + encode(username) + ":" + encode(secret) + "@" + h + ":" + port;
    }

    /** For logs: the URL without the secret. */
    String redacted() {
        return toUrl(host, port, username, "****");
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
