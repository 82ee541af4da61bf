package io.amiboot.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiResponse;
import io.amiboot.dashboard.relay.LiveSocketHandler;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The WebSocket relay against a real Asterisk: snapshot, then deltas; a stalled client holds up nobody. */
@RealAsterisk
class LiveRelayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private RunningDashboard dashboard;

    @AfterEach
    void stop() {
        if (dashboard != null) {
            dashboard.hangUpAll("RelayIT");
            dashboard.close();
        }
    }

    @Test
    void aClientGetsTheSnapshotThenTheDeltasOfAnOriginatedCall(TestAsterisk asterisk) throws Exception {
        dashboard = RunningDashboard.start(asterisk);
        try (SocketListener socket = new SocketListener(dashboard, "viewer", "/ws/live")) {
            JsonNode snapshot = socket.next(PATIENCE);
            assertThat(snapshot.get("type").asString()).isEqualTo("snapshot");
            assertThat(snapshot.get("connected").asBoolean()).isTrue();
            assertThat(snapshot.get("queues").findValuesAsString("name")).contains("support", "sales");

            dashboard.originate("RelayIT one");
            JsonNode call = socket.await("the originated call", message -> SocketListener.isCallOf(message, "RelayIT one"), PATIENCE);
            String id = call.get("call").get("id").asString();
            assertThat(call.get("version").asLong()).isGreaterThan(snapshot.get("version").asLong());

            dashboard.hangUpAll("RelayIT one");
            socket.await("its removal", message -> message.get("type").asString().equals("callRemoved")
                    && message.get("callId").asString().equals(id), PATIENCE);
        }
    }

    @Test
    void aClientThatStopsReadingDoesNotDelayAnother(TestAsterisk asterisk) throws Exception {
        dashboard = RunningDashboard.start(asterisk, "dashboard.session-backlog=8");
        try (Socket stalled = stalledClient(); SocketListener reader = new SocketListener(dashboard, "viewer", "/ws/live?kinds=calls")) {
            assertThat(reader.next(PATIENCE).get("type").asString()).isEqualTo("snapshot");
            LiveSocketHandler relay = dashboard.context.getBean(LiveSocketHandler.class);
            assertThat(relay.stats().sessions()).isEqualTo(2);
            floodWithUserEvents(4_000);
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                dashboard.originate("RelayIT " + i);
                String name = "RelayIT " + i;
                reader.await(name, message -> SocketListener.isCallOf(message, name), PATIENCE);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("delay of call %d", i)
                        .isLessThan(Duration.ofSeconds(5));
            }
            dashboard.hangUpAll("RelayIT");
            reader.await("the last removal", message -> message.get("type").asString().equals("callRemoved")
                    && dashboard.callsOf("RelayIT").isEmpty(), PATIENCE);
            LiveSocketHandler.RelayStats stats = relay.stats();
            assertThat(stats.sessions()).isEqualTo(2);
            // 4,000 KB of events cannot all sit in socket buffers, the 128 frames of at most ~4 KB Reactor Netty
            // holds ahead and a 500-entry backlog: the rest was dropped, so the stalled session's memory is bounded.
            assertThat(stats.droppedEvents()).as("event-log entries the stalled session's bounded backlog dropped")
                    .isPositive();
            assertThat(stalled.isClosed()).isFalse();
        }
    }

    /** Makes Asterisk send {@code count} 1 KB UserEvents, far more than the stalled client's buffers hold. */
    private void floodWithUserEvents(int count) throws Exception {
        AmiClient ami = dashboard.context.getBean(AmiClient.class);
        String payload = "x".repeat(1000);
        List<CompletableFuture<AmiResponse>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(ami.send(AmiAction.builder("UserEvent").header("UserEvent", "RelayITFlood")
                    .header("Payload", payload).build()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    /** A raw WebSocket client with a tiny receive buffer that completes the handshake and then never reads. */
    private Socket stalledClient() throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("127.0.0.1", dashboard.port), 5000);
        // A supervisor: only supervisors may have the event log (kinds=events).
        String auth = Base64.getEncoder().encodeToString("supervisor:supervisor-pw".getBytes(StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws/live?kinds=calls,queues,endpoints,events HTTP/1.1\r\nHost: 127.0.0.1:" + dashboard.port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nAuthorization: Basic " + auth + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder status = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            status.append((char) c);
        }
        assertThat(status.toString()).startsWith("HTTP/1.1 101");
        return socket;
    }
}
