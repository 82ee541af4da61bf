package io.amiboot.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.dashboard.api.HostileRequestsTest.Field;
import io.amiboot.dashboard.api.HostileRequestsTest.Write;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The hostile field values of {@link HostileRequestsTest}, this time through the real AMI client to a scripted
 * Asterisk whose capture of every byte it read is the proof: after the client's own login and the live model's
 * rebuild, not one action reaches the wire, while a valid originate (the control) does.
 */
@SpringBootTest(properties = { "dashboard.originate-contexts=demo,test", "dashboard.originate-variables=ACCOUNT", "ami.startup.wait=true", "ami.keepalive-interval=0" })
@ActiveProfiles("testusers")
@AutoConfigureWebTestClient
class HostileRequestsOnTheWireTest {

    private static final ScriptedAmiPeer ASTERISK = start();

    private static final Pattern ACTION = Pattern.compile("(?im)^Action: *(.*?)\\r?$");

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry registry) {
        registry.add("ami.url", () -> ASTERISK.url("amiboot", "wire-test"));
    }

    @AfterAll
    static void stop() throws IOException {
        ASTERISK.close();
    }

    @Test
    void noHostileValueReachesTheWireAndAValidOriginateDoes() throws Exception {
        int before = settledCapture().length();
        List<Arguments> hostile = HostileRequestsTest.hostileValues().toList();
        for (Arguments arguments : hostile) {
            Write write = HostileRequestsTest.hostileRequest((Field) arguments.get()[0], (String) arguments.get()[1]);
            send(write).expectStatus().isBadRequest();
        }
        List<Arguments> hostilePaths = HostileRequestsTest.hostileQueryAndPath().toList();
        for (Arguments arguments : hostilePaths) {
            send(new Write(HttpMethod.valueOf((String) arguments.get()[1]), (String) arguments.get()[0],
                    Map.of("member", "Local/100@test/n", "from", "1003", "to", "600"), "supervisor")).expectStatus().isBadRequest();
        }
        String afterHostile = ASTERISK.received().substring(before);
        assertThat(actions(afterHostile)).as("actions on the wire after %d hostile requests and %d hostile URLs",
                hostile.size(), hostilePaths.size()).isEmpty();

        // The control: the same endpoint with valid values writes an Originate (the scripted peer refuses it: 502).
        send(new Write(HttpMethod.POST, "/api/calls", ValidRequests.originate(), "operator"))
                .expectStatus().isEqualTo(502);
        assertThat(actions(ASTERISK.received().substring(before))).containsExactly("Originate");
        // And a valid conference mute of the room the scripted Asterisk listed writes a ConfbridgeMute (refused: 502).
        send(new Write(HttpMethod.POST, "/api/conferences/851/participants/1700000000.3/mute", null, "operator"))
                .expectStatus().isEqualTo(502);
        assertThat(actions(ASTERISK.received().substring(before))).containsExactly("Originate", "ConfbridgeMute");
        Reliability.row("Hostile requests on the wire", "the whole app with the real AMI client, a scripted Asterisk capturing every byte",
                hostile.size() + " hostile field values (as in the row above) and " + hostilePaths.size()
                        + " hostile IDs, channels, queues and conference rooms in URLs through the REST API",
                "every one answered 400; the controls, a valid originate and a conference mute, reached the wire as one"
                        + " Originate and one ConfbridgeMute",
                "nothing reached Asterisk: 0 bytes of actions in the capture after the client's own login and rebuild");
    }

    /**
     * The capture once the client has logged in and the live model has taken its snapshot: one rebuild per
     * login (the login's own FullyBooted does not add a second), so nothing more is sent after it.
     */
    private static String settledCapture() {
        List<String> expected = List.of("Login", "CoreSettings", "CoreShowChannels", "QueueStatus", "PJSIPShowEndpoints",
                "ParkedCalls", "ConfbridgeListRooms", "ConfbridgeList");
        String capture = Awaitility.await("the client's login and rebuild").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20)).until(ASTERISK::received, received -> actions(received).size() >= expected.size());
        assertThat(actions(capture)).as("the client's own traffic to the scripted Asterisk").isEqualTo(expected);
        return capture;
    }

    private static List<String> actions(String capture) {
        Matcher matcher = ACTION.matcher(capture);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    private WebTestClient.ResponseSpec send(Write write) {
        WebTestClient.RequestBodySpec request = client.mutate()
                .defaultHeaders(headers -> headers.setBasicAuth(write.role(), write.role() + "-pw")).build()
                .method(write.method()).uri(write.uri());
        return write.body() == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(write.body()).exchange();
    }

    /**
     * A scripted Asterisk whose channel list holds the call the hostile requests aim at, and whose conference room 851
     * their participant, as in HostileRequestsTest.
     */
    private static ScriptedAmiPeer start() {
        try {
            return new ScriptedAmiPeer().respond("CoreShowChannels", """
                    Response: Success\r
                    EventList: start\r
                    Message: Channels will follow\r
                    \r
                    Event: CoreShowChannel\r
                    Channel: PJSIP/1001-00000001\r
                    ChannelStateDesc: Up\r
                    CallerIDNum: 1001\r
                    Context: test\r
                    Exten: 100\r
                    Priority: 1\r
                    Uniqueid: 1700000000.1\r
                    Linkedid: 1700000000.1\r
                    Application: Dial\r
                    Duration: 00:00:10\r
                    \r
                    Event: CoreShowChannel\r
                    Channel: Local/100@test-00000002;1\r
                    ChannelStateDesc: Up\r
                    Context: test\r
                    Exten: 100\r
                    Priority: 1\r
                    Uniqueid: 1700000000.2\r
                    Linkedid: 1700000000.1\r
                    Duration: 00:00:10\r
                    \r
                    Event: CoreShowChannelsComplete\r
                    EventList: Complete\r
                    ListItems: 2\r
                    \r
                    """).respond("ConfbridgeListRooms", """
                    Response: Success\r
                    EventList: start\r
                    \r
                    Event: ConfbridgeListRooms\r
                    Conference: 851\r
                    Parties: 1\r
                    Locked: No\r
                    \r
                    Event: ConfbridgeListRoomsComplete\r
                    EventList: Complete\r
                    ListItems: 1\r
                    \r
                    """).respond("ConfbridgeList", """
                    Response: Success\r
                    EventList: start\r
                    \r
                    Event: ConfbridgeList\r
                    Conference: 851\r
                    Channel: Local/851@test-00000001;2\r
                    Uniqueid: 1700000000.3\r
                    AnsweredTime: 5\r
                    \r
                    Event: ConfbridgeListComplete\r
                    EventList: Complete\r
                    ListItems: 1\r
                    \r
                    """);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
