package io.amiboot.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.action.AmiActionSender;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiEvent;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Transfer, spy and recording through the REST API reach a real Asterisk 22 and do what they say. */
@RealAsterisk
class CallControlIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private RunningDashboard dashboard;

    @AfterEach
    void stop() {
        if (dashboard != null) {
            dashboard.hangUpAll("ControlIT");
            dashboard.close();
        }
    }

    /** The first call with a channel showing {@code callerIdName} that satisfies {@code ready}, polled. */
    private JsonNode awaitCall(String callerIdName, Predicate<JsonNode> ready) {
        return Awaitility.await("a call of " + callerIdName + " in the wanted state").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200)).until(() -> listedCall(callerIdName, ready), Objects::nonNull);
    }

    /** The first call the REST API lists now with a channel showing {@code callerIdName} that satisfies {@code ready}, else null. */
    private JsonNode listedCall(String callerIdName, Predicate<JsonNode> ready) {
        JsonNode calls = dashboard.api("viewer").get().uri("/api/calls").retrieve().bodyToMono(JsonNode.class)
                .block(Duration.ofSeconds(10));
        for (JsonNode call : calls) {
            boolean ours = false;
            for (JsonNode channel : call.get("channels")) {
                ours |= channel.get("callerIdName").asString().equals(callerIdName);
            }
            if (ours && ready.test(call)) {
                return call;
            }
        }
        return null;
    }

    private static JsonNode channelNamed(JsonNode call, String prefix, String suffix) {
        for (JsonNode channel : call.get("channels")) {
            String name = channel.get("name").asString();
            if (name.startsWith(prefix) && name.endsWith(suffix)) {
                return channel;
            }
        }
        return null;
    }

    /** A bridged two-party call: 400 dials Local/100@test/n (Local/400;2 talks to Local/100;1). */
    private JsonNode bridgedCall(String callerIdName) {
        dashboard.originate("400", callerIdName);
        return awaitCall(callerIdName, call -> {
            JsonNode agent = channelNamed(call, "Local/100@test-", ";1");
            return agent != null && agent.get("talkingTo").size() == 1;
        });
    }

    private HttpStatus post(String user, String uri, Object body) {
        return (HttpStatus) dashboard.api(user).post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .retrieve().toBodilessEntity().block(PATIENCE).getStatusCode();
    }

    @Test
    void variablesThatWouldLeaveTheAllowedContextsNeverReachAsterisk(TestAsterisk asterisk) throws Exception {
        dashboard = RunningDashboard.start(asterisk, "dashboard.originate-variables=TICKET,TRANSFER_CONTEXT");
        BlockingQueue<AmiEvent> varSets = new LinkedBlockingQueue<>();
        try (AmiClient watcher = AmiClient.connect(asterisk.amiUrl()).get(15, TimeUnit.SECONDS)) {
            watcher.addEventListener(event -> {
                if (event.is("VarSet")) {
                    varSets.add(event);
                }
            });
            for (String name : new String[] { "TRANSFER_CONTEXT", "__FORWARD_CONTEXT", "DYNAMIC_FEATURES" }) {
                HttpStatus refused = originateWithVariable(name, "endpoints");
                assertThat(refused).as(name).isEqualTo(HttpStatus.BAD_REQUEST);
            }
            // The control: an allowed variable does reach the new channel, so a missing VarSet above means something.
            assertThat(originateWithVariable("TICKET", "4711")).isEqualTo(HttpStatus.ACCEPTED);
            AmiEvent ticket;
            do {
                ticket = varSets.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(ticket).as("the VarSet of TICKET").isNotNull();
                assertThat(ticket.get("Variable")).doesNotContainIgnoringCase("TRANSFER_CONTEXT")
                        .doesNotContainIgnoringCase("FORWARD_CONTEXT").doesNotContainIgnoringCase("DYNAMIC_FEATURES");
            }
            while (!"TICKET".equals(ticket.get("Variable")));
            assertThat(ticket.get("Value")).isEqualTo("4711");
        }
    }

    private HttpStatus originateWithVariable(String name, String value) {
        return (HttpStatus) dashboard.api("operator").post().uri("/api/calls").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", "500@test", "to", "200", "context", "test", "callerIdName", "ControlIT vars",
                        "variables", Map.of(name, value)))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode())).block(PATIENCE);
    }

    @Test
    void blindTransferRedirectsTheBridgedPartyToTheTarget(TestAsterisk asterisk) throws Exception {
        dashboard = RunningDashboard.start(asterisk);
        JsonNode call = bridgedCall("ControlIT blind");
        JsonNode agent = channelNamed(call, "Local/100@test-", ";1");
        assertThat(agent.get("talkingTo").get(0).asString()).startsWith("Local/400@test-").endsWith(";2");

        assertThat(post("operator", "/api/calls/" + call.get("id").asString() + "/transfer",
                Map.of("mode", "blind", "channel", agent.get("name").asString(), "to", "600", "context", "test")))
                .isEqualTo(HttpStatus.ACCEPTED);

        String agentName = agent.get("name").asString();
        JsonNode moved = awaitCall("ControlIT blind", c -> {
            JsonNode now = channelNamed(c, agentName, "");
            return now != null && now.get("exten").asString().equals("600") && now.get("talkingTo").isEmpty();
        });
        // The dashboard's event mask leaves out dialplan events (Newexten, VarSet), so the model follows where the
        // channel is from its call events and knows no application until the next snapshot.
        assertThat(channelNamed(moved, agentName, "").get("context").asString()).isEqualTo("test");
    }

    @Test
    void attendedTransferDialsTheTargetFromTheTransferer(TestAsterisk asterisk) throws Exception {
        dashboard = RunningDashboard.start(asterisk);
        JsonNode call = bridgedCall("ControlIT attended");
        JsonNode transferer = channelNamed(call, "Local/400@test-", ";2");
        assertThat(post("operator", "/api/calls/" + call.get("id").asString() + "/transfer",
                Map.of("mode", "attended", "channel", transferer.get("name").asString(), "to", "600", "context", "test")))
                .isEqualTo(HttpStatus.ACCEPTED);
        // Atxfer puts the bridged party on hold and dials 600@test for the transferer: the target's channel appears.
        JsonNode target = Awaitility.await("the transfer target's channel").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> channelAnywhere("Local/600@test-"), Objects::nonNull);
        assertThat(target.get("context").asString()).isEqualTo("test");
        // 600 plays music for minutes under a caller ID of its own: hang it up here, not by the caller name.
        new AmiActionSender(dashboard.context.getBean(AmiClient.class)).hangup(target.get("name").asString())
                .get(10, TimeUnit.SECONDS);
    }

    /** A channel of any call the REST API lists now whose name starts with {@code prefix}, else null. */
    private JsonNode channelAnywhere(String prefix) {
        JsonNode calls = dashboard.api("viewer").get().uri("/api/calls").retrieve().bodyToMono(JsonNode.class)
                .block(Duration.ofSeconds(10));
        for (JsonNode call : calls) {
            JsonNode channel = channelNamed(call, prefix, "");
            if (channel != null) {
                return channel;
            }
        }
        return null;
    }

    @Test
    void aSupervisorSpiesThroughChanSpyAndRecordsWithMixMonitor(TestAsterisk asterisk) throws Exception {
        dashboard = RunningDashboard.start(asterisk);
        dashboard.originate("500", "ControlIT spied");
        JsonNode call = awaitCall("ControlIT spied", c -> c.get("channels").size() == 2);
        String id = call.get("id").asString();

        BlockingQueue<AmiEvent> spyStarts = new LinkedBlockingQueue<>();
        AmiClient ami = dashboard.context.getBean(AmiClient.class);
        AmiClient.Registration registration = ami.addEventListener(event -> {
            if (event.is("ChanSpyStart")) {
                spyStarts.add(event);
            }
        });
        try {
            String spied = call.get("channels").get(0).get("name").asString();
            assertThat(post("supervisor", "/api/calls/" + id + "/spy",
                    Map.of("from", "100@test", "mode", "whisper", "channel", spied))).isEqualTo(HttpStatus.ACCEPTED);
            AmiEvent started = spyStarts.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(started).as("ChanSpyStart").isNotNull();
            assertThat(started.get("SpyeeChannel")).isEqualTo(spied);
            assertThat(started.get("SpyerChannel")).startsWith("Local/100@test-");
        }
        finally {
            registration.close();
        }
        dashboard.hangUpAll("Spy");

        JsonNode recording = dashboard.api("supervisor").post().uri("/api/calls/" + id + "/recording").retrieve()
                .bodyToMono(JsonNode.class).block(PATIENCE);
        assertThat(recording.get("file").asString()).startsWith("amiboot-" + id);
        assertThat(dashboard.api("supervisor").delete().uri("/api/calls/" + id + "/recording").retrieve()
                .toBodilessEntity().block(PATIENCE).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
