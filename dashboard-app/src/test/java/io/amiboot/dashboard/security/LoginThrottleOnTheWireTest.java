package io.amiboot.dashboard.security;

import io.amiboot.dashboard.TestAsteriskBeans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The throttle on the real server (Reactor Netty on a random loopback port): it finds the connection's remote
 * address and ignores a forged {@code X-Forwarded-For}, since no forward-headers strategy is configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ami.enabled=false",
        "dashboard.login-throttle.failures-per-user=1000",
        "dashboard.login-throttle.failures-per-address=3" })
@ActiveProfiles("testusers")
@AutoConfigureWebTestClient
@Import(TestAsteriskBeans.class)
class LoginThrottleOnTheWireTest {

    @Autowired
    private WebTestClient client;

    @Test
    void theConnectionsAddressIsThrottledWhateverXForwardedForClaims() {
        for (int guess = 1; guess <= 3; guess++) {
            String forged = "198.51.100." + guess;
            String name = "guessed-name-" + guess;
            client.get().uri("/api/me").header("X-Forwarded-For", forged).headers(h -> h.setBasicAuth(name, "x"))
                    .exchange().expectStatus().isUnauthorized();
        }
        client.get().uri("/api/me").header("X-Forwarded-For", "198.51.100.99").headers(h -> h.setBasicAuth("viewer", "viewer-pw"))
                .exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }
}
