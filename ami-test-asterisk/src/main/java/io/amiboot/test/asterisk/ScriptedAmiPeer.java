package io.amiboot.test.asterisk;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A fake Asterisk AMI server on loopback that a test scripts, for what a real Asterisk does not do on demand:
 * refused logins, unanswered actions, malformed or cut messages, silence, crashes and restarts.
 *
 * <p>It listens on {@code 127.0.0.1} on a free {@link #port()}, greets every connection with the banner
 * {@code Asterisk Call Manager/11.0.0} and answers each action it reads:
 * <ul>
 * <li>an action given a script with {@link #respond(String, String)}: its script;
 * <li>{@code Login}: accepted, with any credentials unless {@link #requireLogin} set some (plain, or MD5 after
 * {@code Challenge}), then {@code Event: FullyBooted}; refused with {@code Response: Error};
 * <li>{@code Challenge}, {@code Ping}, {@code CoreSettings} (Asterisk {@code 22.0.0-fake}): as Asterisk does;
 * <li>{@code Logoff}: {@code Response: Goodbye};
 * <li>anything else: {@code Response: Error} with {@code Message: Invalid/unknown command}.
 * </ul>
 * As Asterisk does, it closes the connection after a {@code Logoff} and after a {@code Login} answered with an
 * error. It records what it reads: {@link #nextAction} returns the actions parsed, {@link #received()} the raw
 * text. {@link #send} writes anything (events, a cut message, invalid UTF-8) to the newest connection;
 * {@link #goSilent()} stops every answer without closing anything, as a peer whose host froze;
 * {@link #dropConnections()} closes the connections as a crashed Asterisk would, and {@link #stop()} and
 * {@link #start()} take the port down and bring it up again.
 *
 * <pre>{@code
 * try (ScriptedAmiPeer asterisk = new ScriptedAmiPeer()) {
 *     asterisk.respond("Status", "");                     // never answered
 *     AmiClient client = AmiClient.connect(asterisk.url("admin", "secret")).join();
 *     CompletableFuture<AmiResponse> status = client.send(AmiAction.of("Status"));
 *     asterisk.nextAction("Status");                      // it reached the peer
 *     asterisk.send("Response: Succ");                    // half a message
 *     asterisk.dropConnections();                         // status fails, the client reconnects
 * }
 * }</pre>
 *
 * <p>Plain blocking sockets and a thread per connection: it is meant for tests, not for load.
 */
public final class ScriptedAmiPeer implements AutoCloseable {

    private static final String CHALLENGE = "840415273";

    private static final String FULLY_BOOTED =
            "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 3600\r\nLastReload: 60\r\nStatus: Fully Booted\r\n\r\n";

    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    private final BlockingQueue<Map<String, String>> actions = new LinkedBlockingQueue<>();

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    private final Map<String, Function<Map<String, String>, String>> scripts = new ConcurrentHashMap<>();

    private volatile String banner = "Asterisk Call Manager/11.0.0";

    private volatile String username;

    private volatile String secret;

    private volatile boolean silent;

    private volatile ServerSocket server;

    private Thread acceptor;

    private int port;

    /**
     * Starts listening on a free loopback port.
     *
     * @throws IOException if no loopback port can be bound
     */
    public ScriptedAmiPeer() throws IOException {
        start();
    }

    /** {@return the port it listens on}; the same after {@link #stop()} and {@link #start()}. */
    public int port() {
        return port;
    }

    /**
     * {@return {@code ami://username:secret@127.0.0.1:port}, the URL the amiboot client connects to}
     *
     * @param username the AMI user the client logs in as
     * @param secret that user's secret
     */
    public String url(String username, String secret) {
        return AmiEndpoint.toUrl("127.0.0.1", port, username, secret);
    }

    /**
     * Greets new connections with {@code line} instead of the AMI banner, e.g. to play a server that is not AMI.
     *
     * @param line the first line new connections read, without its CRLF
     * @return this peer
     */
    public ScriptedAmiPeer banner(String line) {
        this.banner = Objects.requireNonNull(line, "line");
        return this;
    }

    /**
     * Accepts only logins of {@code username} with {@code secret}; any other login is refused.
     *
     * @param username the only user accepted
     * @param secret that user's secret (plain or MD5 login)
     * @return this peer
     */
    public ScriptedAmiPeer requireLogin(String username, String secret) {
        this.username = Objects.requireNonNull(username, "username");
        this.secret = Objects.requireNonNull(secret, "secret");
        return this;
    }

    /**
     * Answers every {@code action} (any case) with {@code reply}, raw AMI text whose every message gets the
     * action's {@code ActionID} after its first line, as Asterisk echoes it; an empty reply leaves the action
     * unanswered. Replaces the built-in answer of that action, or its earlier script.
     *
     * @param action the action's name
     * @param reply the raw AMI text to answer with
     * @return this peer
     */
    public ScriptedAmiPeer respond(String action, String reply) {
        Objects.requireNonNull(reply, "reply");
        return respond(action, headers -> withActionId(headers, reply));
    }

    /**
     * Answers every {@code action} (any case) with what {@code script} returns for its headers, written as is
     * (no {@code ActionID} added; empty for no answer).
     *
     * @param action the action's name
     * @param script the answer to each such action, from its headers (the first of each name)
     * @return this peer
     */
    public ScriptedAmiPeer respond(String action, Function<Map<String, String>, String> script) {
        scripts.put(action.toLowerCase(Locale.ROOT), Objects.requireNonNull(script, "script"));
        return this;
    }

    /**
     * Writes {@code text} to the newest connection, as it is.
     *
     * @param text AMI text, CRLFs included
     * @throws IOException if the write fails
     */
    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code bytes} to the newest connection: need not be a whole message, nor valid UTF-8.
     *
     * @param bytes what to write
     * @throws IOException if the write fails
     */
    public void send(byte[] bytes) throws IOException {
        List<Socket> open = List.copyOf(connections);
        if (open.isEmpty()) {
            throw new IllegalStateException("No client is connected to the scripted AMI peer on port " + port);
        }
        write(open.get(open.size() - 1), bytes);
    }

    /**
     * The next action read (on any connection) that has not been returned yet, as its headers (the first of each
     * name); fails after 10 s without one.
     *
     * @return the action's headers
     * @throws InterruptedException if interrupted while waiting
     */
    public Map<String, String> nextAction() throws InterruptedException {
        Map<String, String> action = actions.poll(10, TimeUnit.SECONDS);
        if (action == null) {
            throw new AssertionError("The scripted AMI peer received no action within 10 s");
        }
        return action;
    }

    /**
     * The next action named {@code name} (any case), skipping the others; fails after 10 s without one.
     *
     * @param name the action's name
     * @return the action's headers
     * @throws InterruptedException if interrupted while waiting
     */
    public Map<String, String> nextAction(String name) throws InterruptedException {
        while (true) {
            Map<String, String> action = nextAction();
            if (name.equalsIgnoreCase(action.get("Action"))) {
                return action;
            }
        }
    }

    /** {@return everything read from clients since it started, on every connection, as UTF-8 text} */
    public String received() {
        synchronized (received) {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * From now on sends nothing by itself (no banner, no answer) and closes nothing, though it still reads and
     * records: a half-open connection, as when Asterisk's host freezes or the network drops its packets.
     */
    public void goSilent() {
        silent = true;
    }

    /** {@return how many connections are open now} */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * Closes every connection, as a crashed Asterisk would; it keeps listening for new ones.
     *
     * @throws IOException if closing a socket fails
     */
    public void dropConnections() throws IOException {
        for (Socket socket : connections) {
            socket.close();
        }
    }

    /** {@return whether it listens}: true until {@link #stop()}, again after {@link #start()}. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Stops listening and closes every connection, as a stopped Asterisk would; {@link #start()} undoes it.
     *
     * @throws IOException if closing a socket fails
     */
    public synchronized void stop() throws IOException {
        if (server == null) {
            return;
        }
        server.close();
        server = null;
        try {
            // The JDK releases a port blocked in accept() only once that thread wakes up: wait for it.
            acceptor.join(5_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        dropConnections();
    }

    /**
     * Listens again, on the same port, after a {@link #stop()}.
     *
     * @throws IOException if the port cannot be bound again
     */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket listening = bind();
        port = listening.getLocalPort();
        server = listening;
        acceptor = new Thread(() -> accept(listening), "scripted-ami-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Stops it for good. */
    @Override
    public void close() throws IOException {
        stop();
    }

    /** Binds {@link #port} (a free one the first time); a port just released may take a moment to bind again. */
    private ServerSocket bind() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            ServerSocket socket = new ServerSocket();
            try {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                return socket;
            }
            catch (BindException ex) {
                socket.close();
                if (System.nanoTime() > deadline) {
                    throw ex;
                }
                AmiProbe.sleep(20);
            }
        }
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                Thread reader = new Thread(() -> serve(socket), "scripted-ami-" + port + "-conn");
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
            if (!silent) {
                write(socket, (banner + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(recording(socket.getInputStream()), StandardCharsets.UTF_8));
            Map<String, String> action;
            while ((action = AmiProbe.readMessage(in)) != null) {
                actions.add(action);
                if (silent) {
                    continue;
                }
                String name = action.getOrDefault("Action", "");
                String reply = answer(name, action);
                write(socket, reply.getBytes(StandardCharsets.UTF_8));
                if (name.equalsIgnoreCase("Logoff") || name.equalsIgnoreCase("Login") && reply.startsWith("Response: Error")) {
                    return;
                }
            }
        }
        catch (IOException closed) {
            // closed by the test or by the client
        }
        finally {
            connections.remove(socket);
        }
    }

    private InputStream recording(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    synchronized (received) {
                        received.write(buffer, offset, read);
                    }
                }
                return read;
            }
        };
    }

    private String answer(String name, Map<String, String> action) {
        String key = name.toLowerCase(Locale.ROOT);
        Function<Map<String, String>, String> script = scripts.get(key);
        if (script != null) {
            return script.apply(action);
        }
        if (key.equals("login")) {
            return accepts(action)
                    ? withActionId(action, "Response: Success\r\nMessage: Authentication accepted\r\n\r\n") + FULLY_BOOTED
                    : withActionId(action, "Response: Error\r\nMessage: Authentication failed\r\n\r\n");
        }
        return withActionId(action, switch (key) {
            case "challenge" -> "Response: Success\r\nChallenge: " + CHALLENGE + "\r\n\r\n";
            case "ping" -> "Response: Success\r\nPing: Pong\r\nTimestamp: 1.0\r\n\r\n";
            case "coresettings" -> "Response: Success\r\nAMIversion: 11.0.0\r\nAsteriskVersion: 22.0.0-fake\r\n\r\n";
            case "logoff" -> "Response: Goodbye\r\nMessage: Thanks for all the fish.\r\n\r\n";
            default -> "Response: Error\r\nMessage: Invalid/unknown command\r\n\r\n";
        });
    }

    private boolean accepts(Map<String, String> login) {
        String user = username;
        String password = secret;
        if (user == null) {
            return true;
        }
        boolean md5 = "MD5".equalsIgnoreCase(login.get("AuthType"));
        return user.equals(login.get("Username"))
                && (md5 ? md5(CHALLENGE + password).equals(login.get("Key")) : password.equals(login.get("Secret")));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** {@code messages} with the action's ActionID (if it had one) after the first line of each message. */
    private static String withActionId(Map<String, String> action, String messages) {
        String id = action.get("ActionID");
        if (id == null) {
            return messages;
        }
        StringBuilder out = new StringBuilder();
        for (String message : messages.split("(?<=\r\n\r\n)")) {
            int firstLineEnd = message.indexOf("\r\n");
            if (firstLineEnd < 0) {
                out.append(message);
            }
            else {
                out.append(message, 0, firstLineEnd + 2).append("ActionID: ").append(id).append("\r\n")
                        .append(message, firstLineEnd + 2, message.length());
            }
        }
        return out.toString();
    }

    private static void write(Socket socket, byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return;
        }
        OutputStream out = socket.getOutputStream();
        synchronized (socket) {
            out.write(bytes);
            out.flush();
        }
    }
}
