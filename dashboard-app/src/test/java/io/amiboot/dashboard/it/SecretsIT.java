package io.amiboot.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.TestAsterisk;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AMI secret never shows anywhere the running dashboard writes or answers: not in its log (the client's
 * {@code io.amiboot} loggers at TRACE), not in exceptions or the startup failure report, not in
 * {@code /actuator/env}, {@code /actuator/configprops} or {@code /actuator/health} (as a supervisor, who sees
 * values, or anonymously), not in the REST API. Against the real Asterisk, with the {@code canary} user whose
 * secret no other file of the project contains, given in {@code ami.url}, in {@code ami.secret}, under a name of
 * the operator's choosing that {@code ami.url} refers to, and wrong.
 */
@RealAsterisk
@ExtendWith(OutputCaptureExtension.class)
class SecretsIT {

    private static final String CANARY = "Canary-5ecret-9f3Q";

    /** Asterisk refuses it; it must not show either. */
    private static final String WRONG = "Wrong-Canary-7Zq2";

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** An AMI URL whose user info still holds a secret (masked ones are asterisks). */
    private static final Pattern UNMASKED_URL = Pattern.compile("amis?://[^\\s:/@\"]+:(?!\\*+@)[^\\s/@\"]+@");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request and what came back. */
    private record Answer(String request, int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + body;
        }
    }

    @Test
    void secretInTheUrl(TestAsterisk asterisk, CapturedOutput output) throws Exception {
        String address = address(asterisk);
        connected("secret in ami.url", List.of("ami.url=ami://canary:" + CANARY + "@" + address),
                Map.of("ami.url", "ami://canary:******@" + address), asterisk, output);
    }

    @Test
    void secretInItsOwnProperty(TestAsterisk asterisk, CapturedOutput output) throws Exception {
        // Values are shown to the supervisor: only the secret is masked.
        connected("secret in ami.secret", List.of("ami.host=" + asterisk.host(), "ami.port=" + asterisk.amiPort(),
                "ami.username=canary", "ami.secret=" + CANARY), Map.of("ami.secret", "******", "ami.username", "canary"),
                asterisk, output);
    }

    @Test
    void secretUnderAnotherNameThatTheUrlRefersTo(TestAsterisk asterisk, CapturedOutput output) throws Exception {
        // As ami.url=ami://canary:${PBX_PASS}@pbx with PBX_PASS in the environment: a name that neither the starter's
        // key rules nor Boot's credential heuristics (password, secret, key, token) recognize.
        String address = address(asterisk);
        connected("secret under another name, referred to by ami.url", List.of("pbx.pass=" + CANARY,
                "ami.url=ami://canary:${pbx.pass}@" + address), Map.of("pbx.pass", "******"), asterisk, output);
    }

    /**
     * Starts the dashboard logged in as the canary with {@code amiProperties}, checks that {@code /actuator/env}
     * shows each of {@code shown} with that value, and that the secret shows nowhere.
     */
    private static void connected(String scenario, List<String> amiProperties, Map<String, String> shown, TestAsterisk asterisk,
            CapturedOutput output) {
        List<String> exposed = new ArrayList<>();
        List<Answer> answers;
        try (RunningDashboard dashboard = RunningDashboard.start(amiProperties, "logging.level.io.amiboot=TRACE")) {
            awaitAmi(dashboard, "UP", health -> health.path("status").asString("").equals("UP"));
            answers = visit(dashboard, true, exposed);
            for (String property : shown.keySet()) {
                answers.add(get(dashboard.api("supervisor"), "supervisor", "/actuator/env/" + property));
            }
        }
        shown.forEach((property, value) -> assertThat(find(answers, "supervisor GET /actuator/env/" + property).json()
                .at("/property/value").asString()).as(property).isEqualTo(value));
        assertConnectedAndShown(answers, address(asterisk));
        assertThat(output.getAll()).contains("logged in to Asterisk").contains("as canary");
        assertNoSecret(CANARY, answers, exposed, output);
        report(scenario, answers, exposed, output);
    }

    @Test
    void aWrongSecretFailsStartupOrShowsDownWithoutTheSecret(TestAsterisk asterisk, CapturedOutput output) throws Exception {
        String address = address(asterisk);
        String url = "ami.url=ami://canary:" + WRONG + "@" + address;
        List<String> exposed = new ArrayList<>();

        // Waiting for the first login: Asterisk refuses it, and startup fails at once with a report.
        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> RunningDashboard.start(List.of(url), "logging.level.io.amiboot=TRACE").close());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("startup with a refused login").isLessThan(PATIENCE);
        assertThat(failure).isNotNull();
        exposed.add(stackTrace(failure));
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            exposed.add(String.valueOf(cause.getMessage()));
        }
        assertThat(String.join("\n", exposed)).contains("was refused").contains("Authentication failed")
                .contains("ami://canary:******@" + address);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains("ami://canary:******@" + address);

        // Not waiting: the dashboard starts, keeps trying, and its health says why AMI is down.
        List<Answer> answers;
        try (RunningDashboard dashboard = RunningDashboard.start(List.of(url), "logging.level.io.amiboot=TRACE",
                "ami.startup.wait=false")) {
            JsonNode ami = awaitAmi(dashboard, "DOWN with the reason", health -> health.path("status").asString("").equals("DOWN")
                    && health.at("/details/reason").asString("").contains("Authentication failed"));
            assertThat(ami.at("/details/address").asString()).isEqualTo(address);
            answers = visit(dashboard, false, exposed);
        }
        assertThat(find(answers, "anonymous GET /actuator/health").status()).isEqualTo(503);
        assertThat(find(answers, "operator POST /api/calls").status()).as("not connected").isEqualTo(503);
        assertNoSecret(WRONG, answers, exposed, output);
        report("wrong secret", answers, exposed, output);
    }

    /**
     * What the dashboard shows of itself: the Actuator endpoints as supervisor, viewer and anonymously, the REST
     * API a viewer reads, and failing actions: through the API a QueuePause Asterisk refuses (connected) or an
     * Originate with no connection, and an action Asterisk does not know.
     */
    private static List<Answer> visit(RunningDashboard dashboard, boolean connected, List<String> exposed) {
        List<Answer> answers = new ArrayList<>();
        WebClient supervisor = dashboard.api("supervisor");
        WebClient viewer = dashboard.api("viewer");
        WebClient anonymous = WebClient.create(dashboard.baseUrl());
        for (String uri : List.of("/actuator", "/actuator/env", "/actuator/env/ami.url", "/actuator/configprops",
                "/actuator/configprops/ami", "/actuator/health", "/actuator/health/ami", "/actuator/info",
                "/actuator/metrics/ami.reconnects")) {
            answers.add(get(supervisor, "supervisor", uri));
        }
        for (String uri : List.of("/actuator/health", "/actuator/health/ami", "/actuator/health/liveness",
                "/actuator/health/readiness", "/actuator/env")) {
            answers.add(get(anonymous, "anonymous", uri));
        }
        for (String uri : List.of("/actuator/health", "/actuator/env", "/api/calls", "/api/queues", "/api/endpoints",
                "/api/me", "/v3/api-docs")) {
            answers.add(get(viewer, "viewer", uri));
        }
        answers.add(connected ? post(dashboard, "/api/queues/sales/pause", Map.of("member", "Local/999@test/n", "reason", "leak check"))
                : post(dashboard, "/api/calls", Map.of("from", "500@test", "to", "200", "context", "test")));
        AmiClient client = dashboard.context.getBean(AmiClient.class);
        exposed.add(stackTrace(catchThrowable(() -> client.send(AmiAction.of("NoSuchLeakCheck")).join())));
        exposed.add(client.toString());
        exposed.add(client.options().toString());
        exposed.add(String.valueOf(client.lastConnectionEvent()));
        return answers;
    }

    /** Health, env and configprops of a connected dashboard say what they should, so the checks are not vacuous. */
    private static void assertConnectedAndShown(List<Answer> answers, String address) {
        Answer health = find(answers, "supervisor GET /actuator/health");
        assertThat(health.json().at("/components/ami/components/default/status").asString()).isEqualTo("UP");
        assertThat(health.json().at("/components/ami/components/default/details/address").asString()).isEqualTo(address);
        Answer anonymous = find(answers, "anonymous GET /actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        // The status and the names of the probe groups, nothing about the components.
        assertThat(anonymous.json().properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("status", "groups");
        assertThat(find(answers, "anonymous GET /actuator/health/liveness").status()).isEqualTo(200);
        assertThat(find(answers, "anonymous GET /actuator/env").status()).isEqualTo(401);
        assertThat(find(answers, "viewer GET /actuator/env").status()).isEqualTo(403);
        assertThat(find(answers, "viewer GET /api/me").body()).contains("viewer");
        assertThat(find(answers, "supervisor GET /actuator/configprops/ami").body()).contains("canary");
        assertThat(find(answers, "operator POST /api/queues/sales/pause").status()).as("refused by Asterisk").isEqualTo(502);
    }

    /**
     * Neither {@code secret} nor its URL-encoded form in any answer, exposed text or line of output, no AMI URL
     * with its secret in clear, and no user info at all in health.
     */
    private static void assertNoSecret(String secret, List<Answer> answers, List<String> exposed, CapturedOutput output) {
        List<String> texts = new ArrayList<>(exposed);
        answers.forEach(answer -> texts.add(answer.toString()));
        texts.add(output.getAll());
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        assertThat(answers).hasSizeGreaterThan(20);
        for (String text : texts) {
            assertThat(text).doesNotContain(secret).doesNotContain(encoded).doesNotContainPattern(UNMASKED_URL);
        }
        // Health names the address alone, never the URL's user info, not even masked.
        answers.stream().filter(answer -> answer.request().contains("/actuator/health"))
                .forEach(answer -> assertThat(answer.body()).doesNotContain("canary:").doesNotContain("ami://"));
    }

    private static void report(String scenario, List<Answer> answers, List<String> exposed, CapturedOutput output) {
        Answer failed = answers.stream().filter(answer -> answer.request().startsWith("operator POST")).findFirst().orElseThrow();
        Reliability.row("Secrets in the running dashboard: " + scenario,
                "the whole dashboard on the real Asterisk 22, io.amiboot logging at TRACE",
                answers.size() + " requests (env, env of single properties, configprops, health, info, metrics as supervisor; health,"
                        + " probes, env anonymously and as viewer; the viewer's REST API; " + failed.request() + " answered "
                        + failed.status() + "), " + exposed.size() + " exceptions/startup failures/toStrings, "
                        + output.getAll().lines().count() + " lines of output",
                "the secret (plain and URL-encoded) and any AMI URL with its secret in clear appear in none",
                "nothing");
    }

    /** The {@code ami} health of the default server, as a supervisor sees it, once it is {@code wanted}. */
    private static JsonNode awaitAmi(RunningDashboard dashboard, String what, Predicate<JsonNode> wanted) {
        return Awaitility.await("AMI health " + what).atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> get(dashboard.api("supervisor"), "supervisor", "/actuator/health").json()
                        .at("/components/ami/components/default"), wanted);
    }

    private static Answer get(WebClient client, String who, String uri) {
        return client.get().uri(uri).exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                .map(body -> new Answer(who + " GET " + uri, response.statusCode().value(), body))).block(PATIENCE);
    }

    private static Answer post(RunningDashboard dashboard, String uri, Map<String, String> body) {
        return dashboard.api("operator").post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> new Answer("operator POST " + uri, response.statusCode().value(), text)))
                .block(PATIENCE);
    }

    private static Answer find(List<Answer> answers, String request) {
        return answers.stream().filter(answer -> answer.request().equals(request)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + request));
    }

    private static String address(TestAsterisk asterisk) {
        String host = asterisk.host().indexOf(':') >= 0 ? "[" + asterisk.host() + "]" : asterisk.host();
        return host + ":" + asterisk.amiPort();
    }

    private static String stackTrace(Throwable thrown) {
        assertThat(thrown).isNotNull();
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
