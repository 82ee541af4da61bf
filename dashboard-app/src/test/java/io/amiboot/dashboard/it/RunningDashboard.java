package io.amiboot.dashboard.it;

import io.amiboot.dashboard.DashboardApplication;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The whole dashboard on a random port, connected to the test Asterisk, with a viewer and an operator. */
final class RunningDashboard implements AutoCloseable {

    final ConfigurableApplicationContext context;

    final int port;

    private RunningDashboard(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts the dashboard against {@code asterisk}; extra properties replace the defaults of the same name. */
    static RunningDashboard start(TestAsterisk asterisk, String... extraProperties) {
        return start(List.of("ami.url=" + asterisk.amiUrl()), extraProperties);
    }

    /**
     * Starts the dashboard connected by {@code amiProperties} (an {@code ami.url}, or {@code ami.host} and the rest);
     * extra properties replace the defaults of the same name.
     */
    static RunningDashboard start(List<String> amiProperties, String... extraProperties) {
        List<String> properties = new ArrayList<>(amiProperties);
        // The users come from application-testusers.properties (test resources): viewer, operator, supervisor.
        properties.addAll(List.of("server.port=0", "dashboard.originate-contexts=test", "ami.startup.wait=true",
                "spring.profiles.active=testusers"));
        properties.addAll(List.of(extraProperties));
        // A name given twice on the command line would bind as "first,second": the last one given wins instead.
        Map<String, String> byName = new LinkedHashMap<>();
        for (String property : properties) {
            int equals = property.indexOf('=');
            byName.put(property.substring(0, equals), property);
        }
        return new RunningDashboard(new SpringApplicationBuilder(DashboardApplication.class)
                .web(WebApplicationType.REACTIVE).run(byName.values().stream().map(p -> "--" + p).toArray(String[]::new)));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    WebClient api(String user) {
        return WebClient.builder().baseUrl(baseUrl())
                .defaultHeaders(headers -> headers.setBasicAuth(user, user + "-pw")).build();
    }

    /** Originates {@code Local/500@test} to {@code 200@test} through the REST API, as the operator. */
    void originate(String callerIdName) {
        originate("500", callerIdName);
    }

    /**
     * Where the REST resources are: today's URLs ({@code /api/calls}) with one server, the first server's scoped
     * ones ({@code /api/servers/<first>/calls}) with several.
     */
    String resources() {
        JsonNode servers = api("viewer").get().uri("/api/servers").retrieve().bodyToMono(JsonNode.class)
                .block(Duration.ofSeconds(10));
        return servers.size() > 1 ? "/api/servers/" + servers.get(0).get("name").asString() : "/api";
    }

    /** Originates {@code Local/<exten>@test} to {@code 200@test} through the REST API, as the operator. */
    void originate(String exten, String callerIdName) {
        api("operator").post().uri(resources() + "/calls").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", exten + "@test", "to", "200", "context", "test", "callerIdName", callerIdName))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("").map(body -> {
                    if (!response.statusCode().is2xxSuccessful()) {
                        throw new AssertionError("Originate failed: " + response.statusCode() + " " + body);
                    }
                    return body;
                })).block(Duration.ofSeconds(15));
    }

    /** The IDs of the calls with a channel showing {@code callerIdName}. */
    List<String> callsOf(String callerIdName) {
        JsonNode calls = api("viewer").get().uri(resources() + "/calls").retrieve().bodyToMono(JsonNode.class).block(Duration.ofSeconds(10));
        List<String> ids = new ArrayList<>();
        for (JsonNode call : calls) {
            for (JsonNode channel : call.get("channels")) {
                if (channel.get("callerIdName").asString().startsWith(callerIdName)) {
                    ids.add(call.get("id").asString());
                    break;
                }
            }
        }
        return ids;
    }

    /** Hangs up every call showing a caller ID name starting with {@code prefix}, through the REST API. */
    void hangUpAll(String prefix) {
        for (String id : callsOf(prefix)) {
            api("operator").delete().uri(resources() + "/calls/{id}", id).retrieve().toBodilessEntity()
                    .onErrorResume(ignored -> Mono.empty()).block(Duration.ofSeconds(10));
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
