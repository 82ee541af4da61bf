package io.amiboot.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.live.DeviceState;
import io.amiboot.live.LiveCall;
import io.amiboot.live.LiveChannel;
import io.amiboot.live.LiveEndpoint;
import io.amiboot.live.LiveQueue;
import io.amiboot.live.LiveQueueMember;
import io.amiboot.live.LiveSnapshot;
import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiActionException;
import io.amiboot.client.AmiConnectionException;
import io.amiboot.client.AmiResponse;
import io.amiboot.dashboard.TestAsteriskBeans;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every REST endpoint: its answers, its validation (nothing invalid reaches Asterisk), its roles and CSRF. */
@DashboardWebTest
class ApiTest {

    private static final Instant START = Instant.parse("2026-11-26T05:00:00Z");

    private static final LiveCall CALL = new LiveCall("1700000000.1", List.of(
            channel("1700000000.1", "PJSIP/1001-00000001", List.of("Local/100@test-00000002;1")),
            channel("1700000000.2", "Local/100@test-00000002;1", List.of("PJSIP/1001-00000001"))), START);

    private static final LiveQueue QUEUE = new LiveQueue("sales", "ringall", 3, 1,
            List.of(new LiveQueueMember("Local/100@test/n", "Agent", 1, false, "", false, 3)), List.of());

    @Autowired
    private WebTestClient client;

    private static LiveChannel channel(String uniqueId, String name, List<String> talkingTo) {
        return new LiveChannel(uniqueId, "1700000000.1", name, "Up", "1001", "Alice", "100", "", "test", "100", "1",
                "Dial", false, "b-1", talkingTo, START);
    }

    @BeforeEach
    void model() {
        TestAsteriskBeans.reset(new LiveSnapshot(7, true, List.of(CALL), List.of(QUEUE),
                List.of(new LiveEndpoint("1001", "PJSIP/1001", DeviceState.INUSE, "Reachable"))));
    }

    private WebTestClient as(String user) {
        return client.mutate().defaultHeaders(headers -> headers.setBasicAuth(user, user + "-pw")).build();
    }

    private WebTestClient.ResponseSpec post(String user, String uri, Object body) {
        return as(user).post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void expectInvalid(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(field)
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains(field));
        assertThat(TestAsteriskBeans.sent).as("actions sent").isEmpty();
    }

    @Test
    void viewerListsCallsQueuesAndEndpoints() {
        as("viewer").get().uri("/api/calls").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].id").isEqualTo("1700000000.1")
                .jsonPath("$[0].channels[0].name").isEqualTo("PJSIP/1001-00000001")
                .jsonPath("$[0].channels[0].talkingTo[0]").isEqualTo("Local/100@test-00000002;1")
                .jsonPath("$[0].startedAt").isEqualTo("2026-11-26T05:00:00Z")
                .jsonPath("$[0].caller.number").isEqualTo("1001").jsonPath("$[0].caller.name").isEqualTo("Alice")
                .jsonPath("$[0].callee.number").isEqualTo("100").jsonPath("$[0].callee.name").isEqualTo("");
        as("viewer").get().uri("/api/calls/1700000000.1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.channels.length()").isEqualTo(2);
        as("viewer").get().uri("/api/queues").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].name").isEqualTo("sales").jsonPath("$[0].members[0].location").isEqualTo("Local/100@test/n");
        as("viewer").get().uri("/api/endpoints").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].name").isEqualTo("1001").jsonPath("$[0].state").isEqualTo("INUSE");
    }

    @Test
    void anUnknownCallIsA404Problem() {
        as("viewer").get().uri("/api/calls/1700000000.99").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Not found");
    }

    @Test
    void aMalformedCallIdIsA400NamingIt() {
        expectInvalid(as("viewer").get().uri("/api/calls/abc").exchange(), "id");
        // An encoded CR or LF in the path is refused by Spring Security's firewall before any controller.
        as("operator").delete().uri("/api/calls/1%0D%0A2").exchange().expectStatus().isBadRequest();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void unauthenticatedApiRequestsGet401WithABasicChallenge() {
        for (String uri : List.of("/api/calls", "/api/calls/1700000000.1", "/api/queues", "/api/endpoints")) {
            client.get().uri(uri).exchange().expectStatus().isUnauthorized()
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Basic"));
        }
        client.post().uri("/api/calls").contentType(MediaType.APPLICATION_JSON).bodyValue(ValidRequests.originate()).exchange()
                .expectStatus().isUnauthorized();
        client.delete().uri("/api/calls/1700000000.1").exchange().expectStatus().isUnauthorized();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void aWrongPasswordIs401() {
        client.get().uri("/api/calls").headers(h -> h.setBasicAuth("operator", "wrong")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void thePageRedirectsToTheLoginForm() {
        client.get().uri("/").exchange().expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/login"));
        client.get().uri("/login").exchange().expectStatus().isOk();
    }

    @Test
    void viewersMayNotAct() {
        post("viewer", "/api/calls", ValidRequests.originate()).expectStatus().isForbidden();
        as("viewer").delete().uri("/api/calls/1700000000.1").exchange().expectStatus().isForbidden();
        post("viewer", "/api/calls/1700000000.1/transfer", Map.of("to", "600")).expectStatus().isForbidden();
        post("viewer", "/api/queues/sales/pause", Map.of("member", "Local/100@test/n")).expectStatus().isForbidden();
        post("viewer", "/api/queues/sales/unpause", Map.of("member", "Local/100@test/n")).expectStatus().isForbidden();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void operatorOriginatesWithExactlyTheValidatedHeaders() {
        post("operator", "/api/calls", ValidRequests.originate()).expectStatus().isAccepted().expectBody()
                .jsonPath("$.channel").isEqualTo("PJSIP/1001").jsonPath("$.context").isEqualTo("test")
                .jsonPath("$.exten").isEqualTo("200");
        assertThat(TestAsteriskBeans.sent).singleElement().satisfies(action -> {
            assertThat(action.name()).isEqualTo("Originate");
            assertThat(action.get("Channel")).isEqualTo("PJSIP/1001");
            assertThat(action.get("Context")).isEqualTo("test");
            assertThat(action.get("Exten")).isEqualTo("200");
            assertThat(action.get("Priority")).isEqualTo("1");
            assertThat(action.get("Timeout")).isEqualTo("20000");
            assertThat(action.get("Async")).isEqualTo("true");
            assertThat(action.get("CallerID")).isEqualTo("\"Front desk\" <+4930123>");
            assertThat(action.get("Variable")).isEqualTo("ACCOUNT=sales-7");
        });
    }

    @Test
    void supervisorsMayDoWhatOperatorsDo() {
        Map<String, Object> fromExtension = new HashMap<>(ValidRequests.originate());
        fromExtension.put("from", "500@test");
        fromExtension.remove("context");
        post("supervisor", "/api/calls", fromExtension).expectStatus().isAccepted();
        assertThat(TestAsteriskBeans.sent).singleElement().satisfies(action -> {
            assertThat(action.get("Channel")).isEqualTo("Local/500@test");
            assertThat(action.get("Context")).as("the first allowed context").isEqualTo("demo");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "from", "to", "context", "callerIdName", "callerIdNumber" })
    void aLineBreakInAnyOriginateFieldIsA400NamingIt(String field) {
        for (String injection : List.of("\r\nAction: Command", "x\ny", "x\r", "x\u0000")) {
            Map<String, Object> body = ValidRequests.originate();
            body.put(field, "1" + injection);
            expectInvalid(post("operator", "/api/calls", body), field);
        }
    }

    @Test
    void aLineBreakInAVariableIsA400NamingIt() {
        Map<String, Object> body = ValidRequests.originate();
        body.put("variables", Map.of("ACCOUNT", "x\r\nAction: Command"));
        expectInvalid(post("operator", "/api/calls", body), "variables.ACCOUNT");
        body.put("variables", Map.of("BAD\nNAME", "x"));
        expectInvalid(post("operator", "/api/calls", body), "variables");
    }

    @Test
    void variablesAsteriskActsOnAreRefusedWithOrWithoutInheritancePrefixEvenWhenListed() {
        // TRANSFER_CONTEXT is even in dashboard.originate-variables here: Asterisk acts on it all the same.
        for (String name : List.of("TRANSFER_CONTEXT", "__FORWARD_CONTEXT", "_TRANSFER_CONTEXT", "DYNAMIC_FEATURES",
                "GOTO_ON_BLINDXFR", "transfer_context")) {
            Map<String, Object> body = ValidRequests.originate();
            body.put("variables", Map.of(name, "endpoints"));
            expectInvalid(post("operator", "/api/calls", body), "variables." + name);
        }
    }

    @Test
    void onlyListedVariablesMaySetComparedWithoutInheritancePrefixes() {
        Map<String, Object> body = ValidRequests.originate();
        body.put("variables", Map.of("CUSTOMER", "4711"));
        post("operator", "/api/calls", body).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("variables.CUSTOMER")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("dashboard.originate-variables"));
        assertThat(TestAsteriskBeans.sent).isEmpty();
        // the list names __TICKET: TICKET, _TICKET and __TICKET are the same variable to Asterisk's lookups
        body.put("variables", Map.of("TICKET", "1", "_TICKET", "2", "__ACCOUNT", "3"));
        post("operator", "/api/calls", body).expectStatus().isAccepted();
        assertThat(TestAsteriskBeans.sent).singleElement().satisfies(action -> assertThat(IntStream.range(0, action.size())
                .filter(i -> action.headerName(i).equals("Variable")).mapToObj(action::headerValue))
                .containsExactly("TICKET=1", "_TICKET=2", "__ACCOUNT=3"));
    }

    @Test
    void aCommaInAVariableValueIsA400NamingTheVariable() {
        Map<String, Object> body = ValidRequests.originate();
        body.put("variables", Map.of("ACCOUNT", "x,TRANSFER_CONTEXT=trunk"));
        expectInvalid(post("operator", "/api/calls", body), "variables.ACCOUNT");
    }

    @Test
    void badPatternsAreA400NamingTheField() {
        Map<String, Object> body = ValidRequests.originate();
        body.put("to", "200;hangup");
        expectInvalid(post("operator", "/api/calls", body), "to");
        body = ValidRequests.originate();
        body.put("from", "PJSIP/1001&PJSIP/1002");
        expectInvalid(post("operator", "/api/calls", body), "from");
        body = ValidRequests.originate();
        body.put("callerIdNumber", "12ab");
        expectInvalid(post("operator", "/api/calls", body), "callerIdNumber");
        body = ValidRequests.originate();
        body.put("timeoutSeconds", 0);
        expectInvalid(post("operator", "/api/calls", body), "timeoutSeconds");
        body = ValidRequests.originate();
        body.remove("to");
        expectInvalid(post("operator", "/api/calls", body), "to");
    }

    @Test
    void originateContextsAreLimitedToTheAllowList() {
        Map<String, Object> body = ValidRequests.originate();
        body.put("context", "from-trunk");
        expectInvalid(post("operator", "/api/calls", body), "context");
        body = ValidRequests.originate();
        body.put("from", "100@default");
        expectInvalid(post("operator", "/api/calls", body), "from");
    }

    @Test
    void hangingUpACallHangsUpEachOfItsChannels() {
        as("operator").delete().uri("/api/calls/1700000000.1").exchange().expectStatus().isNoContent();
        assertThat(TestAsteriskBeans.sent).extracting(AmiAction::name).containsOnly("Hangup");
        assertThat(TestAsteriskBeans.sent).extracting(a -> a.get("Channel"))
                .containsExactly("PJSIP/1001-00000001", "Local/100@test-00000002;1");
    }

    @Test
    void hangingUpOneChannelByUniqueIdOrName() {
        as("operator").delete().uri("/api/calls/1700000000.1?channel=1700000000.2").exchange().expectStatus().isNoContent();
        assertThat(TestAsteriskBeans.sent).extracting(a -> a.get("Channel")).containsExactly("Local/100@test-00000002;1");
        as("operator").delete().uri("/api/calls/1700000000.1?channel=PJSIP/1009-00000009").exchange().expectStatus().isNotFound();
        TestAsteriskBeans.sent.clear();
        expectInvalid(as("operator").delete().uri("/api/calls/1700000000.1?channel={c}", "PJSIP/1001\r\n").exchange(), "channel");
    }

    @Test
    void blindTransferIsARedirect() {
        post("operator", "/api/calls/1700000000.1/transfer", Map.of("mode", "blind", "to", "600", "context", "test"))
                .expectStatus().isAccepted();
        assertThat(TestAsteriskBeans.sent).singleElement().satisfies(action -> {
            assertThat(action.name()).isEqualTo("Redirect");
            assertThat(action.get("Channel")).isEqualTo("PJSIP/1001-00000001");
            assertThat(action.get("Exten")).isEqualTo("600");
            assertThat(action.get("Context")).isEqualTo("test");
            assertThat(action.get("Priority")).isEqualTo("1");
        });
    }

    @Test
    void attendedTransferIsAnAtxferOfTheChosenChannel() {
        post("operator", "/api/calls/1700000000.1/transfer",
                Map.of("mode", "attended", "channel", "Local/100@test-00000002;1", "to", "600")).expectStatus().isAccepted();
        assertThat(TestAsteriskBeans.sent).singleElement().satisfies(action -> {
            assertThat(action.name()).isEqualTo("Atxfer");
            assertThat(action.get("Channel")).isEqualTo("Local/100@test-00000002;1");
            assertThat(action.get("Context")).isEqualTo("demo");
        });
    }

    @Test
    void transfersAreValidated() {
        expectInvalid(post("operator", "/api/calls/1700000000.1/transfer", Map.of("mode", "sideways", "to", "600")), "mode");
        expectInvalid(post("operator", "/api/calls/1700000000.1/transfer", Map.of("to", "600\r\n")), "to");
        expectInvalid(post("operator", "/api/calls/1700000000.1/transfer", Map.of("to", "600", "context", "default")), "context");
        expectInvalid(post("operator", "/api/calls/1700000000.1/transfer", Map.of("to", "600", "channel", "x\ny")), "channel");
    }

    @Test
    void queueMembersArePausedAndUnpaused() {
        post("operator", "/api/queues/sales/pause", Map.of("member", "Local/100@test/n", "reason", "lunch"))
                .expectStatus().isAccepted();
        post("operator", "/api/queues/sales/unpause", Map.of("member", "Local/100@test/n")).expectStatus().isAccepted();
        assertThat(TestAsteriskBeans.sent).extracting(AmiAction::name).containsExactly("QueuePause", "QueuePause");
        assertThat(TestAsteriskBeans.sent.get(0)).satisfies(action -> {
            assertThat(action.get("Queue")).isEqualTo("sales");
            assertThat(action.get("Interface")).isEqualTo("Local/100@test/n");
            assertThat(action.get("Paused")).isEqualTo("true");
            assertThat(action.get("Reason")).isEqualTo("lunch");
        });
        assertThat(TestAsteriskBeans.sent.get(1).get("Paused")).isEqualTo("false");
    }

    @Test
    void pausingIsValidated() {
        expectInvalid(post("operator", "/api/queues/sales/pause", Map.of("member", "Local/100@test/n\r\nAction: Logoff")), "member");
        expectInvalid(post("operator", "/api/queues/sales/pause", Map.of("member", "Local/100@test/n", "reason", "a\nb")), "reason");
        post("operator", "/api/queues/sa%0Ales/pause", Map.of("member", "Local/100@test/n")).expectStatus().isBadRequest();
        expectInvalid(post("operator", "/api/queues/sa.les/pause", Map.of("member", "Local/100@test/n")), "queue");
        post("operator", "/api/queues/nosuch/pause", Map.of("member", "Local/100@test/n")).expectStatus().isNotFound();
    }

    @Test
    void browserWritesNeedTheCsrfToken() {
        String token = client.get().uri("/login").exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        client.post().uri("/login").cookie("XSRF-TOKEN", token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=operator&password=operator-pw").exchange().expectStatus().isForbidden();
        String session = client.post().uri("/login").cookie("XSRF-TOKEN", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=operator&password=operator-pw&_csrf=" + token).exchange()
                .expectStatus().isFound().expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).isEqualTo("/"))
                .returnResult(String.class).getResponseCookies().getFirst("SESSION").getValue();

        client.post().uri("/api/calls").cookie("SESSION", session).cookie("XSRF-TOKEN", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ValidRequests.originate()).exchange().expectStatus().isForbidden();
        client.delete().uri("/api/calls/1700000000.1").cookie("SESSION", session).cookie("XSRF-TOKEN", token)
                .exchange().expectStatus().isForbidden();
        assertThat(TestAsteriskBeans.sent).isEmpty();

        client.post().uri("/api/calls").cookie("SESSION", session).cookie("XSRF-TOKEN", token).header("X-XSRF-TOKEN", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ValidRequests.originate()).exchange().expectStatus().isAccepted();
        assertThat(TestAsteriskBeans.sent).hasSize(1);
        client.get().uri("/api/calls").cookie("SESSION", session).exchange().expectStatus().isOk();

        client.post().uri("/logout").cookie("SESSION", session).cookie("XSRF-TOKEN", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("_csrf=" + token).exchange()
                .expectStatus().isFound().expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).isEqualTo("/login?logout"));
        client.get().uri("/api/calls").cookie("SESSION", session).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theXsrfCookieIsIssuedForThePageToEchoBack() {
        client.get().uri("/login").exchange().expectStatus().isOk().expectCookie().exists("XSRF-TOKEN");
    }

    @Test
    void asteriskRefusingIsA502AndBeingDownA503() {
        TestAsteriskBeans.answer = action -> CompletableFuture.failedFuture(new AmiActionException("Originate",
                AmiResponse.of("Response", "Error", "Message", "Extension does not exist.")));
        post("operator", "/api/calls", ValidRequests.originate()).expectStatus().isEqualTo(502)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("Extension does not exist"));
        TestAsteriskBeans.answer = action -> CompletableFuture.failedFuture(new AmiConnectionException("down"));
        post("operator", "/api/calls", ValidRequests.originate()).expectStatus().isEqualTo(503);
    }

    @Test
    void unreadableJsonIsA400Problem() {
        as("operator").post().uri("/api/calls").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void theWebSocketHandshakeNeedsASessionAndRefusesForeignOrigins() {
        client.get().uri("/ws/live").header(HttpHeaders.ORIGIN, "http://localhost").exchange().expectStatus().isUnauthorized();
        as("viewer").get().uri("/ws/live").header(HttpHeaders.ORIGIN, "https://evil.example").exchange()
                .expectStatus().isForbidden();
        // Same origin (or no Origin, as non-browser clients send) passes the check and reaches the upgrade, which a
        // plain GET cannot complete.
        as("viewer").get().uri("/ws/live").exchange().expectStatus().value(status -> assertThat(status).isNotIn(401, 403));
    }

    @Test
    void meTellsThePageTheUserRolesAndContexts() {
        as("operator").get().uri("/api/me").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("operator")
                .jsonPath("$.roles.length()").isEqualTo(2)
                .jsonPath("$.roles[0]").isEqualTo("operator").jsonPath("$.roles[1]").isEqualTo("viewer")
                .jsonPath("$.originateContexts[1]").isEqualTo("test");
        client.get().uri("/api/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void supervisorsSpyWhisperAndBargeThroughChanSpy() {
        post("supervisor", "/api/calls/1700000000.1/spy", Map.of("from", "1003")).expectStatus().isAccepted();
        post("supervisor", "/api/calls/1700000000.1/spy",
                Map.of("from", "1003", "mode", "whisper", "channel", "1700000000.2")).expectStatus().isAccepted();
        post("supervisor", "/api/calls/1700000000.1/spy", Map.of("from", "100@test", "mode", "barge")).expectStatus().isAccepted();
        assertThat(TestAsteriskBeans.sent).extracting(AmiAction::name).containsOnly("Originate");
        assertThat(TestAsteriskBeans.sent).extracting(a -> a.get("Channel"))
                .containsExactly("PJSIP/1003", "PJSIP/1003", "Local/100@test");
        assertThat(TestAsteriskBeans.sent).extracting(a -> a.get("Application")).containsOnly("ChanSpy");
        assertThat(TestAsteriskBeans.sent).extracting(a -> a.get("Data")).containsExactly(
                "PJSIP/1001-00000001,qE", "Local/100@test-00000002;1,qwE", "PJSIP/1001-00000001,qBE");
    }

    @Test
    void spyingIsValidatedAndForSupervisorsOnly() {
        post("operator", "/api/calls/1700000000.1/spy", Map.of("from", "1003")).expectStatus().isForbidden();
        post("viewer", "/api/calls/1700000000.1/spy", Map.of("from", "1003")).expectStatus().isForbidden();
        assertThat(TestAsteriskBeans.sent).isEmpty();
        expectInvalid(post("supervisor", "/api/calls/1700000000.1/spy", Map.of("from", "1003\r\n")), "from");
        expectInvalid(post("supervisor", "/api/calls/1700000000.1/spy", Map.of("from", "1003", "mode", "shout")), "mode");
        expectInvalid(post("supervisor", "/api/calls/1700000000.1/spy", Map.of("from", "100@default")), "from");
    }

    @Test
    void supervisorsStartAndStopRecordings() {
        as("supervisor").post().uri("/api/calls/1700000000.1/recording").exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.channel").isEqualTo("PJSIP/1001-00000001")
                .jsonPath("$.file").value(String.class, file -> assertThat(file).matches("amiboot-1700000000\\.1-\\d+\\.wav"));
        as("supervisor").delete().uri("/api/calls/1700000000.1/recording?channel=1700000000.2").exchange()
                .expectStatus().isNoContent();
        assertThat(TestAsteriskBeans.sent).extracting(AmiAction::name).containsExactly("MixMonitor", "StopMixMonitor");
        assertThat(TestAsteriskBeans.sent.get(1).get("Channel")).isEqualTo("Local/100@test-00000002;1");
        TestAsteriskBeans.sent.clear();
        as("operator").post().uri("/api/calls/1700000000.1/recording").exchange().expectStatus().isForbidden();
        as("operator").delete().uri("/api/calls/1700000000.1/recording").exchange().expectStatus().isForbidden();
        assertThat(TestAsteriskBeans.sent).isEmpty();
    }

    @Test
    void theApiIsDocumentedWithOpenApiForSignedInUsers() {
        // springdoc builds the document on its first request: on a loaded machine that takes longer than
        // WebTestClient's default 5 s.
        as("viewer").mutate().responseTimeout(Duration.ofSeconds(30)).build().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/calls'].post").exists()
                .jsonPath("$.paths['/api/calls/{id}'].delete").exists()
                .jsonPath("$.paths['/api/calls/{id}/transfer'].post").exists()
                .jsonPath("$.paths['/api/queues/{queue}/pause'].post").exists()
                .jsonPath("$.paths['/api/endpoints'].get").exists();
        client.get().uri("/v3/api-docs").exchange().expectStatus().isUnauthorized();
    }
}
