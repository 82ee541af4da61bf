package io.amiboot.autoconfigure.live;

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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A tiny AMI server for live model tests: logs anyone in, answers the snapshot list actions with what the test
 * scripted (entries, then any events to send right after the list), and can drop its connections.
 */
final class ScriptedAsterisk implements AutoCloseable {

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    private final Map<String, Function<String, String>> lists = new ConcurrentHashMap<>();

    ScriptedAsterisk() throws IOException {
        Thread acceptor = new Thread(this::acceptLoop, "scripted-asterisk");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "ami://user:secret@127.0.0.1:" + server.getLocalPort();
    }

    /** Answers {@code action} with a list of {@code entries} (raw blocks without ActionID), then {@code after}. */
    void list(String action, String completeEvent, List<String> entries, String after) {
        lists.put(action.toLowerCase(Locale.ROOT), id -> {
            StringBuilder reply = new StringBuilder("Response: Success\r\nActionID: " + id + "\r\nEventList: start\r\n\r\n");
            for (String entry : entries) {
                reply.append(entry.replaceFirst("\r\n", "\r\nActionID: " + id + "\r\n")).append("\r\n");
            }
            reply.append("Event: ").append(completeEvent).append("\r\nActionID: ").append(id)
                    .append("\r\nEventList: Complete\r\nListItems: ").append(entries.size()).append("\r\n\r\n");
            return reply + after;
        });
    }

    /** Sends raw AMI text to every connection. */
    void send(String text) throws IOException {
        for (Socket socket : connections) {
            synchronized (socket) {
                socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            }
        }
    }

    /** Closes every connection, as a restarted Asterisk would. */
    void dropConnections() throws IOException {
        for (Socket socket : connections) {
            socket.close();
        }
    }

    private String answer(Map<String, String> action) {
        String id = action.get("ActionID");
        String name = action.getOrDefault("Action", "").toLowerCase(Locale.ROOT);
        Function<String, String> list = lists.get(name);
        if (list != null) {
            return list.apply(id);
        }
        return switch (name) {
            case "login" -> "Response: Success\r\nActionID: " + id + "\r\nMessage: Authentication accepted\r\n\r\n";
            case "coresettings" -> "Response: Success\r\nActionID: " + id + "\r\nAMIversion: 11.0.0\r\nAsteriskVersion: 22.0.0\r\n\r\n";
            case "ping" -> "Response: Success\r\nActionID: " + id + "\r\nPing: Pong\r\n\r\n";
            default -> "Response: Error\r\nActionID: " + id + "\r\nMessage: Invalid/unknown command\r\n\r\n";
        };
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread reader = new Thread(() -> serve(socket), "scripted-asterisk-conn");
                reader.setDaemon(true);
                reader.start();
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            synchronized (socket) {
                out.write("Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Map<String, String> action = new LinkedHashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!action.isEmpty()) {
                        String reply = answer(action);
                        synchronized (socket) {
                            out.write(reply.getBytes(StandardCharsets.UTF_8));
                            out.flush();
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
        catch (SocketException closed) {
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
