package io.amiboot.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * A scripted AMI server on loopback, for protocol edge cases a real Asterisk will not produce on demand
 * (cut connections, silence, odd bytes). It greets, reads actions, and answers each through a script;
 * by default it accepts any login and answers {@code Ping} and {@code CoreSettings}.
 */
final class FakeAmiPeer implements AutoCloseable {

    /** Answers one action; returns the raw bytes to write back (may be empty, or several messages). */
    interface Script extends BiFunction<Map<String, String>, Socket, String> {
    }

    private final ServerSocket server;

    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    private final BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();

    private volatile Script script = FakeAmiPeer::standard;

    private volatile String banner = "Asterisk Call Manager/11.0.0\r\n";

    private final Thread acceptor;

    FakeAmiPeer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "fake-ami-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String user, String secret) {
        return "ami://" + user + ":" + secret + "@127.0.0.1:" + server.getLocalPort();
    }

    int port() {
        return server.getLocalPort();
    }

    FakeAmiPeer script(Script script) {
        this.script = script;
        return this;
    }

    FakeAmiPeer banner(String banner) {
        this.banner = banner;
        return this;
    }

    /** The next action any connection sent, as its headers. */
    Map<String, String> nextAction() throws InterruptedException {
        Map<String, String> action = received.poll(10, TimeUnit.SECONDS);
        if (action == null) {
            throw new AssertionError("The fake peer received no action within 10 s");
        }
        return action;
    }

    /** Waits for the next action called {@code name}, skipping others. */
    Map<String, String> nextAction(String name) throws InterruptedException {
        while (true) {
            Map<String, String> action = nextAction();
            if (name.equalsIgnoreCase(action.get("Action"))) {
                return action;
            }
        }
    }

    int connectionCount() {
        return connections.size();
    }

    /** Writes raw bytes to the newest connection. */
    void send(String text) throws IOException {
        Socket socket = connections.get(connections.size() - 1);
        OutputStream out = socket.getOutputStream();
        synchronized (socket) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Writes raw bytes, not necessarily a whole message or valid UTF-8, to the newest connection. */
    void sendBytes(byte[] bytes) throws IOException {
        Socket socket = connections.get(connections.size() - 1);
        OutputStream out = socket.getOutputStream();
        synchronized (socket) {
            out.write(bytes);
            out.flush();
        }
    }

    /** Closes every open connection, as a crashed or restarted Asterisk would. */
    void dropConnections() throws IOException {
        for (Socket socket : connections) {
            socket.close();
        }
    }

    static String standard(Map<String, String> action, Socket socket) {
        String id = action.get("ActionID");
        return switch (action.getOrDefault("Action", "").toLowerCase()) {
            case "login" -> "Response: Success\r\nActionID: " + id + "\r\nMessage: Authentication accepted\r\n\r\n"
                    + "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 5\r\nStatus: Fully Booted\r\n\r\n";
            case "coresettings" -> "Response: Success\r\nActionID: " + id + "\r\nAMIversion: 11.0.0\r\nAsteriskVersion: 22.0.0-fake\r\n\r\n";
            case "ping" -> "Response: Success\r\nActionID: " + id + "\r\nPing: Pong\r\nTimestamp: 1.0\r\n\r\n";
            case "logoff" -> "Response: Goodbye\r\nActionID: " + id + "\r\nMessage: Thanks for all the fish.\r\n\r\n";
            default -> "Response: Error\r\nActionID: " + id + "\r\nMessage: Invalid/unknown command\r\n\r\n";
        };
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                Thread reader = new Thread(() -> serve(socket), "fake-ami-conn");
                reader.setDaemon(true);
                reader.start();
            }
            catch (IOException ex) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            synchronized (socket) {
                out.write(banner.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Map<String, String> action = new LinkedHashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!action.isEmpty()) {
                        received.add(action);
                        String reply = script.apply(action, socket);
                        if (reply != null && !reply.isEmpty()) {
                            synchronized (socket) {
                                out.write(reply.getBytes(StandardCharsets.UTF_8));
                                out.flush();
                            }
                        }
                        if ("logoff".equalsIgnoreCase(action.get("Action"))) {
                            return;
                        }
                    }
                    action = new LinkedHashMap<>();
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    action.putIfAbsent(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
        }
        catch (SocketException ex) {
            // closed by the test or the client
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        finally {
            connections.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
