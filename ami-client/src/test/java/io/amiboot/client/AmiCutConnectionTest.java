package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scripted peer cuts the connection inside a message, at every byte offset of a few representative messages
 * taken from the Asterisk 22 capture: no half message ever surfaces as an event, the action waiting for the cut
 * answer fails with {@link AmiConnectionException}, and the next connection starts clean (the client reconnects
 * and a full event sent on it is delivered intact).
 */
class AmiCutConnectionTest {

    /** The representative messages: the action that is in flight, and the answer the peer cuts. */
    enum Cut {
        /** An event (cut while an unrelated action waits). */
        EVENT("Status", """
                Event: Newchannel\r
                Privilege: call,all\r
                Channel: Local/100@test-00000001;1\r
                ChannelState: 0\r
                ChannelStateDesc: Down\r
                CallerIDNum: <unknown>\r
                CallerIDName: <unknown>\r
                ConnectedLineNum: <unknown>\r
                ConnectedLineName: <unknown>\r
                Language: en\r
                AccountCode: \r
                Context: test\r
                Exten: 100\r
                Priority: 1\r
                Uniqueid: 1795665793.2\r
                Linkedid: 1795665793.2\r
                \r
                """),
        /** A list response: the start, two entries with the action's ID, the Complete event. */
        LIST("CoreShowChannels", """
                Response: Success\r
                ActionID: @ID@\r
                EventList: start\r
                Message: Channels will follow\r
                \r
                Event: CoreShowChannel\r
                ActionID: @ID@\r
                Channel: Local/200@test-00000015;1\r
                ChannelState: 6\r
                ChannelStateDesc: Up\r
                Context: test\r
                Exten: 100\r
                Uniqueid: 1795665794.42\r
                Application: Wait\r
                ApplicationData: 30\r
                BridgeId: \r
                \r
                Event: CoreShowChannel\r
                ActionID: @ID@\r
                Channel: Local/200@test-00000015;2\r
                ChannelState: 6\r
                ChannelStateDesc: Up\r
                Context: test\r
                Exten: 200\r
                Uniqueid: 1795665794.43\r
                Application: Echo\r
                BridgeId: \r
                \r
                Event: CoreShowChannelsComplete\r
                ActionID: @ID@\r
                EventList: Complete\r
                ListItems: 2\r
                \r
                """),
        /** A Command response (Asterisk 14+ form, one Output header per line). */
        COMMAND("Command", """
                Response: Success\r
                ActionID: @ID@\r
                Message: Command output follows\r
                Output: System uptime: 1 minute, 51 seconds\r
                Output: Last reload: 1 minute, 51 seconds\r
                \r
                """),
        /** A legacy Command response (Asterisk before 14), which ends at its --END COMMAND-- line. */
        LEGACY_COMMAND("Command", """
                Response: Follows\r
                Privilege: Command\r
                ActionID: @ID@\r
                Channel              Location\n\nName: not a header\n2 active channels\n--END COMMAND--\r
                """);

        final String action;

        final String answer;

        Cut(String action, String answer) {
            this.action = action;
            this.answer = answer;
        }
    }

    private ScriptedAmiPeer peer;

    private AmiClient client;

    private final BlockingQueue<AmiEvent> events = new LinkedBlockingQueue<>();

    private final BlockingQueue<AmiConnectionEvent> notices = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        // The actions whose answers the tests cut (or send whole) themselves.
        peer = new ScriptedAmiPeer().respond("Status", "").respond("CoreShowChannels", "").respond("Command", "");
        client = AmiClient.create(AmiClientOptions.builder(peer.url("admin", "s3cret"))
                .name("cut")
                .keepaliveInterval(Duration.ZERO)
                .reconnect(new ReconnectPolicy(true, Duration.ofMillis(1), Duration.ofMillis(5), 1.0, 0.0))
                .build());
        client.addEventListener(event -> {
            if (!event.is("FullyBooted")) {
                events.add(event);
            }
        });
        client.addConnectionListener(notices::add);
        client.start().get(10, TimeUnit.SECONDS);
        awaitConnectedNotice();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        peer.close();
    }

    @ParameterizedTest
    @EnumSource(Cut.class)
    void aCutAtEveryByteOffsetLeavesNoHalfMessageAndTheNextConnectionStartsClean(Cut cut) throws Exception {
        long reconnectsBefore = client.reconnectAttempts();
        int offsets = 0;
        int length = 0;
        for (int offset = 1; length == 0 || offset < length; offset++) {
            CompletableFuture<AmiResponse> inFlight = client.send(AmiAction.of(cut.action), Duration.ofSeconds(30));
            String actionId = peer.nextAction(cut.action).get("ActionID");
            byte[] answer = cut.answer.replace("@ID@", actionId).getBytes(StandardCharsets.UTF_8);
            length = answer.length;
            int cutAt = offset;
            peer.send(Arrays.copyOf(answer, cutAt));
            peer.dropConnections();

            assertThatThrownBy(() -> inFlight.get(5, TimeUnit.SECONDS)).as("cut at %d of %s", cutAt, cut)
                    .cause().isInstanceOf(AmiConnectionException.class);
            awaitConnectedNotice();

            String marker = "Event: Marker\r\nOffset: " + offset + "\r\nCut: " + cut + "\r\n\r\n";
            peer.send(marker);
            AmiEvent next = events.poll(5, TimeUnit.SECONDS);
            assertThat(next).as("the first event after the cut at %d of %s", cutAt, cut).isNotNull();
            assertThat(next.headers()).as("the first event after the cut at %d of %s", cutAt, cut)
                    .isEqualTo(decodeEvent(marker).headers());
            offsets++;
        }
        assertThat(offsets).isEqualTo(length - 1);
        assertThat(events).as("events beyond the markers").isEmpty();
        assertThat(client.reconnectAttempts() - reconnectsBefore).isGreaterThanOrEqualTo(offsets);
        assertThat(client.inFlightActions()).isZero();
        Reliability.row("Cut connection, " + cut.name().toLowerCase().replace('_', ' '),
                "1 in-flight " + cut.action + " per cut",
                offsets + " cuts (every byte offset of a " + length + "-byte message)",
                offsets + " reconnects, " + offsets + " in-flight actions failed with AmiConnectionException",
                "nothing (0 half messages surfaced, " + offsets + "/" + offsets + " marker events intact)");
    }

    @ParameterizedTest
    @EnumSource(Cut.class)
    void theSameMessageSentWholeIsDelivered(Cut cut) throws Exception {
        // The control for the test above: the full message does get through, so its silence is not vacuous.
        CompletableFuture<AmiResponse> inFlight = client.send(AmiAction.of(cut.action), Duration.ofSeconds(30));
        String actionId = peer.nextAction(cut.action).get("ActionID");
        peer.send(cut.answer.replace("@ID@", actionId));
        if (cut == Cut.EVENT) {
            AmiEvent event = events.poll(5, TimeUnit.SECONDS);
            assertThat(event).isNotNull();
            assertThat(event.headers()).isEqualTo(decodeEvent(cut.answer).headers());
            assertThat(inFlight).isNotDone();
        }
        else {
            AmiResponse response = inFlight.get(5, TimeUnit.SECONDS);
            assertThat(response.actionId()).isEqualTo(actionId);
            assertThat(events).isEmpty();
            if (cut == Cut.LIST) {
                assertThat(response.events()).hasSize(2);
            }
            else {
                assertThat(response.output()).hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"line", "message", "garbage"})
    void inputBeyondTheLimitsClosesTheConnectionWithAClearErrorAndTheClientRecovers(String kind) throws Exception {
        CompletableFuture<AmiResponse> inFlight = client.send(AmiAction.of("Status"), Duration.ofSeconds(30));
        peer.nextAction("Status");
        String expected;
        switch (kind) {
            case "line" -> {
                sendUntilRefused("Event: Big\r\nValue: " + "x".repeat(1024 * 1024) + "\r\n\r\n");
                expected = "Asterisk sent a line longer than 65536 bytes; closing the connection (limits are set by"
                        + " maxLineLength and maxMessageSize)";
            }
            case "message" -> {
                StringBuilder many = new StringBuilder("Event: Many\r\n");
                String value = "v".repeat(500);
                for (int i = 0; i < 10_000; i++) {
                    many.append("H").append(i).append(": ").append(value).append("\r\n");
                }
                sendUntilRefused(many.append("\r\n").toString());
                expected = "Asterisk sent a message larger than 4194304 bytes; closing the connection (limits are set by"
                        + " maxLineLength and maxMessageSize)";
            }
            default -> {
                // A legacy Response: Follows with no end swallows everything after it up to the message limit: only
                // a new connection gets the client out, which is what the test checks it does cleanly.
                byte[] garbage = new byte[64 * 1024];
                new java.util.Random(42).nextBytes(garbage);
                peer.send("Response: Follows\r\nActionID: x\r\n");
                peer.send(garbage);
                peer.dropConnections();
                expected = null;
            }
        }
        AmiConnectionEvent disconnected;
        do {
            disconnected = notices.poll(10, TimeUnit.SECONDS);
            assertThat(disconnected).as("a DISCONNECTED notice").isNotNull();
        } while (disconnected.state() != AmiConnectionState.DISCONNECTED);
        if (expected != null) {
            assertThat(disconnected.cause()).isInstanceOf(AmiProtocolException.class).hasMessage(expected);
        }
        assertThatThrownBy(() -> inFlight.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(AmiConnectionException.class);
        awaitConnectedNotice();
        String marker = "Event: Marker\r\nAfter: " + kind + "\r\n\r\n";
        peer.send(marker);
        AmiEvent next = events.poll(5, TimeUnit.SECONDS);
        assertThat(next).isNotNull();
        assertThat(next.headers()).isEqualTo(decodeEvent(marker).headers());
        assertThat(events).isEmpty();
        assertThat(client.droppedEvents()).isZero();
    }

    /** Sends text the client is expected to refuse part way: its closing the connection mid-write is fine. */
    private void sendUntilRefused(String text) throws IOException {
        try {
            peer.send(text);
        }
        catch (SocketException ex) {
            // the client closed the connection on the limit, before the peer finished writing
        }
    }

    private static AmiEvent decodeEvent(String message) {
        List<Object> decoded = Wire.decode(List.of(Wire.ascii("Asterisk Call Manager/11.0.0\r\n" + message)));
        return (AmiEvent) decoded.get(1);
    }

    private void awaitConnectedNotice() throws InterruptedException {
        while (true) {
            AmiConnectionEvent notice = notices.poll(10, TimeUnit.SECONDS);
            assertThat(notice).as("a CONNECTED notice within 10 s").isNotNull();
            if (notice.state() == AmiConnectionState.CONNECTED) {
                return;
            }
        }
    }
}
