package io.amiboot.autoconfigure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal AMI server on loopback for fast tests: greets, accepts the login {@code amiboot}/{@code amiboot}
 * (refuses others), answers {@code CoreSettings} and {@code Ping}, sends {@code FullyBooted} at login, and pushes
 * events on demand. Anything else gets {@code Response: Error}.
 */
final class FakeAsterisk implements AutoCloseable {

    private final ServerSocket server;

    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    FakeAsterisk() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fake-asterisk-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "ami://amiboot:amiboot@127.0.0.1:" + server.getLocalPort();
    }

    int port() {
        return server.getLocalPort();
    }

    int connectionCount() {
        return connections.size();
    }

    /** Sends an event, given as alternating header names and values, to every connection. */
    void event(String... namesAndValues) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            text.append(namesAndValues[i]).append(": ").append(namesAndValues[i + 1]).append("\r\n");
        }
        text.append("\r\n");
        for (Socket socket : connections) {
            write(socket, text.toString());
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread reader = new Thread(() -> serve(socket), "fake-asterisk-conn");
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
            write(socket, "Asterisk Call Manager/11.0.0\r\n");
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Map<String, String> action = new LinkedHashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        action.putIfAbsent(line.substring(0, colon), line.substring(colon + 1).trim());
                    }
                    continue;
                }
                if (action.isEmpty()) {
                    continue;
                }
                write(socket, answer(action));
                if ("logoff".equalsIgnoreCase(action.get("Action"))) {
                    return;
                }
                action = new LinkedHashMap<>();
            }
        }
        catch (IOException ex) {
            // closed by the test or the client
        }
        finally {
            connections.remove(socket);
        }
    }

    private static String answer(Map<String, String> action) {
        String id = action.get("ActionID");
        return switch (action.getOrDefault("Action", "").toLowerCase()) {
            case "login" -> "amiboot".equals(action.get("Username")) && "amiboot".equals(action.get("Secret"))
                    ? "Response: Success\r\nActionID: " + id + "\r\nMessage: Authentication accepted\r\n\r\n"
                            + "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 3600\r\nLastReload: 60\r\nStatus: Fully Booted\r\n\r\n"
                    : "Response: Error\r\nActionID: " + id + "\r\nMessage: Authentication failed\r\n\r\n";
            case "coresettings" -> "Response: Success\r\nActionID: " + id + "\r\nAMIversion: 11.0.0\r\nAsteriskVersion: 22.0.0-fake\r\n\r\n";
            case "ping" -> "Response: Success\r\nActionID: " + id + "\r\nPing: Pong\r\nTimestamp: 1.0\r\n\r\n";
            case "logoff" -> "Response: Goodbye\r\nActionID: " + id + "\r\nMessage: Thanks for all the fish.\r\n\r\n";
            default -> "Response: Error\r\nActionID: " + id + "\r\nMessage: Invalid/unknown command\r\n\r\n";
        };
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        synchronized (socket) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
