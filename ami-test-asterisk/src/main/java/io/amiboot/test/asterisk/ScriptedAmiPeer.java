package io.amiboot.test.asterisk;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private final ScriptedAnswers answers = new ScriptedAnswers();

    private final ScriptedRecording recording = new ScriptedRecording();

    private final List<ScriptedSession> connections = new CopyOnWriteArrayList<>();

    private final LoopbackListener listener = new LoopbackListener(this::serve);

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
        return listener.port();
    }

    /**
     * {@return {@code ami://username:secret@127.0.0.1:port}, the URL the amiboot client connects to}
     *
     * @param username the AMI user the client logs in as
     * @param secret that user's secret
     */
    public String url(String username, String secret) {
        return AmiEndpoint.toUrl("127.0.0.1", port(), username, secret);
    }

    /**
     * Greets new connections with {@code line} instead of the AMI banner, e.g. to play a server that is not AMI.
     *
     * @param line the first line new connections read, without its CRLF
     * @return this peer
     */
    public ScriptedAmiPeer banner(String line) {
        answers.banner(line);
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
        answers.requireLogin(username, secret);
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
        return respond(action, headers -> ScriptedAnswers.withActionId(headers, reply));
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
        answers.script(action, script);
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
        List<ScriptedSession> open = List.copyOf(connections);
        if (open.isEmpty()) {
            throw new IllegalStateException("No client is connected to the scripted AMI peer on port " + port());
        }
        open.get(open.size() - 1).write(bytes);
    }

    /**
     * The next action read (on any connection) that has not been returned yet, as its headers (the first of each
     * name); fails after 10 s without one.
     *
     * @return the action's headers
     * @throws InterruptedException if interrupted while waiting
     */
    public Map<String, String> nextAction() throws InterruptedException {
        return recording.nextAction();
    }

    /**
     * The next action named {@code name} (any case), skipping the others; fails after 10 s without one.
     *
     * @param name the action's name
     * @return the action's headers
     * @throws InterruptedException if interrupted while waiting
     */
    public Map<String, String> nextAction(String name) throws InterruptedException {
        return recording.nextAction(name);
    }

    /** {@return everything read from clients since it started, on every connection, as UTF-8 text} */
    public String received() {
        return recording.received();
    }

    /**
     * From now on sends nothing by itself (no banner, no answer) and closes nothing, though it still reads and
     * records: a half-open connection, as when Asterisk's host freezes or the network drops its packets.
     */
    public void goSilent() {
        answers.goSilent();
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
        for (ScriptedSession connection : connections) {
            connection.close();
        }
    }

    /** {@return whether it listens}: true until {@link #stop()}, again after {@link #start()}. */
    public boolean isRunning() {
        return listener.isRunning();
    }

    /**
     * Stops listening and closes every connection, as a stopped Asterisk would; {@link #start()} undoes it.
     *
     * @throws IOException if closing a socket fails
     */
    public synchronized void stop() throws IOException {
        if (listener.stop()) {
            dropConnections();
        }
    }

    /**
     * Listens again, on the same port, after a {@link #stop()}.
     *
     * @throws IOException if the port cannot be bound again
     */
    public synchronized void start() throws IOException {
        listener.start();
    }

    /** Stops it for good. */
    @Override
    public void close() throws IOException {
        stop();
    }

    private void serve(Socket socket) {
        ScriptedSession session = new ScriptedSession(socket, answers, recording, connections::remove);
        connections.add(session);
        Thread reader = new Thread(session, "scripted-ami-" + port() + "-conn");
        reader.setDaemon(true);
        reader.start();
    }
}
