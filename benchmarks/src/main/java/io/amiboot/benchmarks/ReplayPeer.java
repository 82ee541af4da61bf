package io.amiboot.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback AMI server for benchmark runs: greets like Asterisk 22, answers {@code Challenge}, {@code Login}
 * and any other action with success, and once the client has been quiet for a moment after logging in, lets a
 * {@link Streamer} send events: by default the capture's events {@code repeats} times as fast as the socket
 * takes them. One client per peer.
 */
public final class ReplayPeer implements AutoCloseable {

    /** Writes the events of a run; each {@code write} goes to the socket whole, between answers to actions. */
    @FunctionalInterface
    public interface Streamer {

        void stream(Output output) throws IOException, InterruptedException;
    }

    /** Where a {@link Streamer} writes. */
    @FunctionalInterface
    public interface Output {

        void write(byte[] bytes) throws IOException;
    }

    private static final long QUIET_MILLIS = 300;

    private final ServerSocket server;

    private final Streamer streamer;

    private final CountDownLatch streamed = new CountDownLatch(1);

    private volatile long firstByteNanos;

    /** Sends {@code events} {@code repeats} times, as fast as the socket takes them. */
    public ReplayPeer(byte[] events, int repeats) throws IOException {
        this(output -> {
            for (int i = 0; i < repeats; i++) {
                output.write(events);
            }
        });
    }

    public ReplayPeer(Streamer streamer) throws IOException {
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.streamer = streamer;
        Thread thread = new Thread(this::serve, "replay-peer");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url() {
        return "ami://bench:bench@127.0.0.1:" + port();
    }

    /** When the first event byte was written, by {@link System#nanoTime()}. */
    public long firstByteNanos() {
        return firstByteNanos;
    }

    /** Waits until every event was written. */
    public boolean awaitStreamed(long timeout, TimeUnit unit) throws InterruptedException {
        return streamed.await(timeout, unit);
    }

    private void serve() {
        try (Socket socket = server.accept()) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            Object writeLock = new Object();
            write(out, writeLock, "Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII));
            long[] lastActionAt = {0};
            boolean[] loggedIn = {false};
            Thread reader = new Thread(() -> answer(socket, out, writeLock, lastActionAt, loggedIn), "replay-peer-reader");
            reader.setDaemon(true);
            reader.start();
            while (true) {
                synchronized (lastActionAt) {
                    if (loggedIn[0] && System.nanoTime() - lastActionAt[0] > TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                        break;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
            firstByteNanos = System.nanoTime();
            streamer.stream(bytes -> write(out, writeLock, bytes));
            out.flush();
            streamed.countDown();
            reader.join();
        }
        catch (IOException | InterruptedException ex) {
            streamed.countDown();
        }
    }

    private static void write(OutputStream out, Object lock, byte[] bytes) throws IOException {
        synchronized (lock) {
            out.write(bytes);
        }
    }

    private void answer(Socket socket, OutputStream out, Object writeLock, long[] lastActionAt, boolean[] loggedIn) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Map<String, String> action = new HashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        action.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                    }
                    continue;
                }
                if (action.isEmpty()) {
                    continue;
                }
                String name = action.getOrDefault("action", "").toLowerCase();
                String id = action.containsKey("actionid") ? "ActionID: " + action.get("actionid") + "\r\n" : "";
                String reply = switch (name) {
                    case "challenge" -> "Response: Success\r\n" + id + "Challenge: 123456789\r\n\r\n";
                    case "login" -> "Response: Success\r\n" + id + "Message: Authentication accepted\r\n\r\n";
                    case "command" -> "Response: Success\r\n" + id + "Message: Command output follows\r\n"
                            + "Output: Asterisk 22.10.1 built by replay-peer\r\n\r\n";
                    case "coresettings" -> "Response: Success\r\n" + id + "AMIversion: 11.0.0\r\nAsteriskVersion: 22.10.1\r\n\r\n";
                    case "logoff" -> "Response: Goodbye\r\n" + id + "Message: Thanks for all the fish.\r\n\r\n";
                    default -> "Response: Success\r\n" + id + "Ping: Pong\r\n\r\n";
                };
                write(out, writeLock, reply.getBytes(StandardCharsets.UTF_8));
                out.flush();
                synchronized (lastActionAt) {
                    lastActionAt[0] = System.nanoTime();
                    loggedIn[0] |= name.equals("login");
                }
                if (name.equals("logoff")) {
                    return;
                }
                action = new HashMap<>();
            }
        }
        catch (IOException ex) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
