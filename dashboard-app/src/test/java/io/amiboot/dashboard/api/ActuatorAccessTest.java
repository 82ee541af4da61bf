package io.amiboot.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who sees which Actuator endpoint: {@code /actuator/health} and its probes answer anyone with the status alone,
 * supervisors also get the details; every other endpoint is for supervisors only, and shows them values with
 * credentials masked.
 */
@DashboardWebTest
class ActuatorAccessTest {

    private static final List<String> SUPERVISOR_ONLY = List.of("/actuator", "/actuator/env",
            "/actuator/env/dashboard.originate-contexts", "/actuator/configprops", "/actuator/info", "/actuator/metrics",
            "/actuator/metrics/jvm.threads.live");

    @Autowired
    private WebTestClient client;

    private WebTestClient as(String user) {
        return client.mutate().defaultHeaders(headers -> headers.setBasicAuth(user, user + "-pw")).build();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
    void healthAndProbesAnswerAnyoneWithTheStatusAlone(String uri) {
        client.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist()
                .jsonPath("$.details").doesNotExist();
        as("operator").get().uri(uri).exchange().expectStatus().isOk().expectBody().jsonPath("$.components").doesNotExist();
    }

    @Test
    void aComponentOfHealthIsNotFoundAnonymously() {
        client.get().uri("/actuator/health/ping").exchange().expectStatus().isNotFound();
        as("supervisor").get().uri("/actuator/health/ping").exchange().expectStatus().isOk();
    }

    @Test
    void supervisorsGetHealthDetails() {
        as("supervisor").get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.diskSpace.details.free").exists();
    }

    @Test
    void everyOtherEndpointIs401WithoutLoginAnd403BelowSupervisor() {
        for (String uri : SUPERVISOR_ONLY) {
            // A Basic challenge, not the login page: these are machine endpoints.
            client.get().uri(uri).exchange().expectStatus().isUnauthorized()
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Basic"));
            as("viewer").get().uri(uri).exchange().expectStatus().isForbidden();
            as("operator").get().uri(uri).exchange().expectStatus().isForbidden();
            as("supervisor").get().uri(uri).exchange().expectStatus().isOk();
        }
    }

    @Test
    void endpointsNotExposedAreNotThereEvenForSupervisors() {
        for (String uri : List.of("/actuator/beans", "/actuator/loggers", "/actuator/heapdump", "/actuator/shutdown")) {
            as("supervisor").get().uri(uri).exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void supervisorsSeeValuesButNoCredentials() {
        as("supervisor").get().uri("/actuator/env/dashboard.originate-contexts").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.property.value").isEqualTo("demo,test");
        // The users' bcrypt hashes are credentials too.
        as("supervisor").get().uri("/actuator/env/dashboard.users.supervisor.password").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.property.value").isEqualTo("******");
        String configprops = as("supervisor").get().uri("/actuator/configprops/dashboard").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(configprops).contains("demo").doesNotContain("$2a$");
    }
}
