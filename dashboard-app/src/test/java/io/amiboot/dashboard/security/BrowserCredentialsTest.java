package io.amiboot.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.live.LiveCall;
import io.amiboot.live.LiveChannel;
import io.amiboot.live.LiveSnapshot;
import io.amiboot.dashboard.TestAsteriskBeans;
import io.amiboot.dashboard.api.DashboardWebTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Basic credentials are ambient in a browser that once cached them: browsers are never sent a Basic challenge
 * (so they never prompt and cache), and every write a browser sends needs the CSRF token even with Basic
 * credentials; scripts, which send none of a browser's headers, keep the challenge and skip CSRF.
 */
@DashboardWebTest
class BrowserCredentialsTest {

    private static final String ID = "1700000000.1";

    private static final String RECORDING = "/api/calls/" + ID + "/recording";

    @Autowired
    private WebTestClient client;

    @BeforeEach
    void oneCall() {
        Instant start = Instant.parse("2026-12-01T08:00:00Z");
        LiveChannel channel = new LiveChannel(ID, ID, "PJSIP/1001-00000001", "Up", "1001", "Alice", "100", "", "test", "100",
                "1", "Dial", false, "b-1", List.of(), start);
        TestAsteriskBeans.reset(new LiveSnapshot(1, true, List.of(new LiveCall(ID, List.of(channel), start)), List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({ "Origin, http://localhost", "Sec-Fetch-Mode, cors", "Sec-Fetch-Site, same-origin", "Sec-Fetch-Dest, empty",
            "cookie SESSION, expired-session-id", "cookie XSRF-TOKEN, some-token" })
    void aBrowserRequestIsNeverSentABasicChallenge(String header, String value) {
        // The page's own fetch once its session expired, a wrong password typed into a prompt, the WebSocket.
        WebTestClient browser = client.mutate().defaultHeaders(headers -> {
            if (!header.startsWith("cookie ")) {
                headers.set(header, value);
            }
        }).defaultCookies(cookies -> {
            if (header.startsWith("cookie ")) {
                cookies.add(header.substring("cookie ".length()), value);
            }
        }).build();
        browser.get().uri("/api/me").exchange()
                .expectStatus().isUnauthorized().expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
        browser.get().uri("/api/me").headers(h -> h.setBasicAuth("viewer", "wrong")).exchange()
                .expectStatus().isUnauthorized().expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
        browser.get().uri("/ws/live").exchange()
                .expectStatus().isUnauthorized().expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
    }

    @Test
    void aScriptStillGetsTheBasicChallenge() {
        client.get().uri("/api/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"amiboot dashboard\"");
    }

    @Test
    void aForgedCrossSiteWriteWithCachedBasicCredentialsIsRefusedWhileScriptsAndThePageItselfGoThrough() {
        WebTestClient cachedSupervisor = client.mutate().defaultHeaders(h -> h.setBasicAuth("supervisor", "supervisor-pw")).build();
        String token = client.get().uri("/login").exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        String session = client.post().uri("/login").cookie("XSRF-TOKEN", token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=supervisor&password=supervisor-pw&_csrf=" + token).exchange()
                .expectStatus().isFound().returnResult(String.class).getResponseCookies().getFirst("SESSION").getValue();

        // A page on evil.example makes the browser post, which attaches the cached Basic credentials by itself.
        cachedSupervisor.post().uri(RECORDING).header(HttpHeaders.ORIGIN, "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "no-cors").exchange().expectStatus().isForbidden();
        cachedSupervisor.post().uri(RECORDING).header(HttpHeaders.ORIGIN, "https://evil.example").exchange()
                .expectStatus().isForbidden();
        cachedSupervisor.post().uri(RECORDING).header("Sec-Fetch-Site", "cross-site").exchange().expectStatus().isForbidden();
        // Over plain http browsers send no Sec-Fetch-*, and a no-referrer page may hide the Origin: the cookies remain.
        cachedSupervisor.post().uri(RECORDING).cookie("SESSION", session).exchange().expectStatus().isForbidden();
        cachedSupervisor.post().uri(RECORDING).cookie("XSRF-TOKEN", token).header("X-XSRF-TOKEN", "guessed").exchange()
                .expectStatus().isForbidden();
        assertThat(TestAsteriskBeans.sent).as("actions sent").isEmpty();

        // A script holds its credentials explicitly and sends no browser header: no CSRF token needed.
        cachedSupervisor.post().uri(RECORDING).exchange().expectStatus().isAccepted();
        assertThat(TestAsteriskBeans.sent).hasSize(1);
        // The page's own request carries the token it read from its cookie, with or without Basic credentials.
        client.post().uri(RECORDING).cookie("SESSION", session).cookie("XSRF-TOKEN", token).header("X-XSRF-TOKEN", token)
                .header(HttpHeaders.ORIGIN, "http://localhost").header("Sec-Fetch-Site", "same-origin").exchange()
                .expectStatus().isAccepted();
        cachedSupervisor.post().uri(RECORDING).cookie("XSRF-TOKEN", token).header("X-XSRF-TOKEN", token)
                .header(HttpHeaders.ORIGIN, "http://localhost").exchange().expectStatus().isAccepted();
        assertThat(TestAsteriskBeans.sent).hasSize(3);
    }
}
