package io.amiboot.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiEvent;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import tools.jackson.databind.JsonNode;

/**
 * The raw event log on the running dashboard against the real Asterisk, logged in with every event class so that
 * Asterisk really sends what must stay out: a viewer and an operator are refused the log; a supervisor gets it
 * without the variable values, dialplan data and security events that a test's own unfiltered client sees.
 */
@RealAsterisk
class EventLogPrivacyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static final String SECRET = "Pin-4711-0815";

    private static final Set<String> DENIED = Set.of("varset", "newexten", "dtmfbegin", "dtmfend", "cdr", "cel",
            "invalidpassword", "challengeresponsefailed", "challengesent", "successfulauth", "failedacl", "invalidaccountid");

    private RunningDashboard dashboard;

    @AfterEach
    void stop() {
        if (dashboard != null) {
            dashboard.hangUpAll("PrivacyIT");
            dashboard.close();
        }
    }

    @Test
    void onlySupervisorsGetTheEventLogAndItCarriesNoSecrets(TestAsterisk asterisk) throws Exception {
        dashboard = RunningDashboard.start(asterisk, "ami.events.mask=on");
        for (String user : List.of("viewer", "operator")) {
            CloseStatus refused = closeStatusOf(user, "/ws/live?kinds=calls,events");
            assertThat(refused.getCode()).as(user).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode());
            assertThat(refused.getReason()).as(user).contains("supervisors");
        }

        List<AmiEvent> unfiltered = new CopyOnWriteArrayList<>();
        try (AmiClient control = AmiClient.connect(asterisk.amiUrl()).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                SocketListener log = new SocketListener(dashboard, "supervisor", "/ws/live?kinds=events")) {
            control.addEventListener(unfiltered::add);
            // The relay sends its snapshot once the session listens to the event log: from then on nothing is missed.
            log.await("the snapshot", message -> message.path("type").asString("").equals("snapshot"), PATIENCE);
            dashboard.originate("PrivacyIT");
            String channel = waitForChannel("PrivacyIT");
            control.send(AmiAction.builder("Setvar").header("Channel", channel).header("Variable", "PIN")
                    .header("Value", SECRET).build()).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            failOneLogin(asterisk);
            control.send(AmiAction.builder("UserEvent").header("UserEvent", "PrivacyMarker").build())
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            List<JsonNode> shown = new ArrayList<>();
            log.await("the marker", message -> {
                shown.add(message);
                return message.path("event").path("UserEvent").asString("").equals("PrivacyMarker");
            }, PATIENCE);
            // The control: Asterisk did send the secret and the security event, to a session that takes everything.
            assertThat(unfiltered).anySatisfy(event -> assertThat(event.is("VarSet") && SECRET.equals(event.get("Value"))).isTrue());
            assertThat(unfiltered).anySatisfy(event -> assertThat(event.get("Privilege")).startsWith("security"));
            assertThat(unfiltered).anySatisfy(event -> assertThat(event.is("Newexten")).isTrue());

            List<String> names = shown.stream().map(message -> message.path("event").path("Event").asString("")).toList();
            assertThat(names).as("the supervisor's log").contains("Newchannel", "UserEvent")
                    .noneMatch(name -> DENIED.contains(name.toLowerCase(Locale.ROOT)));
            assertThat(shown).noneMatch(message -> message.toString().contains(SECRET))
                    .noneMatch(message -> message.path("event").path("Privilege").asString("").startsWith("security"));
        }
    }

    private String waitForChannel(String callerIdName) {
        List<String> ids = Awaitility.await("a call of " + callerIdName).atMost(PATIENCE)
                .until(() -> dashboard.callsOf(callerIdName), found -> !found.isEmpty());
        JsonNode call = dashboard.api("viewer").get().uri("/api/calls/{id}", ids.get(0)).retrieve()
                .bodyToMono(JsonNode.class).block(PATIENCE);
        return call.get("channels").get(0).get("name").asString();
    }

    /** A login with a wrong secret on a raw AMI socket: Asterisk raises a security event for it. */
    private static void failOneLogin(TestAsterisk asterisk) throws Exception {
        try (Socket socket = new Socket(asterisk.host(), asterisk.amiPort())) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("Action: Login\r\nUsername: " + asterisk.username() + "\r\nSecret: wrong-" + SECRET
                    + "\r\nActionID: privacy\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(64), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("Asterisk Call Manager");
        }
    }

    /** Opens {@code /ws/live} as {@code user} and returns how the dashboard closed it. */
    private CloseStatus closeStatusOf(String user, String pathAndQuery) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes()));
        headers.set(HttpHeaders.ORIGIN, dashboard.baseUrl());
        CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        new ReactorNettyWebSocketClient().execute(URI.create("ws://127.0.0.1:" + dashboard.port + pathAndQuery), headers,
                session -> session.closeStatus().doOnNext(closed::complete).and(session.receive().then())).subscribe();
        return closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
}
