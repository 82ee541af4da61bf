package io.amiboot.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.live.DeviceState;
import io.amiboot.live.LiveCall;
import io.amiboot.live.LiveChannel;
import io.amiboot.live.LiveEndpoint;
import io.amiboot.live.LiveParkedCall;
import io.amiboot.live.LiveQueue;
import io.amiboot.live.LiveQueueMember;
import io.amiboot.live.LiveSnapshot;
import io.amiboot.dashboard.TestAsteriskBeans;
import io.amiboot.test.asterisk.Reliability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The abuse matrix over every REST endpoint and every input field, completing {@link ApiTest}: no login (401),
 * too small a role (403), a browser session without the CSRF token (403); CR, LF, NUL, Unicode line separators,
 * overlong values, Unicode look-alikes and smuggled headers in every field (400 naming the field). The proof that
 * no byte reached Asterisk is the recording {@code AsteriskActions} of {@link TestAsteriskBeans}, which every
 * action the dashboard sends goes through: it must stay empty.
 */
@DashboardWebTest
class HostileRequestsTest {

    private static final Instant START = Instant.parse("2026-11-26T05:00:00Z");

    private static final String ID = "1700000000.1";

    /** The participant of {@link ConferenceApiTest#CONFERENCE} the conference writes aim at. */
    private static final String PARTICIPANT = "/api/conferences/851/participants/" + ConferenceApiTest.UNIQUE_ID;

    /** The parking space the model has a call parked in. */
    static final String SPACE = "701";

    private static final AtomicInteger REQUESTS = new AtomicInteger();

    private static final AtomicInteger HOSTILE_VALUES = new AtomicInteger();

    @Autowired
    private WebTestClient client;

    /** A write endpoint: how to call it validly, and the least role allowed to. */
    record Write(HttpMethod method, String uri, Map<String, Object> body, String role) {

        @Override
        public String toString() {
            return method + " " + uri;
        }
    }

    static List<Write> writes() {
        return List.of(
                new Write(HttpMethod.POST, "/api/calls", ValidRequests.originate(), "operator"),
                new Write(HttpMethod.DELETE, "/api/calls/" + ID, null, "operator"),
                new Write(HttpMethod.DELETE, "/api/calls/" + ID + "?channel=1700000000.2", null, "operator"),
                new Write(HttpMethod.POST, "/api/calls/" + ID + "/transfer", Map.of("mode", "blind", "to", "600", "context", "test"), "operator"),
                new Write(HttpMethod.POST, "/api/calls/" + ID + "/park", ValidRequests.park(), "operator"),
                new Write(HttpMethod.POST, "/api/parking/" + SPACE + "/pickup", ValidRequests.pickup(), "operator"),
                new Write(HttpMethod.POST, "/api/queues/sales/pause", Map.of("member", "Local/100@test/n", "reason", "lunch"), "operator"),
                new Write(HttpMethod.POST, "/api/queues/sales/unpause", Map.of("member", "Local/100@test/n"), "operator"),
                new Write(HttpMethod.POST, "/api/calls/" + ID + "/transfer", Map.of("mode", "attended", "to", "600", "context", "test"), "operator"),
                new Write(HttpMethod.POST, "/api/queues/sales/members", ValidRequests.queueMember(), "operator"),
                new Write(HttpMethod.DELETE, "/api/queues/sales/members/Local/100@test/n", null, "operator"),
                new Write(HttpMethod.POST, PARTICIPANT + "/mute", null, "operator"),
                new Write(HttpMethod.POST, PARTICIPANT + "/unmute", null, "operator"),
                new Write(HttpMethod.DELETE, PARTICIPANT, null, "operator"),
                new Write(HttpMethod.POST, "/api/conferences/851/lock", null, "operator"),
                new Write(HttpMethod.POST, "/api/conferences/851/unlock", null, "operator"),
                new Write(HttpMethod.POST, "/api/calls/" + ID + "/spy", Map.of("from", "1003"), "supervisor"),
                new Write(HttpMethod.POST, "/api/calls/" + ID + "/recording", null, "supervisor"),
                new Write(HttpMethod.DELETE, "/api/calls/" + ID + "/recording", null, "supervisor"));
    }

    static List<String> reads() {
        return List.of("/api/calls", "/api/calls/" + ID, "/api/queues", "/api/endpoints", "/api/conferences", "/api/parking",
                "/api/me", "/ws/live");
    }

    @BeforeEach
    void model() {
        LiveChannel first = new LiveChannel(ID, ID, "PJSIP/1001-00000001", "Up", "1001", "Alice", "100", "", "test", "100",
                "1", "Dial", false, "b-1", List.of("Local/100@test-00000002;1"), START);
        LiveChannel second = new LiveChannel("1700000000.2", ID, "Local/100@test-00000002;1", "Up", "1001", "Alice", "100",
                "", "test", "100", "1", "Dial", false, "b-1", List.of("PJSIP/1001-00000001"), START);
        TestAsteriskBeans.reset(new LiveSnapshot(7, true, List.of(new LiveCall(ID, List.of(first, second), START)),
                List.of(new LiveQueue("sales", "ringall", 3, 1,
                        List.of(new LiveQueueMember("Local/100@test/n", "Agent", 1, false, "", false, 3)), List.of())),
                List.of(new LiveEndpoint("1001", "PJSIP/1001", DeviceState.INUSE, "Reachable")),
                List.of(ConferenceApiTest.CONFERENCE),
                List.of(new LiveParkedCall("default", SPACE, "PJSIP/1003-00000003", "1700000000.3", "1700000000.3", "1003",
                        "Carol", "PJSIP/1001", START, START.plusSeconds(45)))));
    }

    @AfterAll
    static void report() {
        Reliability.row("Hostile requests (REST and WebSocket handshake)", "WebTestClient against the whole app",
                REQUESTS.get() + " requests: every endpoint without login, as too small a role, without CSRF token; "
                        + HOSTILE_VALUES.get() + " hostile field values (CR, LF, NUL, U+2028, U+0085, 10,000 chars,"
                        + " look-alikes, smuggled headers, disallowed contexts)",
                "every one answered 401/403/400 (400s name the field), except the CSRF controls sent with the token (2xx)",
                "nothing reached Asterisk (0 actions recorded)");
    }

    private WebTestClient.ResponseSpec call(WebTestClient as, Write write, Function<WebTestClient.RequestBodySpec, WebTestClient.RequestBodySpec> extra) {
        REQUESTS.incrementAndGet();
        WebTestClient.RequestBodySpec request = extra.apply(as.method(write.method()).uri(write.uri()));
        if (write.body() != null) {
            return request.contentType(MediaType.APPLICATION_JSON).bodyValue(write.body()).exchange();
        }
        return request.exchange();
    }

    private WebTestClient as(String user) {
        return client.mutate().defaultHeaders(headers -> headers.setBasicAuth(user, user + "-pw")).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void everyWriteWithoutLoginIs401AsTooSmallARoleIs403AndWithoutCsrfIs403(Write write) {
        call(client, write, r -> r).expectStatus().isUnauthorized();
        call(client.mutate().defaultHeaders(h -> h.setBasicAuth(write.role(), "wrong")).build(), write, r -> r)
                .expectStatus().isUnauthorized();
        call(as("viewer"), write, r -> r).expectStatus().isForbidden();
        if (write.role().equals("supervisor")) {
            call(as("operator"), write, r -> r).expectStatus().isForbidden();
        }
        assertThat(TestAsteriskBeans.sent).as("actions sent").isEmpty();

        // A browser session of a user with the right role, without and then with the CSRF token.
        String token = client.get().uri("/login").exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        String session = client.post().uri("/login").cookie("XSRF-TOKEN", token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=" + write.role() + "&password=" + write.role() + "-pw&_csrf=" + token).exchange()
                .expectStatus().isFound().returnResult(String.class).getResponseCookies().getFirst("SESSION").getValue();
        call(client, write, r -> r.cookie("SESSION", session).cookie("XSRF-TOKEN", token)).expectStatus().isForbidden();
        call(client, write, r -> r.cookie("SESSION", session).cookie("XSRF-TOKEN", token).header("X-XSRF-TOKEN", "forged"))
                .expectStatus().isForbidden();
        assertThat(TestAsteriskBeans.sent).as("actions sent").isEmpty();
        // The control: the same request with the token goes through, so the 403s above were the CSRF check.
        call(client, write, r -> r.cookie("SESSION", session).cookie("XSRF-TOKEN", token).header("X-XSRF-TOKEN", token))
                .expectStatus().is2xxSuccessful();
        assertThat(TestAsteriskBeans.sent).isNotEmpty();
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("reads")
    void everyReadWithoutLoginIs401(String uri) {
        REQUESTS.incrementAndGet();
        client.get().uri(uri).exchange().expectStatus().isUnauthorized();
        REQUESTS.incrementAndGet();
        client.get().uri(uri).headers(h -> h.setBasicAuth("viewer", "wrong")).exchange().expectStatus().isUnauthorized();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignOrigins")
    void theWebSocketHandshakeRefusesForeignOrigins(String origin) {
        REQUESTS.incrementAndGet();
        as("viewer").get().uri("/ws/live").header(HttpHeaders.ORIGIN, origin).exchange().expectStatus().isForbidden();
    }

    static Stream<String> foreignOrigins() {
        return Stream.of("https://evil.example", "http://localhost.evil.example", "null", "http://127.0.0.1.nip.io",
                "file://", "http://localhost:1");
    }

    /** A field of an endpoint, and how to put a value into a valid request. */
    record Field(String name, String endpoint, boolean asciiPattern, Function<String, Write> request) {

        @Override
        public String toString() {
            return endpoint + " " + name;
        }
    }

    static List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        for (String name : List.of("from", "to", "context", "callerIdName", "callerIdNumber")) {
            boolean ascii = !name.equals("callerIdName");
            fields.add(new Field(name, "POST /api/calls", ascii, value -> {
                Map<String, Object> body = ValidRequests.originate();
                body.put(name, value);
                return new Write(HttpMethod.POST, "/api/calls", body, "operator");
            }));
        }
        fields.add(new Field("variables.ACCOUNT", "POST /api/calls", false, value -> {
            Map<String, Object> body = ValidRequests.originate();
            body.put("variables", Map.of("ACCOUNT", value));
            return new Write(HttpMethod.POST, "/api/calls", body, "operator");
        }));
        for (String name : List.of("to", "context", "channel", "mode")) {
            fields.add(new Field(name, "POST transfer", true, value -> {
                Map<String, Object> body = new HashMap<>(Map.of("mode", "blind", "to", "600", "context", "test"));
                body.put(name, value);
                return new Write(HttpMethod.POST, "/api/calls/" + ID + "/transfer", body, "operator");
            }));
        }
        for (String name : List.of("from", "mode", "channel")) {
            fields.add(new Field(name, "POST spy", true, value -> {
                Map<String, Object> body = new HashMap<>(Map.of("from", "1003"));
                body.put(name, value);
                return new Write(HttpMethod.POST, "/api/calls/" + ID + "/spy", body, "supervisor");
            }));
        }
        for (String name : List.of("channel", "lot")) {
            fields.add(new Field(name, "POST park", true, value -> {
                Map<String, Object> body = ValidRequests.park();
                body.put(name, value);
                return new Write(HttpMethod.POST, "/api/calls/" + ID + "/park", body, "operator");
            }));
        }
        for (String name : List.of("from", "lot", "context")) {
            fields.add(new Field(name, "POST pickup", true, value -> {
                Map<String, Object> body = ValidRequests.pickup();
                body.put(name, value);
                return new Write(HttpMethod.POST, "/api/parking/" + SPACE + "/pickup", body, "operator");
            }));
        }
        for (String path : List.of("pause", "unpause")) {
            fields.add(new Field("member", "POST " + path, true, value -> new Write(HttpMethod.POST, "/api/queues/sales/" + path,
                    Map.of("member", value), "operator")));
        }
        for (String name : List.of("interface", "memberName")) {
            fields.add(new Field(name, "POST members", name.equals("interface"), value -> {
                Map<String, Object> body = ValidRequests.queueMember();
                body.put(name, value);
                return new Write(HttpMethod.POST, "/api/queues/sales/members", body, "operator");
            }));
        }
        fields.add(new Field("reason", "POST pause", false, value -> new Write(HttpMethod.POST, "/api/queues/sales/pause",
                Map.of("member", "Local/100@test/n", "reason", value), "operator")));
        return fields;
    }

    /** Values no field may take: line breaks and NUL anywhere, overlong values, smuggled AMI headers. */
    static List<String> hostileEverywhere() {
        return List.of("1001\r\nAction: Hangup", "1001\nAction: Hangup", "1001\rAction: Hangup", "1\u0000", "1\r", "1\n",
                "1\u2028x", "1\u0085x", "\r\n\r\nAction: Logoff\r\n\r\n", "1".repeat(10_000), "x".repeat(10_000));
    }

    /** Values only free-text fields may take: look-alikes (fullwidth digits, Cyrillic), a header line. */
    static List<String> hostileForAsciiFields() {
        return List.of("\uff11\uff10\uff10\uff11", "\u0420JSIP/1001", "t\u0435st", "x: y", "Action: Hangup", "1001 ", " 1001", "default");
    }

    static Stream<Arguments> hostileValues() {
        return fields().stream().flatMap(field -> Stream.concat(hostileEverywhere().stream(),
                field.asciiPattern() ? hostileForAsciiFields().stream()
                        .filter(value -> !value.equals("default") || field.name().equals("context") || field.name().equals("from"))
                        : Stream.empty())
                .map(value -> Arguments.of(field, value)));
    }

    /** The request that puts {@code value} into {@code field} ({@code default} as the context of an endpoint). */
    static Write hostileRequest(Field field, String value) {
        return field.request().apply(value.equals("default") && field.name().equals("from") ? "100@default" : value);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("hostileValues")
    void everyHostileValueInEveryFieldIsA400NamingItAndReachesNoAsterisk(Field field, String value) {
        HOSTILE_VALUES.incrementAndGet();
        Write write = hostileRequest(field, value);
        String expectedField = field.name().equals("variables.ACCOUNT") ? "variables.ACCOUNT" : field.name();
        call(as(write.role()), write, r -> r).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.field").isEqualTo(expectedField)
                .jsonPath("$.detail").value(String.class, detail -> {
                    assertThat(detail).contains(expectedField);
                    // The problem never echoes the control characters back.
                    assertThat(detail).doesNotContain("\r", "\n", "\u0000");
                });
        assertThat(TestAsteriskBeans.sent).as("actions sent for %s = %s", field, value).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileQueryAndPath")
    void hostileIdsChannelsAndQueuesInTheUrlAre400AndReachNoAsterisk(String uri, String method) {
        REQUESTS.incrementAndGet();
        as("supervisor").method(HttpMethod.valueOf(method)).uri(uri).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("member", "Local/100@test/n", "from", "1003", "to", "600")).exchange()
                .expectStatus().isBadRequest();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    static Stream<Arguments> hostileQueryAndPath() {
        List<Arguments> arguments = new ArrayList<>();
        for (String bad : List.of("%0D%0AAction:%20Hangup", "1%00", "1700000000.1%0A", "%EF%BC%91700000000.1", "x".repeat(5000))) {
            arguments.add(Arguments.of("/api/calls/" + bad, "DELETE"));
            arguments.add(Arguments.of("/api/calls/" + bad + "/transfer", "POST"));
            arguments.add(Arguments.of("/api/calls/" + bad + "/spy", "POST"));
            arguments.add(Arguments.of("/api/calls/" + bad + "/recording", "POST"));
            arguments.add(Arguments.of("/api/calls/" + ID + "?channel=" + bad, "DELETE"));
            arguments.add(Arguments.of("/api/calls/" + ID + "/recording?channel=" + bad, "DELETE"));
            arguments.add(Arguments.of("/api/queues/" + bad + "/pause", "POST"));
            arguments.add(Arguments.of("/api/queues/" + bad + "/members", "POST"));
            arguments.add(Arguments.of("/api/queues/sales/members/" + bad, "DELETE"));
            arguments.add(Arguments.of("/api/calls/" + bad + "/park", "POST"));
            arguments.add(Arguments.of("/api/parking/" + bad + "/pickup", "POST"));
        }
        // Conference rooms and participants are path segments: also ConfBridge's separator, its "all", channel names.
        for (String bad : List.of("%0D%0AAction:%20Hangup", "1%00", "851%0A", "%EF%BC%98%EF%BC%95%EF%BC%91", "x".repeat(5000),
                "85%2C1", "851;x", "Local%2F851%40test-00000001%3B2", "Local/851@test-00000001;2")) {
            arguments.add(Arguments.of("/api/conferences/" + bad + "/lock", "POST"));
            arguments.add(Arguments.of("/api/conferences/" + bad + "/participants/" + ConferenceApiTest.UNIQUE_ID + "/mute", "POST"));
            arguments.add(Arguments.of("/api/conferences/851/participants/" + bad + "/unmute", "POST"));
            arguments.add(Arguments.of("/api/conferences/851/participants/" + bad, "DELETE"));
        }
        // ConfBridge acts on every participant for "all" (and every non-admin for "participants"): not a channel here.
        arguments.add(Arguments.of("/api/conferences/851/participants/all", "DELETE"));
        arguments.add(Arguments.of("/api/conferences/851/participants/participants/mute", "POST"));
        return arguments.stream();
    }
}
