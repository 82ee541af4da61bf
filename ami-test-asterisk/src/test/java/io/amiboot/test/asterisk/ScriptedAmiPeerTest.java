package io.amiboot.test.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scripted AMI peer, seen from a raw socket: what it answers, records, sends, and how it goes away. */
class ScriptedAmiPeerTest {

    private final ScriptedAmiPeer peer;

    ScriptedAmiPeerTest() throws IOException {
        peer = new ScriptedAmiPeer();
    }

    @AfterEach
    void stop() throws IOException {
        peer.close();
    }

    @Test
    void greetsAnswersWithTheActionIdAndRecordsWhatItReads() throws Exception {
        try (Client client = new Client()) {
            assertThat(client.in.readLine()).isEqualTo("Asterisk Call Manager/11.0.0");
            client.send("Action: Ping\r\nActionID: 7\r\n\r\nAction: NoSuchThing\r\n\r\n");
            assertThat(client.read()).containsEntry("Response", "Success").containsEntry("ActionID", "7").containsEntry("Ping", "Pong");
            assertThat(client.read()).containsEntry("Response", "Error").doesNotContainKey("ActionID")
                    .containsEntry("Message", "Invalid/unknown command");
            assertThat(peer.nextAction()).containsEntry("Action", "Ping").containsEntry("ActionID", "7");
            assertThat(peer.nextAction("nosuchthing")).containsEntry("Action", "NoSuchThing");
            assertThat(peer.received()).isEqualTo("Action: Ping\r\nActionID: 7\r\n\r\nAction: NoSuchThing\r\n\r\n");
        }
    }

    @Test
    void acceptsOnlyTheRequiredLoginPlainOrMd5AndClosesAfterARefusal() throws Exception {
        peer.requireLogin("admin", "s3cret");
        try (Client client = new Client()) {
            client.in.readLine();
            client.send("Action: Login\r\nActionID: 1\r\nUsername: admin\r\nSecret: s3cret\r\n\r\n");
            assertThat(client.read()).containsEntry("Response", "Success").containsEntry("ActionID", "1");
            assertThat(client.read()).containsEntry("Event", "FullyBooted").doesNotContainKey("ActionID");
        }
        try (Client client = new Client()) {
            client.in.readLine();
            client.send("Action: Challenge\r\nActionID: 2\r\nAuthType: MD5\r\n\r\n");
            String challenge = client.read().get("Challenge");
            client.send("Action: Login\r\nActionID: 3\r\nAuthType: MD5\r\nUsername: admin\r\nKey: " + md5(challenge + "s3cret") + "\r\n\r\n");
            assertThat(client.read()).containsEntry("Response", "Success").containsEntry("ActionID", "3");
        }
        try (Client client = new Client()) {
            client.in.readLine();
            client.send("Action: Login\r\nActionID: 4\r\nUsername: admin\r\nSecret: wrong\r\n\r\n");
            assertThat(client.read()).containsEntry("Response", "Error").containsEntry("Message", "Authentication failed");
            assertThat(client.in.readLine()).as("the connection closed after the refusal").isNull();
        }
    }

    @Test
    void scriptsReplaceTheBuiltInAnswersAndTheStringFormEchoesTheActionIdInEveryMessage() throws Exception {
        peer.respond("QueueStatus", "Response: Success\r\nEventList: start\r\n\r\nEvent: QueueParams\r\nQueue: sales\r\n\r\n"
                + "Event: QueueStatusComplete\r\nEventList: Complete\r\n\r\n");
        peer.respond("ping", "");
        peer.respond("Command", action -> "Response: Follows\r\nActionID: " + action.get("ActionID") + "\r\n"
                + action.get("Command") + "\n--END COMMAND--\r\n\r\n");
        try (Client client = new Client()) {
            client.in.readLine();
            client.send("Action: QueueStatus\r\nActionID: q\r\n\r\nAction: Ping\r\nActionID: p\r\n\r\n"
                    + "Action: Command\r\nActionID: c\r\nCommand: core show uptime\r\n\r\n");
            assertThat(client.read()).containsEntry("Response", "Success").containsEntry("ActionID", "q");
            assertThat(client.read()).containsEntry("Event", "QueueParams").containsEntry("ActionID", "q");
            assertThat(client.read()).containsEntry("Event", "QueueStatusComplete").containsEntry("ActionID", "q");
            // Ping is not answered: the next bytes are the Command's, written as the script returned them.
            assertThat(client.in.readLine()).isEqualTo("Response: Follows");
            assertThat(client.in.readLine()).isEqualTo("ActionID: c");
            assertThat(client.in.readLine()).isEqualTo("core show uptime");
        }
    }

    @Test
    void sendsToTheNewestConnectionDropsConnectionsAndRestartsOnTheSamePort() throws Exception {
        try (Client older = new Client(); Client newer = new Client()) {
            older.in.readLine();
            newer.in.readLine();
            awaitConnections(2);
            peer.send("Event: Half\r\nHeader: cut in the mid");
            assertThat(newer.in.readLine()).isEqualTo("Event: Half");
            peer.dropConnections();
            assertThat(older.in.readLine()).isNull();
            assertThat(newer.in.readLine()).isEqualTo("Header: cut in the mid");
            assertThat(newer.in.readLine()).isNull();
        }
        int port = peer.port();
        peer.stop();
        assertThat(peer.isRunning()).isFalse();
        assertThatThrownBy(Client::new).isInstanceOf(ConnectException.class);
        peer.start();
        assertThat(peer.port()).isEqualTo(port);
        try (Client client = new Client()) {
            assertThat(client.in.readLine()).isEqualTo("Asterisk Call Manager/11.0.0");
            client.send("Action: Logoff\r\n\r\n");
            assertThat(client.read()).containsEntry("Response", "Goodbye");
            assertThat(client.in.readLine()).as("the connection closed after the Logoff").isNull();
        }
    }

    @Test
    void aSilentPeerRecordsButSendsNothingAndClosesNothing() throws Exception {
        peer.goSilent();
        try (Client client = new Client()) {
            client.socket.setSoTimeout(300);
            client.send("Action: Login\r\nActionID: 1\r\nUsername: admin\r\nSecret: wrong\r\n\r\n");
            assertThat(peer.nextAction("Login")).containsEntry("Secret", "wrong");
            assertThatThrownBy(client.in::readLine).as("no banner, no answer").isInstanceOf(SocketTimeoutException.class);
            assertThat(peer.connectionCount()).isOne();
        }
    }

    private void awaitConnections(int count) {
        Awaitility.await(count + " connections").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(peer::connectionCount, connections -> connections >= count);
        assertThat(peer.connectionCount()).isEqualTo(count);
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A raw AMI client of the peer. */
    private final class Client implements AutoCloseable {

        final Socket socket;

        final BufferedReader in;

        Client() throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), peer.port());
            socket.setSoTimeout(5_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        }

        void send(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }

        Map<String, String> read() throws IOException {
            return AmiProbe.readMessage(in);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
