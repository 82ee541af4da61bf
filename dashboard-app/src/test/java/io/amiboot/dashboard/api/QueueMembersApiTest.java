package io.amiboot.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiAction;
import io.amiboot.dashboard.TestAsteriskBeans;
import io.amiboot.live.LiveQueue;
import io.amiboot.live.LiveSnapshot;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Adding and removing queue members, and pausing them with a reason: operators act, viewers read; a Local member
 * must name an allowed context; every refusal names its field and sends nothing. The roles, CSRF and hostile values
 * of these endpoints are in {@link HostileRequestsTest} too.
 */
@DashboardWebTest
class QueueMembersApiTest {

    @Autowired
    private WebTestClient client;

    @BeforeEach
    void model() {
        TestAsteriskBeans.reset(new LiveSnapshot(1, true, List.of(),
                List.of(new LiveQueue("support", "ringall", 0, 0, List.of(), List.of())), List.of()));
    }

    private WebTestClient as(String user) {
        return client.mutate().defaultHeaders(headers -> headers.setBasicAuth(user, user + "-pw")).build();
    }

    private WebTestClient.ResponseSpec add(String user, String uri, Map<String, Object> body) {
        return as(user).post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void expectInvalid(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo(field)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains(field));
        assertThat(TestAsteriskBeans.sent).as("actions sent").isEmpty();
    }

    @Test
    void anOperatorAddsAMemberWithEveryFieldAndRemovesItByItsInterfaceInThePath() {
        add("operator", "/api/queues/support/members", Map.of("interface", "Local/100@test/n", "memberName", "Bot 1",
                "penalty", 3, "paused", true)).expectStatus().isCreated();
        as("operator").delete().uri("/api/queues/support/members/Local/100@test/n").exchange().expectStatus().isNoContent();
        as("operator").delete().uri("/api/queues/support/members/PJSIP/1002").exchange().expectStatus().isNoContent();
        // Spring Security's firewall refuses an encoded slash (%2F), so the interface goes into the path as it is.
        as("operator").delete().uri(URI.create("/api/queues/support/members/PJSIP%2F1002")).exchange().expectStatus().isBadRequest();
        assertThat(TestAsteriskBeans.sent).extracting(AmiAction::toString).containsExactly(
                "AmiAction[Action: QueueAdd, Queue: support, Interface: Local/100@test/n, MemberName: Bot 1, Penalty: 3, Paused: true]",
                "AmiAction[Action: QueueRemove, Queue: support, Interface: Local/100@test/n]",
                "AmiAction[Action: QueueRemove, Queue: support, Interface: PJSIP/1002]");
    }

    @Test
    void aViewerMayNotAddOrRemove() {
        add("viewer", "/api/queues/support/members", Map.of("interface", "PJSIP/1002")).expectStatus().isForbidden();
        as("viewer").delete().uri("/api/queues/support/members/PJSIP/1002").exchange().expectStatus().isForbidden();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void membersAreValidatedAndALocalMemberMustNameAnAllowedContext() {
        for (String bad : List.of("Local/100@from-trunk/n", "Local/100", "PJSIP/1002,1", "PJSIP/1002;x", "PJSIP/1002&PJSIP/1003",
                "PJSIP", "PJSIP/1002 ", "PJSIP/1002\r\nAction: Hangup")) {
            expectInvalid(add("operator", "/api/queues/support/members", Map.of("interface", bad)), "interface");
        }
        expectInvalid(add("operator", "/api/queues/support/members", Map.of("memberName", "x")), "interface");
        expectInvalid(add("operator", "/api/queues/support/members", Map.of("interface", "PJSIP/1002", "penalty", -1)), "penalty");
        expectInvalid(add("operator", "/api/queues/support/members", Map.of("interface", "PJSIP/1002", "memberName", "a,b")),
                "memberName");
        expectInvalid(as("operator").delete().uri("/api/queues/support/members/PJSIP/1002,1").exchange(), "interface");
        expectInvalid(as("operator").delete().uri("/api/queues/support/members/PJSIP/1002 x").exchange(), "interface");
        expectInvalid(as("operator").delete().uri("/api/queues/support/members/Local/100@test/n/x").exchange(), "interface");
    }

    @Test
    void aQueueTheModelDoesNotShowIs404() {
        add("operator", "/api/queues/sales/members", Map.of("interface", "PJSIP/1002")).expectStatus().isNotFound();
        as("operator").delete().uri("/api/queues/sales/members/PJSIP/1002").exchange().expectStatus().isNotFound();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void pauseCarriesTheReason() {
        add("operator", "/api/queues/support/pause", Map.of("member", "PJSIP/1002", "reason", "lunch")).expectStatus().isAccepted();
        assertThat(TestAsteriskBeans.sent).singleElement().extracting(action -> action.get("Reason")).isEqualTo("lunch");
    }

    @Test
    void theServerScopedUrlsActOnTheServerTheyName() {
        Map<String, LiveSnapshot> servers = new LinkedHashMap<>();
        servers.put("london", new LiveSnapshot(1, true, List.of(), List.of(), List.of()));
        servers.put("paris", new LiveSnapshot(1, true, List.of(),
                List.of(new LiveQueue("support", "ringall", 0, 0, List.of(), List.of())), List.of()));
        TestAsteriskBeans.reset(servers);
        add("operator", "/api/queues/support/members", Map.of("interface", "PJSIP/1002")).expectStatus().isBadRequest();
        add("operator", "/api/servers/london/queues/support/members", Map.of("interface", "PJSIP/1002")).expectStatus().isNotFound();
        add("operator", "/api/servers/paris/queues/support/members", Map.of("interface", "PJSIP/1002")).expectStatus().isCreated();
        as("operator").delete().uri("/api/servers/paris/queues/support/members/PJSIP/1002").exchange().expectStatus().isNoContent();
        assertThat(TestAsteriskBeans.sentTo).containsExactly("paris", "paris");
        assertThat(TestAsteriskBeans.sent).extracting(AmiAction::name).containsExactly("QueueAdd", "QueueRemove");
    }
}
