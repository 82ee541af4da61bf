package io.amiboot.dashboard.it;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A WebSocket client of the relay that reads everything into a queue. */
final class SocketListener implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

    private final Disposable connection;

    /** Connects to {@code path} (with its query) of the dashboard as {@code user}. */
    SocketListener(RunningDashboard dashboard, String user, String pathAndQuery) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes()));
        headers.set(HttpHeaders.ORIGIN, dashboard.baseUrl());
        connection = new ReactorNettyWebSocketClient().execute(URI.create("ws://127.0.0.1:" + dashboard.port + pathAndQuery),
                headers, session -> session.receive().map(WebSocketMessage::getPayloadAsText)
                        .doOnNext(frame -> frame.lines().forEach(line -> received.add(JSON.readTree(line)))).then()).subscribe();
    }

    /** The next message, failing after {@code timeout}. */
    JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("No WebSocket message within " + timeout);
        }
        return message;
    }

    /** Forgets the messages received so far. */
    void drain() {
        received.clear();
    }

    /** Skips messages until one matches, failing after {@code timeout}. */
    JsonNode await(String what, Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode message = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("No WebSocket message with " + what + " within " + timeout);
            }
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    /** Whether this call message has a channel whose caller ID name is {@code name}. */
    static boolean isCallOf(JsonNode message, String name) {
        if (!message.path("type").asString("").equals("call")) {
            return false;
        }
        for (JsonNode channel : message.get("call").get("channels")) {
            if (channel.get("callerIdName").asString().equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        connection.dispose();
    }
}
