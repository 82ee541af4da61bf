package io.amiboot.dashboard.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.dashboard.TestAsteriskBeans;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;

/**
 * An open WebSocket of a signed-in page is closed once its login session ends, by logout or by expiry, within the
 * check interval; a socket opened with HTTP Basic credentials has no session and stays open.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "ami.enabled=false",
        "dashboard.session-check-interval=200ms", "server.reactive.session.timeout=3s" })
@ActiveProfiles("testusers")
@Import(TestAsteriskBeans.class)
class SessionBoundSocketTest {

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    private Disposable socket;

    @AfterEach
    void closeSocket() {
        if (socket != null) {
            socket.dispose();
        }
    }

    @Test
    void logoutClosesTheOpenSocketOfItsSession() throws Exception {
        Login login = signIn("viewer");
        CompletableFuture<CloseStatus> closed = open(headers -> headers.set(HttpHeaders.COOKIE, login.cookies()));
        assertStaysOpen(closed, Duration.ofMillis(600));
        ClientResponse logout = client().post().uri("/logout").header(HttpHeaders.COOKIE, login.cookies())
                .header("X-XSRF-TOKEN", login.csrf()).exchangeToMono(response -> response.releaseBody().thenReturn(response))
                .block(Duration.ofSeconds(5));
        assertThat(logout.statusCode()).isEqualTo(HttpStatus.FOUND);
        CloseStatus status = closed.get(CLOSE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(status.getCode()).isEqualTo(SessionBoundWebSocketService.SESSION_ENDED.getCode());
    }

    @Test
    void anExpiredSessionClosesItsSocketButABasicSocketStaysOpen() throws Exception {
        Login login = signIn("viewer");
        CompletableFuture<CloseStatus> session = open(headers -> headers.set(HttpHeaders.COOKIE, login.cookies()));
        CompletableFuture<CloseStatus> basic = open(headers -> headers.set(HttpHeaders.AUTHORIZATION,
                "Basic " + Base64.getEncoder().encodeToString("viewer:viewer-pw".getBytes())));
        // The session times out 3 s after the handshake, its last access: the socket's checks must not extend it.
        CloseStatus status = session.get(3_000 + CLOSE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(status.getCode()).isEqualTo(SessionBoundWebSocketService.SESSION_ENDED.getCode());
        assertStaysOpen(basic, Duration.ofMillis(600));
    }

    private static void assertStaysOpen(CompletableFuture<CloseStatus> closed, Duration during) throws Exception {
        try {
            CloseStatus status = closed.get(during.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("The socket closed with " + status);
        }
        catch (TimeoutException stillOpen) {
            // expected
        }
    }

    /** Opens {@code /ws/live} with the given headers; the future completes with the close status. */
    private CompletableFuture<CloseStatus> open(java.util.function.Consumer<HttpHeaders> credentials) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ORIGIN, "http://127.0.0.1:" + port);
        credentials.accept(headers);
        CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        Disposable connection = new ReactorNettyWebSocketClient().execute(URI.create("ws://127.0.0.1:" + port + "/ws/live"),
                headers, session -> session.closeStatus().doOnNext(closed::complete)
                        .and(session.receive().then())).subscribe();
        socket = socket == null ? connection : composite(socket, connection);
        return closed;
    }

    private static Disposable composite(Disposable first, Disposable second) {
        return () -> {
            first.dispose();
            second.dispose();
        };
    }

    /** Signs in through the login form as the page does, and returns the session and CSRF cookies. */
    private Login signIn(String user) {
        ResponseCookie xsrf = client().get().uri("/login").exchangeToMono(response -> response.releaseBody()
                .thenReturn(response.cookies().getFirst("XSRF-TOKEN"))).block(Duration.ofSeconds(5));
        assertThat(xsrf).as("the XSRF-TOKEN cookie of the login page").isNotNull();
        ClientResponse response = client().post().uri("/login").header(HttpHeaders.COOKIE, "XSRF-TOKEN=" + xsrf.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", user).with("password", user + "-pw").with("_csrf", xsrf.getValue()))
                .exchangeToMono(r -> r.releaseBody().thenReturn(r)).block(Duration.ofSeconds(5));
        assertThat(response.statusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(response.headers().asHttpHeaders().getLocation()).hasPath("/");
        ResponseCookie session = response.cookies().getFirst("SESSION");
        assertThat(session).as("the session cookie of the login").isNotNull();
        return new Login("SESSION=" + session.getValue() + "; XSRF-TOKEN=" + xsrf.getValue(), xsrf.getValue());
    }

    private WebClient client() {
        return WebClient.create("http://127.0.0.1:" + port);
    }

    private record Login(String cookies, String csrf) {
    }
}
