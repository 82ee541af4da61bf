package io.amiboot.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Queue members added, paused with a reason and removed through the REST API, on the real Asterisk's queue
 * {@code support} (empty unless a test adds a member), each change seen in {@code /api/queues}.
 */
@RealAsterisk
class QueueMembersIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    /** A member no other test adds to {@code support}. */
    private static final String MEMBER = "Local/100@test/n";

    private RunningDashboard dashboard;

    @AfterEach
    void stop() {
        if (dashboard != null) {
            dashboard.api("operator").delete().uri("/api/queues/support/members/" + MEMBER).retrieve().toBodilessEntity()
                    .onErrorResume(ignored -> Mono.empty()).block(PATIENCE);
            dashboard.close();
        }
    }

    /** The member of {@code support} as {@code /api/queues} lists it now, else null. */
    private JsonNode member() {
        JsonNode queues = dashboard.api("viewer").get().uri("/api/queues").retrieve().bodyToMono(JsonNode.class)
                .block(Duration.ofSeconds(10));
        for (JsonNode queue : queues) {
            if (queue.get("name").asString().equals("support")) {
                for (JsonNode member : queue.get("members")) {
                    if (member.get("location").asString().equals(MEMBER)) {
                        return member;
                    }
                }
            }
        }
        return null;
    }

    private int status(String method, String uri, Object body) {
        WebClient.RequestBodySpec request = dashboard.api("operator").method(HttpMethod.valueOf(method)).uri(uri);
        WebClient.RequestHeadersSpec<?> sent = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return sent.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())).block(PATIENCE);
    }

    @Test
    void aMemberIsAddedPausedWithAReasonAndRemoved(TestAsterisk asterisk) {
        dashboard = RunningDashboard.start(asterisk);
        assertThat(status("POST", "/api/queues/support/members", Map.of("interface", MEMBER, "memberName", "QueueMembersIT",
                "penalty", 2))).isEqualTo(201);
        JsonNode added = Awaitility.await("the member in /api/queues").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(this::member, Objects::nonNull);
        assertThat(added.get("name").asString()).isEqualTo("QueueMembersIT");
        assertThat(added.get("paused").asBoolean()).isFalse();

        assertThat(status("POST", "/api/queues/support/pause", Map.of("member", MEMBER, "reason", "coffee break"))).isEqualTo(202);
        Awaitility.await("the member paused with the reason").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(this::member, member -> member != null && member.get("paused").asBoolean()
                        && member.get("pausedReason").asString().equals("coffee break"));

        // A Local member in a context outside the allow-list never reaches Asterisk.
        assertThat(status("POST", "/api/queues/support/members", Map.of("interface", "Local/100@contract/n"))).isEqualTo(400);

        assertThat(status("DELETE", "/api/queues/support/members/" + MEMBER, null)).isEqualTo(204);
        Awaitility.await("the member gone from /api/queues").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> member() == null);
        // Removing it again: Asterisk says it is not there, and the dashboard passes that on.
        assertThat(status("DELETE", "/api/queues/support/members/" + MEMBER, null)).isEqualTo(502);
    }
}
