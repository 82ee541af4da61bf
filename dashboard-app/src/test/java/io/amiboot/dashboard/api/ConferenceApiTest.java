package io.amiboot.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiActionException;
import io.amiboot.client.AmiResponse;
import io.amiboot.dashboard.TestAsteriskBeans;
import io.amiboot.live.LiveConference;
import io.amiboot.live.LiveConferenceParticipant;
import io.amiboot.live.LiveSnapshot;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The conference endpoints: the rooms as the live model has them, mute, unmute, kick, lock and unlock sent as the
 * typed ConfBridge actions with the room and the channel the model holds, a 404 for a room or participant it does
 * not hold, and a 400 naming the field for a malformed room or channel; neither sends anything.
 */
@DashboardWebTest
class ConferenceApiTest {

    static final String ROOM = "851";

    static final String CHANNEL = "Local/851@test-00000001;2";

    static final String UNIQUE_ID = "1700000000.3";

    /** The room the conference endpoints act on in this and the hostile-request tests. */
    static final LiveConference CONFERENCE = new LiveConference(ROOM, false, List.of(
            new LiveConferenceParticipant(CHANNEL, UNIQUE_ID, "1001", "Alice", false, false, false,
                    Instant.parse("2026-12-01T18:00:00Z")),
            new LiveConferenceParticipant("PJSIP/1002-00000004", "1700000000.4", "1002", "Bob", true, true, false,
                    Instant.parse("2026-12-01T18:00:05Z"))));

    @Autowired
    private WebTestClient client;

    @BeforeEach
    void model() {
        TestAsteriskBeans.reset(new LiveSnapshot(9, true, List.of(), List.of(), List.of(), List.of(CONFERENCE)));
    }

    private WebTestClient as(String user) {
        return client.mutate().defaultHeaders(headers -> headers.setBasicAuth(user, user + "-pw")).build();
    }

    private WebTestClient.ResponseSpec send(String user, HttpMethod method, String uri) {
        return as(user).method(method).uri(URI.create(uri)).exchange();
    }

    private Map<String, String> sentHeaders() {
        assertThat(TestAsteriskBeans.sent).hasSize(1);
        AmiAction action = TestAsteriskBeans.sent.get(0);
        return Map.of("Action", action.name(), "Conference", String.valueOf(action.get("Conference")),
                "Channel", String.valueOf(action.get("Channel")));
    }

    @Test
    void viewersListTheRoomsWithTheirParticipantsOnBothUrls() {
        for (String uri : List.of("/api/conferences", "/api/servers/default/conferences")) {
            as("viewer").get().uri(uri).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$[0].name").isEqualTo(ROOM)
                    .jsonPath("$[0].locked").isEqualTo(false)
                    .jsonPath("$[0].participants[0].channel").isEqualTo(CHANNEL)
                    .jsonPath("$[0].participants[0].callerIdName").isEqualTo("Alice")
                    .jsonPath("$[0].participants[1].muted").isEqualTo(true)
                    .jsonPath("$[0].participants[1].admin").isEqualTo(true)
                    .jsonPath("$[0].participants[1].joinedAt").isEqualTo("2026-12-01T18:00:05Z");
        }
        as("viewer").post().uri("/api/conferences/851/lock").exchange().expectStatus().isForbidden();
        as("viewer").delete().uri("/api/conferences/851/participants/" + UNIQUE_ID).exchange().expectStatus().isForbidden();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void muteUnmuteAndKickSendTheRoomAndTheChannelOfTheModel() {
        send("operator", HttpMethod.POST, "/api/conferences/851/participants/" + UNIQUE_ID + "/mute").expectStatus().isAccepted();
        assertThat(sentHeaders()).containsExactlyInAnyOrderEntriesOf(
                Map.of("Action", "ConfbridgeMute", "Conference", ROOM, "Channel", CHANNEL));

        TestAsteriskBeans.sent.clear();
        send("operator", HttpMethod.POST, "/api/servers/default/conferences/851/participants/" + UNIQUE_ID + "/unmute")
                .expectStatus().isAccepted();
        assertThat(sentHeaders()).containsEntry("Action", "ConfbridgeUnmute").containsEntry("Channel", CHANNEL);

        TestAsteriskBeans.sent.clear();
        send("operator", HttpMethod.DELETE, "/api/conferences/851/participants/" + UNIQUE_ID).expectStatus().isNoContent();
        assertThat(sentHeaders()).containsEntry("Action", "ConfbridgeKick").containsEntry("Channel", CHANNEL);
    }

    /** Names hold '/' (Local ones ';' too): the firewall refuses them in a path, encoded or not, before any controller. */
    @ParameterizedTest
    @ValueSource(strings = { "PJSIP%2F1002-00000004", "Local%2F851%40test-00000001%3B2", "Local/851@test-00000001;2",
        "1700000000.3;2", "1700000000.3%3B2" })
    void aChannelNameInThePathIsRefusedAndSendsNothing(String channel) {
        send("operator", HttpMethod.POST, "/api/conferences/851/participants/" + channel + "/mute").expectStatus().isBadRequest();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void lockAndUnlockSendTheRoom() {
        send("operator", HttpMethod.POST, "/api/conferences/851/lock").expectStatus().isNoContent();
        assertThat(TestAsteriskBeans.sent).singleElement().satisfies(action -> {
            assertThat(action.name()).isEqualTo("ConfbridgeLock");
            assertThat(action.get("Conference")).isEqualTo(ROOM);
        });
        TestAsteriskBeans.sent.clear();
        send("operator", HttpMethod.POST, "/api/conferences/851/unlock").expectStatus().isNoContent();
        assertThat(TestAsteriskBeans.sent).singleElement().extracting(AmiAction::name).isEqualTo("ConfbridgeUnlock");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/conferences/852/lock", "/api/conferences/852/participants/" + UNIQUE_ID + "/mute",
        "/api/conferences/851/participants/1700000000.9/mute", "/api/servers/other/conferences/851/lock" })
    void aRoomOrParticipantTheModelDoesNotHoldIsA404AndSendsNothing(String uri) {
        send("operator", HttpMethod.POST, uri).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        send("operator", HttpMethod.DELETE, "/api/conferences/851/participants/1700000000.9").expectStatus().isNotFound();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void aRefusalByAsteriskIsA502WithItsMessage() {
        TestAsteriskBeans.answer = action -> CompletableFuture.failedFuture(new AmiActionException(action.name(),
                AmiResponse.of("Response", "Error", "Message", "No Channel by that name found in Conference.")));
        send("operator", HttpMethod.POST, "/api/conferences/851/participants/" + UNIQUE_ID + "/mute")
                .expectStatus().isEqualTo(502).expectBody().jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).contains("No Channel by that name found in Conference."));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/conferences/85%2C1/lock:room", "/api/conferences/%EF%BC%98%EF%BC%95%EF%BC%91/lock:room",
        "/api/conferences/851%20/unlock:room", "/api/conferences/851/participants/x%2Cy/mute:channel",
        "/api/conferences/851/participants/1700000000.3%20/unmute:channel",
        "/api/conferences/851/participants/PJSIP-1002-00000004/mute:channel",
        "/api/conferences/851/participants/all/mute:channel", "/api/conferences/851/participants/participants/unmute:channel", "/api/conferences/88888888888888888888888888888888888888888/lock:room" })
    void aMalformedRoomOrChannelIsA400NamingItAndSendsNothing(String uriAndField) {
        String uri = uriAndField.substring(0, uriAndField.lastIndexOf(':'));
        String field = uriAndField.substring(uriAndField.lastIndexOf(':') + 1);
        send("operator", HttpMethod.POST, uri).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo(field)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("'" + field + "'"));
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    /** Line breaks and NUL in a path segment: the firewall answers 400 before any controller. */
    @ParameterizedTest
    @ValueSource(strings = { "/api/conferences/851%0A/lock", "/api/conferences/851%0D%0AAction:%20Logoff/unlock",
        "/api/conferences/851/participants/1700000000.3%0D%0AAction:%20Hangup/mute", "/api/conferences/851%00/lock" })
    void lineBreaksInARoomOrChannelAreA400AndSendNothing(String uri) {
        send("operator", HttpMethod.POST, uri).expectStatus().isBadRequest();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }
}
