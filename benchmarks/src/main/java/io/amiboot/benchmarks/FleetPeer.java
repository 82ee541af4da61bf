package io.amiboot.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many replay peers in one: a loopback AMI server on a single thread and selector, for a fleet of clients in
 * the same JVM, so that the peers add one thread however many connections they serve (a {@link ReplayPeer} has two
 * per connection). It greets like Asterisk 22, accepts every {@code Login}, answers any other action with
 * success, and on {@link #stream(int)} sends every logged-in connection the capture's events that many times,
 * as fast as each socket takes them; answers go between two whole copies of the events.
 */
public final class FleetPeer implements AutoCloseable {

    private static final byte[] BANNER = "Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocketChannel server;

    private final Selector selector;

    private final ByteBuffer events;

    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);

    private final List<Connection> connections = new ArrayList<>();

    private final AtomicInteger loggedIn = new AtomicInteger();

    private final Thread thread;

    /** Copies of the events each connection is to be sent, set by {@link #stream}; read on the peer's thread. */
    private volatile int streamRepeats;

    private volatile boolean closed;

    /**
     * Listens on a free loopback port, with a backlog for {@code connections} clients that connect at once.
     * @param events the events of one copy, as {@link Capture#events()} gives them
     * @param connections how many clients may connect together
     */
    public FleetPeer(byte[] events, int connections) throws IOException {
        this.events = ByteBuffer.allocateDirect(events.length).put(events).flip().asReadOnlyBuffer();
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Math.max(connections, 50));
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::serve, "fleet-peer");
        thread.setDaemon(true);
        thread.start();
    }

    public String url() {
        return "ami://bench:bench@127.0.0.1:" + server.socket().getLocalPort();
    }

    /** {@return how many logins it accepted} */
    public int loggedIn() {
        return loggedIn.get();
    }

    /** Starts sending every connection {@code repeats} copies of the events. */
    public void stream(int repeats) {
        streamRepeats = repeats;
        selector.wakeup();
    }

    private void serve() {
        int streamingFrom = 0;
        try {
            while (!closed) {
                selector.select();
                if (streamRepeats != streamingFrom) {
                    streamingFrom = streamRepeats;
                    for (Connection connection : connections) {
                        connection.repeatsLeft = streamingFrom;
                        connection.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    }
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                        continue;
                    }
                    Connection connection = (Connection) key.attachment();
                    try {
                        if (key.isReadable()) {
                            connection.read();
                        }
                        if (key.isValid() && key.isWritable()) {
                            connection.write();
                        }
                    }
                    catch (IOException ex) {
                        key.channel().close(); // the client went away
                    }
                }
                selector.selectedKeys().clear();
            }
        }
        catch (IOException ex) {
            if (!closed) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Connection connection = new Connection(channel);
            connection.key = channel.register(selector, SelectionKey.OP_READ | SelectionKey.OP_WRITE, connection);
            connection.replies.add(ByteBuffer.wrap(BANNER));
            connections.add(connection);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        try {
            thread.join(2_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        for (Connection connection : connections) {
            connection.channel.close();
        }
        server.close();
        selector.close();
    }

    /** One client's connection: the action being read, and what is left to write to it. */
    private final class Connection {

        private final SocketChannel channel;

        private final ArrayDeque<ByteBuffer> replies = new ArrayDeque<>();

        private final StringBuilder line = new StringBuilder();

        private SelectionKey key;

        private String action = "";

        private String actionId;

        private ByteBuffer writing;

        private int repeatsLeft;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void read() throws IOException {
            readBuffer.clear();
            if (channel.read(readBuffer) < 0) {
                channel.close();
                return;
            }
            readBuffer.flip();
            while (readBuffer.hasRemaining()) {
                char c = (char) (readBuffer.get() & 0xff);
                if (c == '\n') {
                    onLine(line.toString().strip());
                    line.setLength(0);
                }
                else {
                    line.append(c);
                }
            }
            if (!replies.isEmpty()) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }

        private void onLine(String text) {
            int colon = text.indexOf(':');
            if (colon > 0) {
                String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = text.substring(colon + 1).strip();
                if (name.equals("action")) {
                    action = value.toLowerCase(Locale.ROOT);
                }
                else if (name.equals("actionid")) {
                    actionId = value;
                }
                return;
            }
            if (!text.isEmpty() || action.isEmpty()) {
                return;
            }
            String id = actionId != null ? "ActionID: " + actionId + "\r\n" : "";
            String reply = switch (action) {
                case "login" -> "Response: Success\r\n" + id + "Message: Authentication accepted\r\n\r\n";
                case "coresettings" -> "Response: Success\r\n" + id + "AMIversion: 11.0.0\r\nAsteriskVersion: 22.10.1\r\n\r\n";
                case "logoff" -> "Response: Goodbye\r\n" + id + "Message: Thanks for all the fish.\r\n\r\n";
                default -> "Response: Success\r\n" + id + "Ping: Pong\r\n\r\n";
            };
            if (action.equals("login")) {
                loggedIn.incrementAndGet();
            }
            replies.add(ByteBuffer.wrap(reply.getBytes(StandardCharsets.US_ASCII)));
            action = "";
            actionId = null;
        }

        /** Writes what the socket takes: the current copy or answer to its end, then the next, answers first. */
        void write() throws IOException {
            while (true) {
                if (writing == null || !writing.hasRemaining()) {
                    writing = replies.poll();
                    if (writing == null && repeatsLeft > 0) {
                        repeatsLeft--;
                        writing = events.duplicate();
                    }
                    if (writing == null) {
                        key.interestOps(SelectionKey.OP_READ);
                        return;
                    }
                }
                channel.write(writing);
                if (writing.hasRemaining()) {
                    return; // the socket is full; the selector says when it takes more
                }
            }
        }
    }
}
