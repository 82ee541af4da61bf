package io.amiboot.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiAction;
import io.amiboot.dashboard.TestAsteriskBeans;
import io.amiboot.live.DeviceState;
import io.amiboot.live.LiveCall;
import io.amiboot.live.LiveChannel;
import io.amiboot.live.LiveEndpoint;
import io.amiboot.live.LiveQueue;
import io.amiboot.live.LiveQueueMember;
import io.amiboot.live.LiveSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The REST API of a dashboard showing two servers: {@code /api/servers/{server}/...} reads and acts on the server
 * it names only; today's URLs without a server are refused, saying which URL to use; an unknown or malformed server
 * name sends nothing anywhere; the roles guard the server-scoped URLs exactly as the others.
 */
@DashboardWebTest
class ServerScopedApiTest {

    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    /** The same call ID on both servers (two Asterisks number their channels alike), with different channels. */
    private static final String ID = "1700000000.1";

    @Autowired
    private WebTestClient client;

    private static LiveSnapshot model(String endpoint, String queue, boolean connected) {
        LiveChannel channel = new LiveChannel(ID, ID, "PJSIP/" + endpoint + "-00000001", "Up", endpoint, "Caller " + endpoint,
                "200", "", "test", "200", "1", "Dial", false, "b-1", List.of(), START);
        return new LiveSnapshot(3, connected, List.of(new LiveCall(ID, List.of(channel), START)),
                List.of(new LiveQueue(queue, "ringall", 0, 0,
                        List.of(new LiveQueueMember("PJSIP/" + endpoint, "Agent", 0, false, "", false, 0)), List.of())),
                List.of(new LiveEndpoint(endpoint, "PJSIP/" + endpoint, DeviceState.INUSE, "Reachable")));
    }

    @BeforeEach
    void twoServers() {
        Map<String, LiveSnapshot> servers = new LinkedHashMap<>();
        servers.put("london", model("1001", "sales", true));
        servers.put("paris", model("2002", "support", false));
        TestAsteriskBeans.reset(servers);
    }

    private WebTestClient as(String user) {
        return client.mutate().defaultHeaders(headers -> headers.setBasicAuth(user, user + "-pw")).build();
    }

    private WebTestClient.ResponseSpec post(String user, String uri, Object body) {
        return as(user).post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void theServersAreListedInConfigurationOrderWithTheirState() {
        as("viewer").get().uri("/api/servers").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].name").isEqualTo("london").jsonPath("$[0].connected").isEqualTo(true)
                .jsonPath("$[1].name").isEqualTo("paris").jsonPath("$[1].connected").isEqualTo(false);
    }

    @Test
    void eachServersUrlsReadThatServersModelOnly() {
        as("viewer").get().uri("/api/servers/paris/calls").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].channels[0].name").isEqualTo("PJSIP/2002-00000001");
        as("viewer").get().uri("/api/servers/london/calls/" + ID).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.channels[0].name").isEqualTo("PJSIP/1001-00000001");
        as("viewer").get().uri("/api/servers/paris/queues").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].name").isEqualTo("support");
        as("viewer").get().uri("/api/servers/london/endpoints").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].name").isEqualTo("1001");
    }

    @Test
    void anActionGoesToTheServerTheUrlNamesWithThatServersChannel() {
        as("operator").delete().uri("/api/servers/paris/calls/" + ID).exchange().expectStatus().isNoContent();
        post("operator", "/api/servers/london/queues/sales/pause", Map.of("member", "PJSIP/1001")).expectStatus().isAccepted();
        post("operator", "/api/servers/paris/calls", ValidRequests.originate()).expectStatus().isAccepted();
        assertThat(TestAsteriskBeans.sentTo).containsExactly("paris", "london", "paris");
        assertThat(TestAsteriskBeans.sent).extracting(AmiAction::name).containsExactly("Hangup", "QueuePause", "Originate");
        assertThat(TestAsteriskBeans.sent.get(0).get("Channel")).isEqualTo("PJSIP/2002-00000001");
    }

    @Test
    void aQueueOfTheOtherServerIsNotFoundOnThisOne() {
        post("operator", "/api/servers/paris/queues/sales/pause", Map.of("member", "PJSIP/1001")).expectStatus().isNotFound();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void theUrlsWithoutAServerAreRefusedNamingTheServersAndTheUrlToUse() {
        for (String uri : List.of("/api/calls", "/api/calls/" + ID, "/api/queues", "/api/endpoints")) {
            as("viewer").get().uri(uri).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://amiboot.io/problems/server-required")
                    .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                            .contains("[london, paris]").contains("/api/servers/{server}/"));
        }
        as("operator").delete().uri("/api/calls/" + ID).exchange().expectStatus().isBadRequest();
        post("operator", "/api/calls", ValidRequests.originate()).expectStatus().isBadRequest();
        post("operator", "/api/calls/" + ID + "/transfer", Map.of("to", "600")).expectStatus().isBadRequest();
        post("operator", "/api/queues/sales/pause", Map.of("member", "PJSIP/1001")).expectStatus().isBadRequest();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void anUnknownServerIsA404NamingItAndNothingIsSent() {
        as("viewer").get().uri("/api/servers/rome/calls").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("No Asterisk server 'rome'; the servers are [london, paris]");
        as("operator").delete().uri("/api/servers/rome/calls/" + ID).exchange().expectStatus().isNotFound();
        post("operator", "/api/servers/rome/calls", ValidRequests.originate()).expectStatus().isNotFound();
        post("operator", "/api/servers/rome/queues/sales/pause", Map.of("member", "PJSIP/1001")).expectStatus().isNotFound();
        post("supervisor", "/api/servers/rome/calls/" + ID + "/recording", Map.of()).expectStatus().isNotFound();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void aMalformedServerNameIsA400NamingTheField() {
        for (String server : List.of("bad$name", "a.b", "a+b", "x".repeat(41))) {
            as("operator").delete().uri("/api/servers/" + server + "/calls/" + ID).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.field").isEqualTo("server");
        }
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    /**
     * Encoded separators, dot segments, control and non-ASCII characters stop at Spring Security's firewall: 400
     * before any controller.
     */
    @ParameterizedTest
    @ValueSource(strings = { "/api/servers/paris%2F..%2Flondon/calls/" + ID, "/api/servers/..%2Fparis/calls/" + ID,
        "/api/servers/paris%0D%0A/calls/" + ID, "/api/servers/paris%00/calls/" + ID, "/api/servers/paris;x=1/calls/" + ID,
        "/api/servers/%2E%2E/calls/" + ID, "/api/servers/l%C3%B6ndon/calls/" + ID })
    void aServerNameWithSeparatorsOrControlCharactersIsRejectedAtTheEdge(String uri) {
        as("operator").delete().uri(uri).exchange().expectStatus().isBadRequest();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void anOperatorMayNotSpyOrRecordOnAServerScopedUrlAnyMoreThanOnTheOldOne() {
        for (String prefix : List.of("/api/calls/", "/api/servers/paris/calls/", "/api/servers/rome/calls/",
                "/api/servers/bad$name/calls/")) {
            post("operator", prefix + ID + "/spy", Map.of("from", "1003")).expectStatus().isForbidden();
            post("operator", prefix + ID + "/recording", Map.of()).expectStatus().isForbidden();
            as("operator").delete().uri(prefix + ID + "/recording").exchange().expectStatus().isForbidden();
        }
        assertThat(TestAsteriskBeans.sent).isEmpty();
        post("supervisor", "/api/servers/paris/calls/" + ID + "/spy", Map.of("from", "1003")).expectStatus().isAccepted();
        assertThat(TestAsteriskBeans.sentTo).containsExactly("paris");
    }

    @Test
    void aViewerMayNotActOnAServerScopedUrlAndAnonymousCallersMayNotReadOne() {
        as("viewer").delete().uri("/api/servers/paris/calls/" + ID).exchange().expectStatus().isForbidden();
        post("viewer", "/api/servers/paris/calls", ValidRequests.originate()).expectStatus().isForbidden();
        post("viewer", "/api/servers/london/queues/sales/pause", Map.of("member", "PJSIP/1001")).expectStatus().isForbidden();
        for (String uri : List.of("/api/servers", "/api/servers/paris/calls", "/api/servers/paris/queues",
                "/api/servers/paris/endpoints")) {
            client.get().uri(uri).exchange().expectStatus().isUnauthorized();
        }
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    /** Variants of the spy URL that the supervisor rule might not match: none may reach Asterisk as an operator. */
    @ParameterizedTest
    @ValueSource(strings = { "/api/servers/paris/calls/" + ID + "/spy/", "//api/servers/paris/calls/" + ID + "/spy",
        "/api/servers/paris//calls/" + ID + "/spy", "/api/servers/paris/calls/" + ID + "/SPY",
        "/api/Servers/paris/calls/" + ID + "/spy", "/api/servers/paris/calls/" + ID + "/./spy" })
    void noVariantOfTheSpyUrlLetsAnOperatorSpy(String uri) {
        post("operator", uri, Map.of("from", "1003")).expectStatus().value(status -> assertThat(status).isBetween(400, 499));
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void withOneServerTheOldUrlsAndItsScopedOnesBothWork() {
        TestAsteriskBeans.reset(model("1001", "sales", true));
        as("viewer").get().uri("/api/calls").exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
        as("viewer").get().uri("/api/servers/default/calls").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].id").isEqualTo(ID);
        as("operator").delete().uri("/api/calls/" + ID).exchange().expectStatus().isNoContent();
        assertThat(TestAsteriskBeans.sentTo).containsExactly("default");
    }
}
