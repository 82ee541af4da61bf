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
        String afterHostile = ASTERISK.received().substring(before);
        assertThat(actions(afterHostile)).as("actions on the wire after %d hostile requests", hostile.size()).isEmpty();

        // The control: the same endpoint with valid values writes an Originate (the scripted peer refuses it: 502).
        send(new Write(HttpMethod.POST, "/api/calls", ValidRequests.originate(), "operator"))
                .expectStatus().isEqualTo(502);
        assertThat(actions(ASTERISK.received().substring(before))).containsExactly("Originate");
        Reliability.row("Hostile requests on the wire", "the whole app with the real AMI client, a scripted Asterisk capturing every byte",
                hostile.size() + " hostile field values (as in the row above) through the REST API",
                "every one answered 400; the control, a valid originate, reached the wire as one Originate",
                "nothing reached Asterisk: 0 bytes of actions in the capture after the client's own login and rebuild");
    }

    /**
     * The capture once the client has logged in and the live model has taken its snapshot: one rebuild per
     * login (the login's own FullyBooted does not add a second), so nothing more is sent after it.
     */
    private static String settledCapture() {
        List<String> expected = List.of("Login", "CoreSettings", "CoreShowChannels", "QueueStatus", "PJSIPShowEndpoints",
                "ParkedCalls");
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

    /** A scripted Asterisk whose channel list holds the call the hostile requests aim at, as in HostileRequestsTest. */
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
                    """);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
