package io.amiboot.test.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Minimal blocking AMI probe: banner, login, FullyBooted. No dependency on the amiboot client. */
final class AmiProbe {

    static final String BANNER_PREFIX = "Asterisk Call Manager/";

    private static final Logger log = LoggerFactory.getLogger(AmiProbe.class);

    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(3);

    private static final String PROBE_ACTION_ID = "amiboot-test-probe";

    /** How long to wait for the FullyBooted event after a successful login. */
    static final Duration FULLY_BOOTED_GRACE = Duration.ofSeconds(15);

    private AmiProbe() {
    }

    /** Connects once and returns the banner line; fails if the port is closed or sends something else. */
    static String readBanner(String host, int port) throws IOException {
        try (Socket socket = connect(host, port)) {
            return expectBanner(reader(socket), host, port);
        }
    }

    /** Retries {@link #readBanner} until it succeeds or the timeout expires. */
    static String awaitBanner(String host, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last;
        do {
            try {
                return readBanner(host, port);
            }
            catch (IOException e) {
                last = e;
            }
            sleep(200);
        }
        while (System.nanoTime() < deadline);
        throw new IllegalStateException("AMI on " + host + ":" + port + " did not answer with the banner '" + BANNER_PREFIX
                + "...' within " + timeout.toSeconds() + "s: " + last.getMessage(), last);
    }

    /**
     * Waits until AMI sends its banner, accepts a login, and reports {@code Event: FullyBooted}. Returns the banner.
     * A rejected login fails at once (wrong credentials do not get better by waiting).
     */
    static String awaitReady(AmiEndpoint endpoint, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                return loginAndAwaitFullyBooted(endpoint, deadline);
            }
            catch (LoginRejectedException e) {
                throw new IllegalStateException("AMI on " + endpoint.host() + ":" + endpoint.port() + " rejected the login of user '"
                        + endpoint.username() + "': " + e.getMessage() + " (check the user and secret in manager.conf / the AMI URL)", e);
            }
            catch (IOException | RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("Asterisk AMI on " + endpoint.host() + ":" + endpoint.port()
                        + " was not ready (banner + login + FullyBooted) within " + timeout.toSeconds() + "s: " + last.getMessage(), last);
            }
            sleep(200);
        }
    }

    private static String loginAndAwaitFullyBooted(AmiEndpoint endpoint, long deadline) throws IOException {
        try (Socket socket = connect(endpoint.host(), endpoint.port())) {
            BufferedReader in = reader(socket);
            OutputStream out = socket.getOutputStream();
            String banner = expectBanner(in, endpoint.host(), endpoint.port());
            send(out, "Action: Login\r\nActionID: " + PROBE_ACTION_ID + "\r\nUsername: " + endpoint.username() + "\r\nSecret: "
                    + endpoint.secret() + "\r\n\r\n");
            boolean loggedIn = false;
            boolean fullyBooted = false;
            long fullyBootedDeadline = Long.MAX_VALUE;
            while (true) {
                Map<String, String> message;
                try {
                    message = readMessage(in);
                }
                catch (SocketTimeoutException e) {
                    message = Map.of();
                }
                if (message == null) {
                    throw new IOException("AMI closed the connection during the readiness probe");
                }
                if (PROBE_ACTION_ID.equals(message.get("ActionID")) && message.containsKey("Response")) {
                    if (!"Success".equalsIgnoreCase(message.get("Response"))) {
                        throw new LoginRejectedException(message.getOrDefault("Message", message.get("Response")));
                    }
                    loggedIn = true;
                    fullyBootedDeadline = System.nanoTime() + FULLY_BOOTED_GRACE.toNanos();
                }
                else if ("FullyBooted".equalsIgnoreCase(message.get("Event"))) {
                    fullyBooted = true;
                }
                if (loggedIn && fullyBooted) {
                    logoff(out);
                    return banner;
                }
                long now = System.nanoTime();
                if (loggedIn && now >= fullyBootedDeadline) {
                    log.warn("Logged in to AMI on {}:{} but got no FullyBooted event within {}s (does user '{}' have read=system?);"
                            + " assuming Asterisk is booted", endpoint.host(), endpoint.port(), FULLY_BOOTED_GRACE.toSeconds(),
                            endpoint.username());
                    logoff(out);
                    return banner;
                }
                if (now >= deadline) {
                    throw new IOException(loggedIn ? "logged in, but no FullyBooted event yet" : "no response to Login");
                }
            }
        }
    }

    private static void logoff(OutputStream out) {
        try {
            send(out, "Action: Logoff\r\n\r\n");
        }
        catch (IOException e) {
            // closing anyway
        }
    }

    private static Socket connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) SOCKET_TIMEOUT.toMillis());
            socket.setSoTimeout((int) SOCKET_TIMEOUT.toMillis());
            return socket;
        }
        catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String expectBanner(BufferedReader in, String host, int port) throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException(host + ":" + port + " closed the connection without sending the AMI banner");
        }
        if (!line.startsWith(BANNER_PREFIX)) {
            throw new IOException(host + ":" + port + " is not Asterisk AMI: it sent '" + abbreviate(line) + "'");
        }
        return line;
    }

    /** Reads one AMI message (header lines up to an empty line); null at end of stream. */
    static Map<String, String> readMessage(BufferedReader in) throws IOException {
        Map<String, String> message = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (!message.isEmpty()) {
                    return message;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                message.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return message.isEmpty() ? null : message;
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static final class LoginRejectedException extends IOException {

        LoginRejectedException(String message) {
            super(message);
        }
    }
}
