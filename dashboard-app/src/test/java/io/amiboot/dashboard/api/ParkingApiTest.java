package io.amiboot.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiAction;
import io.amiboot.dashboard.TestAsteriskBeans;
import io.amiboot.live.LiveCall;
import io.amiboot.live.LiveChannel;
import io.amiboot.live.LiveParkedCall;
import io.amiboot.live.LiveSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The parking endpoints: what each sends to Asterisk for a valid request, and what each refuses (the field named,
 * nothing sent); the roles and hostile values are in {@link HostileRequestsTest}.
 */
@DashboardWebTest
class ParkingApiTest {

    private static final Instant START = Instant.parse("2026-12-01T18:00:00Z");

    /** A call as the test Asterisk's 400 makes it: the originate's half waits, its other half is bridged to 100. */
    private static final LiveCall BRIDGED = new LiveCall("1700000000.1", List.of(
            channel("1700000000.1", "Local/400@test-00000001;1", List.of()),
            channel("1700000000.2", "Local/400@test-00000001;2", List.of("Local/100@test-00000002;1")),
            channel("1700000000.3", "Local/100@test-00000002;1", List.of("Local/400@test-00000001;2")),
            channel("1700000000.4", "Local/100@test-00000002;2", List.of())), START);

    private static final LiveCall ALONE = new LiveCall("1700000000.5", List.of(
            channel("1700000000.5", "Local/500@test-00000003;1", List.of())), START);

    @Autowired
    private WebTestClient client;

    private static LiveChannel channel(String uniqueId, String name, List<String> talkingTo) {
        return new LiveChannel(uniqueId, uniqueId, name, "Up", "555", "Parked", "", "", "test", "400", "1", "Wait", false,
                talkingTo.isEmpty() ? null : "b-1", talkingTo, START);
    }

    private static LiveParkedCall parked(String lot, String space) {
        return new LiveParkedCall(lot, space, "Local/400@test-00000001;2", "1700000000.2", "1700000000.1", "555",
                "Parked", "Local/100@test", START, START.plusSeconds(45));
    }

    @BeforeEach
    void model() {
        TestAsteriskBeans.reset(new LiveSnapshot(3, true, List.of(BRIDGED, ALONE), List.of(), List.of(), List.of(),
                List.of(parked("default", "701"), parked("default", "702"), parked("sales", "702"))));
    }

    private WebTestClient as(String user) {
        return client.mutate().defaultHeaders(headers -> headers.setBasicAuth(user, user + "-pw")).build();
    }

    private WebTestClient.ResponseSpec post(String uri, Object body) {
        return as("operator").post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void expectInvalid(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo(field)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains(field));
        assertThat(TestAsteriskBeans.sent).as("actions sent").isEmpty();
    }

    private static AmiAction onlySent() {
        assertThat(TestAsteriskBeans.sent).hasSize(1);
        return TestAsteriskBeans.sent.get(0);
    }

    @Test
    void aViewerListsTheParkedCallsByLotAndSpaceOnBothUrls() {
        for (String uri : List.of("/api/parking", "/api/servers/default/parking")) {
            as("viewer").get().uri(uri).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.length()").isEqualTo(3)
                    .jsonPath("$[0].lot").isEqualTo("default").jsonPath("$[0].space").isEqualTo("701")
                    .jsonPath("$[0].callerIdName").isEqualTo("Parked").jsonPath("$[0].parker").isEqualTo("Local/100@test")
                    .jsonPath("$[0].parkedAt").isEqualTo("2026-12-01T18:00:00Z")
                    .jsonPath("$[0].timeoutAt").isEqualTo("2026-12-01T18:00:45Z");
        }
        as("viewer").get().uri("/api/servers/nowhere/parking").exchange().expectStatus().isNotFound();
    }

    @Test
    void parkingABridgedCallParksItsCallersSideAndLetsItsPeerHearTheSpace() {
        as("operator").post().uri("/api/calls/1700000000.1/park").exchange().expectStatus().isAccepted();
        AmiAction park = onlySent();
        assertThat(park.name()).isEqualTo("Park");
        assertThat(park.get("Channel")).isEqualTo("Local/400@test-00000001;2");
        assertThat(park.get("TimeoutChannel")).isEqualTo("Local/100@test-00000002;1");
        assertThat(park.get("Parkinglot")).isNull();
        assertThat(park.get("Timeout")).isNull();
    }

    @Test
    void aParkNamesItsChannelLotAndTimeoutAndACallTalkingToNobodyParksAlone() {
        post("/api/servers/default/calls/1700000000.1/park", Map.of("channel", "1700000000.3", "lot", "sales", "timeoutSeconds", 20))
                .expectStatus().isAccepted();
        AmiAction park = onlySent();
        assertThat(park.get("Channel")).isEqualTo("Local/100@test-00000002;1");
        assertThat(park.get("TimeoutChannel")).isEqualTo("Local/400@test-00000001;2");
        assertThat(park.get("Parkinglot")).isEqualTo("sales");
        assertThat(park.get("Timeout")).as("milliseconds").isEqualTo("20000");

        TestAsteriskBeans.sent.clear();
        post("/api/calls/1700000000.5/park", Map.of()).expectStatus().isAccepted();
        assertThat(onlySent().get("Channel")).isEqualTo("Local/500@test-00000003;1");
        assertThat(onlySent().get("TimeoutChannel")).isNull();
    }

    @Test
    void aParkOutsideItsLimitsIsRefusedNamingTheField() {
        expectInvalid(post("/api/calls/1700000000.1/park", Map.of("timeoutSeconds", 0)), "timeoutSeconds");
        expectInvalid(post("/api/calls/1700000000.1/park", Map.of("timeoutSeconds", 3601)), "timeoutSeconds");
        expectInvalid(post("/api/calls/1700000000.1/park", Map.of("lot", "de fault")), "lot");
        post("/api/calls/1700000000.1/park", Map.of("channel", "PJSIP/9999-00000009")).expectStatus().isNotFound();
        post("/api/calls/1700000000.9/park", Map.of()).expectStatus().isNotFound();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void aPickupRingsWhoPicksUpAndConnectsItToTheSpace() {
        post("/api/parking/701/pickup", Map.of("from", "100@test")).expectStatus().isAccepted().expectBody()
                .jsonPath("$.channel").isEqualTo("Local/100@test").jsonPath("$.exten").isEqualTo("701")
                .jsonPath("$.context").isEqualTo("demo");
        AmiAction originate = onlySent();
        assertThat(originate.name()).isEqualTo("Originate");
        assertThat(originate.get("Channel")).isEqualTo("Local/100@test");
        assertThat(originate.get("Context")).as("the first allowed context").isEqualTo("demo");
        assertThat(originate.get("Exten")).isEqualTo("701");

        TestAsteriskBeans.sent.clear();
        post("/api/servers/default/parking/702/pickup", Map.of("from", "1002", "lot", "sales", "context", "test"))
                .expectStatus().isAccepted();
        assertThat(onlySent().get("Channel")).isEqualTo("PJSIP/1002");
        assertThat(onlySent().get("Context")).isEqualTo("test");
    }

    @Test
    void aPickupOfAnEmptyOrAmbiguousSpaceOrFromAContextNotAllowedSendsNothing() {
        post("/api/parking/703/pickup", Map.of("from", "1002")).expectStatus().isNotFound();
        post("/api/parking/701/pickup", Map.of("from", "1002", "lot", "sales")).expectStatus().isNotFound();
        expectInvalid(post("/api/parking/702/pickup", Map.of("from", "1002")), "lot");
        expectInvalid(post("/api/parking/701/pickup", Map.of("from", "1002", "context", "internal")), "context");
        expectInvalid(post("/api/parking/701/pickup", Map.of("from", "100@internal")), "from");
        expectInvalid(post("/api/parking/701/pickup", Map.of("context", "test")), "from");
        expectInvalid(post("/api/parking/7x1/pickup", Map.of("from", "1002")), "space");
        as("operator").post().uri("/api/parking/701/pickup").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }
}
