package io.amiboot.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.dashboard.TestAsteriskBeans;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Actuator on a port of its own ({@code management.server.port}), as a fleet might put it behind a firewall: the
 * same rules hold there (Spring Security's filter runs in the management server too), and the dashboard's port
 * no longer serves Actuator at all.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "ami.enabled=false",
        "server.address=127.0.0.1", "management.server.port=0", "management.server.address=127.0.0.1" })
@ActiveProfiles("testusers")
@Import(TestAsteriskBeans.class)
class ManagementPortTest {

    @LocalManagementPort
    private int managementPort;

    @LocalServerPort
    private int serverPort;

    private WebTestClient on(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void theManagementPortKeepsTheRules() {
        WebTestClient management = on(managementPort);
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Basic"));
        management.get().uri("/actuator/prometheus").headers(headers -> headers.setBasicAuth("scraper", "scraper-pw"))
                .exchange().expectStatus().isOk();
        for (String uri : new String[] { "/actuator/env", "/actuator/configprops", "/actuator/metrics" }) {
            management.get().uri(uri).exchange().expectStatus().isUnauthorized();
            management.get().uri(uri).headers(headers -> headers.setBasicAuth("scraper", "scraper-pw"))
                    .exchange().expectStatus().isForbidden();
            management.get().uri(uri).headers(headers -> headers.setBasicAuth("operator", "operator-pw"))
                    .exchange().expectStatus().isForbidden();
        }
        management.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components").doesNotExist();
    }

    @Test
    void theDashboardsPortServesNoActuator() {
        on(serverPort).get().uri("/actuator/prometheus").headers(headers -> headers.setBasicAuth("supervisor", "supervisor-pw"))
                .exchange().expectStatus().isNotFound();
    }
}
