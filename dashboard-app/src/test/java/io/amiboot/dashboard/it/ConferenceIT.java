package io.amiboot.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Conference room 851 of the real Asterisk 22 through the REST API: two participants join (Local/851@test channels),
 * a mute shows on the one muted, a lock shows at once, a kick removes one participant and leaves the other.
 */
@RealAsterisk
class ConferenceIT {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    private RunningDashboard dashboard;

    @AfterEach
    void stop() {
        if (dashboard != null) {
            dashboard.hangUpAll("ConfIT");
            dashboard.close();
        }
    }

    /** Room {@code name} as the REST API lists it now, or null. */
    static JsonNode room(RunningDashboard dashboard, String name) {
        JsonNode rooms = dashboard.api("viewer").get().uri("/api/conferences").retrieve().bodyToMono(JsonNode.class)
                .block(Duration.ofSeconds(10));
        for (JsonNode room : rooms) {
            if (room.get("name").asString().equals(name)) {
                return room;
            }
        }
        return null;
    }

    /** Room {@code name} once it satisfies {@code ready}, polled. */
    static JsonNode awaitRoom(RunningDashboard dashboard, String name, Predicate<JsonNode> ready) {
        return Awaitility.await("room " + name + " in the wanted state").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode room = room(dashboard, name);
                    return room != null && ready.test(room) ? room : null;
                }, Objects::nonNull);
    }

    static List<String> uniqueIds(JsonNode room) {
        List<String> ids = new ArrayList<>();
        room.get("participants").forEach(participant -> ids.add(participant.get("uniqueId").asString()));
        return ids;
    }

    private HttpStatusCode send(String method, String uri) {
        return dashboard.api("operator").method(HttpMethod.valueOf(method)).uri(uri).retrieve()
                .toBodilessEntity().block(PATIENCE).getStatusCode();
    }

    @Test
    void twoJoinOneIsMutedTheRoomLockedAndTheOtherKicked(TestAsterisk asterisk) {
        dashboard = RunningDashboard.start(asterisk);
        dashboard.originate("851", "ConfIT-a");
        dashboard.originate("851", "ConfIT-b");
        JsonNode room = awaitRoom(dashboard, "851", r -> r.get("participants").size() >= 2);
        assertThat(room.get("locked").asBoolean()).isFalse();
        List<String> joined = uniqueIds(room);
        String muted = joined.get(0);
        String kicked = joined.get(1);
        assertThat(room.get("participants").get(0).get("channel").asString()).startsWith("Local/851@test-").endsWith(";2");

        assertThat(send("POST", "/api/conferences/851/participants/" + muted + "/mute").value()).isEqualTo(202);
        awaitRoom(dashboard, "851", r -> {
            for (JsonNode participant : r.get("participants")) {
                if (participant.get("uniqueId").asString().equals(muted)) {
                    return participant.get("muted").asBoolean();
                }
            }
            return false;
        });

        assertThat(send("POST", "/api/conferences/851/lock").value()).isEqualTo(204);
        assertThat(room(dashboard, "851").get("locked").asBoolean()).as("locked once the lock was answered").isTrue();

        assertThat(send("DELETE", "/api/conferences/851/participants/" + kicked).value()).isEqualTo(204);
        JsonNode after = awaitRoom(dashboard, "851", r -> !uniqueIds(r).contains(kicked));
        assertThat(uniqueIds(after)).contains(muted);
        assertThat(after.get("locked").asBoolean()).isTrue();

        assertThat(send("POST", "/api/conferences/851/unlock").value()).isEqualTo(204);
        assertThat(room(dashboard, "851").get("locked").asBoolean()).isFalse();
        assertThat(dashboard.api("operator").post().uri("/api/conferences/851/participants/" + kicked + "/mute")
                .exchangeToMono(response -> Mono.just(response.statusCode().value()))
                .block(PATIENCE)).as("muting the kicked participant").isEqualTo(404);
    }
}
