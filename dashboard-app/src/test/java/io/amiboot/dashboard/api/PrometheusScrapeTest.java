package io.amiboot.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /actuator/prometheus} for a fleet's scraper: the dashboard on two scripted Asterisks ({@code east} and
 * {@code west}); the {@code scraper} user (role {@code metrics}) reads the scrape, with the {@code ami_} meters of
 * both servers, and nothing else: no page, no API, no WebSocket, no other Actuator endpoint. Operators and viewers
 * are refused the scrape as every other endpoint, supervisors get it, anonymous callers get a Basic challenge.
 * The event tag stays bounded ({@code ami.metrics.max-tag-values}) on the way to Prometheus.
 */
@SpringBootTest(properties = { "ami.startup.wait=true", "ami.keepalive-interval=0", "ami.metrics.max-tag-values=3" })
@ActiveProfiles("testusers")
@AutoConfigureWebTestClient
class PrometheusScrapeTest {

    private static final ScriptedAmiPeer EAST = peer();

    private static final ScriptedAmiPeer WEST = peer();

    /** Everything but the scrape, as a metrics-only user might try it. */
    private static final List<String> NOT_FOR_THE_SCRAPER = List.of("/", "/index.html", "/api/me", "/api/calls",
            "/api/queues", "/api/endpoints", "/v3/api-docs", "/ws/live", "/ws/live?kinds=events", "/actuator",
            "/actuator/env", "/actuator/configprops", "/actuator/metrics", "/actuator/metrics/ami.events.received",
            "/actuator/info", "/actuator/heapdump", "/actuator/loggers", "/actuator/beans");

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void asterisks(DynamicPropertyRegistry registry) {
        registry.add("ami.servers.east.url", () -> EAST.url("amiboot", "east-secret"));
        registry.add("ami.servers.west.url", () -> WEST.url("amiboot", "west-secret"));
    }

    @AfterAll
    static void stop() throws IOException {
        EAST.close();
        WEST.close();
    }

    private WebTestClient as(String user) {
        return client.mutate().defaultHeaders(headers -> headers.setBasicAuth(user, user + "-pw")).build();
    }

    @Test
    void theScraperReadsTheAmiMetersOfEveryServerTaggedWithItsName() throws IOException {
        for (ScriptedAmiPeer asterisk : List.of(EAST, WEST)) {
            asterisk.send("Event: PeerStatus\r\nPrivilege: system,all\r\nPeer: PJSIP/1001\r\nPeerStatus: Reachable\r\n\r\n");
        }
        for (int i = 1; i <= 4; i++) {
            EAST.send("Event: Flood" + i + "\r\nPrivilege: user,all\r\n\r\n");
        }
        String scrape = Awaitility.await("the scrape with both servers' events").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(this::scrape,
                        text -> text.contains("ami_events_received_total{event=\"PeerStatus\",server=\"east\"}")
                                && text.contains("ami_events_received_total{event=\"PeerStatus\",server=\"west\"}")
                                && text.contains("ami_events_received_total{event=\"other\",server=\"east\"}"));
        for (String server : List.of("east", "west")) {
            assertThat(scrape).contains("ami_actions_in_flight{server=\"" + server + "\"}")
                    .contains("ami_reconnects_total{server=\"" + server + "\"}")
                    .contains("ami_events_dropped_total{server=\"" + server + "\"}");
        }
        // Every ami_ sample names its server; the secrets in the URLs never show.
        assertThat(scrape.lines().filter(line -> line.startsWith("ami_")))
                .isNotEmpty().allSatisfy(line -> assertThat(line).containsPattern("server=\"(east|west)\""));
        assertThat(scrape).doesNotContain("east-secret").doesNotContain("west-secret");
        // Four flood names past the bound of three: the surplus shares event="other".
        assertThat(scrape).contains("ami_events_received_total{event=\"other\",server=\"east\"}");
        assertThat(scrape.lines().filter(line -> line.startsWith("ami_events_received_total{") && line.contains("server=\"east\"")))
                .hasSizeLessThanOrEqualTo(4);
    }

    private String scrape() {
        return as("scraper").get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).startsWith("text/plain"))
                // Basic credentials on every scrape: no session is made for the scraper to keep.
                .expectCookie().doesNotExist("SESSION")
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void theScraperGetsNothingElse() {
        for (String uri : NOT_FOR_THE_SCRAPER) {
            as("scraper").get().uri(uri).exchange().expectStatus().isForbidden();
        }
        // Spying and recording above all (scripts with Basic credentials skip CSRF, so the role alone refuses them).
        for (String uri : List.of("/api/calls/1700000000.1/spy", "/api/calls/1700000000.1/recording")) {
            as("scraper").method(HttpMethod.POST).uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isForbidden();
        }
        as("scraper").method(HttpMethod.DELETE).uri("/api/calls/1700000000.1").exchange().expectStatus().isForbidden();
        // Health answers the scraper as it answers anyone: the status, no components.
        as("scraper").get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components").doesNotExist();
        as("scraper").get().uri("/actuator/health/ping").exchange().expectStatus().isNotFound();
    }

    @Test
    void anonymousCallersGetABasicChallengeAndBoardRolesBelowSupervisorAreRefused() {
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Basic"));
        as("viewer").get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
        as("operator").get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
        as("supervisor").get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        // A wrong password is no scraper either.
        client.get().uri("/actuator/prometheus").headers(headers -> headers.setBasicAuth("scraper", "wrong"))
                .exchange().expectStatus().isUnauthorized();
    }

    private static ScriptedAmiPeer peer() {
        try {
            return new ScriptedAmiPeer();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
