package io.amiboot.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.dashboard.TestAsteriskBeans;
import io.amiboot.live.LiveSnapshot;
import io.amiboot.live.QueueKpis;
import io.amiboot.live.QueueMemberKpis;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /api/queues/kpis}: the live model's queue figures, for viewers and up, per server. */
@DashboardWebTest
class QueueKpisApiTest {

    private static final Instant SIX = Instant.parse("2026-12-01T06:00:00Z");

    @Autowired
    private WebTestClient client;

    @BeforeEach
    void figures() {
        TestAsteriskBeans.reset(new LiveSnapshot(1, true, List.of(), List.of(), List.of()));
        TestAsteriskBeans.queueKpis = List.of(QueueKpis.of("support", SIX, 4, 3, 1, 2, Duration.ofSeconds(20),
                Duration.ofSeconds(45), Duration.ofSeconds(25), Duration.ofMinutes(2), 1, SIX.plusSeconds(30),
                List.of(new QueueMemberKpis("support", "PJSIP/1002", "Bob", 1, 2, true, "lunch", SIX.plusSeconds(60), false))));
    }

    private WebTestClient as(String user) {
        return client.mutate().defaultHeaders(headers -> headers.setBasicAuth(user, user + "-pw")).build();
    }

    @Test
    void aViewerReadsEachQueuesFiguresWithTheRatesWorkedOut() {
        as("viewer").get().uri("/api/queues/kpis").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].queue").isEqualTo("support")
                .jsonPath("$[0].offered").isEqualTo(4)
                .jsonPath("$[0].abandoned").isEqualTo(1)
                .jsonPath("$[0].serviceLevel").isEqualTo(0.5)
                .jsonPath("$[0].abandonRate").isEqualTo(0.25)
                .jsonPath("$[0].windowStart").isEqualTo("2026-12-01T06:00:00Z")
                .jsonPath("$[0].waiting").isEqualTo(1)
                .jsonPath("$[0].longestWaitingSince").isEqualTo("2026-12-01T06:00:30Z")
                .jsonPath("$[0].members[0].pausedReason").isEqualTo("lunch")
                .jsonPath("$[0].members[0].missed").isEqualTo(2);
    }

    @Test
    void anonymousIsRefusedAndNothingIsSent() {
        client.get().uri("/api/queues/kpis").exchange().expectStatus().isUnauthorized();
        as("metrics-user-that-does-not-exist").get().uri("/api/queues/kpis").exchange().expectStatus().isUnauthorized();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void withSeveralServersTheScopedUrlNamesOneAndTheOldOneSaysWhichToUse() {
        Map<String, LiveSnapshot> two = new LinkedHashMap<>();
        two.put("london", new LiveSnapshot(1, true, List.of(), List.of(), List.of()));
        two.put("paris", new LiveSnapshot(1, true, List.of(), List.of(), List.of()));
        List<QueueKpis> kept = TestAsteriskBeans.queueKpis;
        TestAsteriskBeans.reset(two);
        TestAsteriskBeans.queueKpis = kept;
        as("viewer").get().uri("/api/servers/paris/queues/kpis").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].queue").isEqualTo("support");
        as("viewer").get().uri("/api/queues/kpis").exchange().expectStatus().isBadRequest();
        as("viewer").get().uri("/api/servers/rome/queues/kpis").exchange().expectStatus().isNotFound();
    }
}
