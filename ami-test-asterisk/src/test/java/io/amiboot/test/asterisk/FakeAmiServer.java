package io.amiboot.test.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny AMI look-alike on 127.0.0.1: banner, Login (secret check), FullyBooted, Logoff. Can be stopped and restarted on the same port. */
final class FakeAmiServer implements AutoCloseable {

    volatile String banner = "Asterisk Call Manager/11.0.0";

    volatile String secret = "amiboot";

    volatile boolean sendFullyBooted = true;

    final AtomicInteger logins = new AtomicInteger();

    private volatile ServerSocket server;

    private Thread acceptor;

    private int port;

    FakeAmiServer() throws IOException {
        start();
    }

    synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket socket = bind();
        port = socket.getLocalPort();
        server = socket;
        acceptor = new Thread(() -> accept(socket), "fake-ami-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Binds the same port again after a stop (the JDK closes a socket blocked in accept() asynchronously: retry briefly). */
    private ServerSocket bind() throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            ServerSocket socket = new ServerSocket();
            try {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                return socket;
            }
            catch (java.net.BindException e) {
                socket.close();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                AmiProbe.sleep(20);
            }
        }
    }

    synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
            try {
                // the JDK really closes a socket blocked in accept() only when that thread wakes up
                acceptor.join(5_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean isRunning() {
        return server != null;
    }

    int port() {
        return port;
    }

    AmiEndpoint endpoint() {
        return new AmiEndpoint("127.0.0.1", port, "amiboot", "amiboot");
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (socket.isClosed()) {
                    client.close();
                    return;
                }
                Thread handler = new Thread(() -> handle(client), "fake-ami-client");
                handler.setDaemon(true);
                handler.start();
            }
            catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            OutputStream out = client.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            write(out, banner + "\r\n");
            Map<String, String> message;
            while ((message = AmiProbe.readMessage(in)) != null) {
                String action = message.getOrDefault("Action", "");
                String id = message.containsKey("ActionID") ? "ActionID: " + message.get("ActionID") + "\r\n" : "";
                if (action.equalsIgnoreCase("Login")) {
                    if (secret.equals(message.get("Secret"))) {
                        logins.incrementAndGet();
                        write(out, "Response: Success\r\n" + id + "Message: Authentication accepted\r\n\r\n");
                        if (sendFullyBooted) {
                            write(out, "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 1\r\nLastReload: 1\r\nStatus: Fully Booted\r\n\r\n");
                        }
                    }
                    else {
                        write(out, "Response: Error\r\n" + id + "Message: Authentication failed\r\n\r\n");
                        return;
                    }
                }
                else if (action.equalsIgnoreCase("Logoff")) {
                    write(out, "Response: Goodbye\r\n" + id + "Message: Thanks for all the fish.\r\n\r\n");
                    return;
                }
            }
        }
        catch (IOException e) {
            // client went away
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
