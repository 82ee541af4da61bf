package io.amiboot.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.dashboard.TestAsteriskBeans;
import io.amiboot.test.asterisk.Reliability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.scheduler.Schedulers;

/**
 * Password guessing against the whole app, over HTTP Basic and the login form: after the configured failures the
 * throttle answers before the password encoder (the bcrypt check) is called, which a counting encoder shows. Client
 * addresses come from {@code X-Forwarded-For}, trusted here because {@code server.forward-headers-strategy} says so.
 */
@SpringBootTest(properties = {
        "ami.enabled=false",
        "dashboard.login-throttle.failures-per-user=3",
        "dashboard.login-throttle.failures-per-address=6",
        "dashboard.login-throttle.initial-delay=5m",
        "dashboard.login-throttle.max-delay=10m",
        "server.forward-headers-strategy=framework",
        // One more viewer (password viewer-pw) for the parallel sign-ins, so no other test's failures count for it.
        "dashboard.users.script.password=$2a$04$BW67H9O8w2WTsdBHlxQsoecmwlaT8U2efJmQw7y.9b4YaFV2xK5Ja" })
@ActiveProfiles("testusers")
@AutoConfigureWebTestClient
@Import(TestAsteriskBeans.class)
class LoginThrottleWebTest {

    /** Sign-ins sent at once: well above the per-user limit, few enough for a loaded machine. */
    private static final int PARALLEL = 24;

    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    private static final AtomicInteger REFUSED = new AtomicInteger();

    private static final AtomicInteger CHECKS = new AtomicInteger();

    @Autowired
    private WebTestClient client;

    @Autowired
    private CountingPasswordEncoder encoder;

    /** The dashboard's password encoder, counting the password checks (each a bcrypt hash). */
    static final class CountingPasswordEncoder implements PasswordEncoder {

        private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CountingEncoderConfiguration {

        @Bean
        @Primary
        CountingPasswordEncoder countingPasswordEncoder() {
            return new CountingPasswordEncoder();
        }
    }

    @BeforeEach
    void countFromZero() {
        encoder.checks.set(0);
    }

    @AfterEach
    void addUpChecks() {
        CHECKS.addAndGet(checks());
    }

    @AfterAll
    static void report() {
        Reliability.row("Password guessing (login form and HTTP Basic)",
                "WebTestClient against the whole app; throttle after 3 failures per user name, 6 per address",
                ATTEMPTS.get() + " sign-ins: 25 wrong Basic passwords in a row for one user, wrong form passwords, 10 user"
                        + " names rotated from one address, 24 parallel right and 96 parallel wrong passwords, then the right passwords",
                "after the limit every attempt was refused before its password check (" + REFUSED.get() + " refused: 429 with"
                        + " Retry-After, the form a redirect to /login?throttled), even with the right password",
                CHECKS.get() + " bcrypt checks for " + ATTEMPTS.get() + " attempts");
    }

    /** How often the password encoder checked a password since the test began (or was last reset). */
    private int checks() {
        return encoder.checks.get();
    }

    private WebTestClient from(String address) {
        return client.mutate().defaultHeader("X-Forwarded-For", address).build();
    }

    private WebTestClient.ResponseSpec basic(WebTestClient from, String user, String password) {
        ATTEMPTS.incrementAndGet();
        return from.get().uri("/api/me").headers(headers -> headers.setBasicAuth(user, password)).exchange();
    }

    private static void expectThrottled(WebTestClient.ResponseSpec response) {
        REFUSED.incrementAndGet();
        response.expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 300L))
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
    }

    @Test
    void twentyFiveWrongBasicPasswordsCostThreeBcryptChecksThenEvenTheRightOneWaits() {
        WebTestClient attacker = from("192.0.2.10");
        for (int guess = 1; guess <= 25; guess++) {
            WebTestClient.ResponseSpec response = basic(attacker, "supervisor", "guess-" + guess);
            if (guess <= 3) {
                response.expectStatus().isUnauthorized();
            }
            else {
                expectThrottled(response);
            }
        }
        assertThat(checks()).as("bcrypt checks").isEqualTo(3);
        // The per-user count holds from any address: a distributed guess gets no more tries (the price: see the docs).
        expectThrottled(basic(from("192.0.2.11"), "supervisor", "supervisor-pw"));
        expectThrottled(basic(attacker, "SuperVisor", "supervisor-pw"));
        assertThat(checks()).as("bcrypt checks").isEqualTo(3);
    }

    @Test
    void theLoginFormIsThrottledTheSameWayAndTheRedirectSaysHowLongToWait() {
        WebTestClient browser = from("192.0.2.20");
        String token = browser.get().uri("/login").exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        for (int guess = 1; guess <= 4; guess++) {
            ATTEMPTS.incrementAndGet();
            String password = guess <= 3 ? "guess-" + guess : "operator-pw";
            EntityExchangeResult<byte[]> answer = browser.post().uri("/login").cookie("XSRF-TOKEN", token)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue("username=operator&password=" + password + "&_csrf=" + token).exchange()
                    .expectStatus().isFound().expectBody().returnResult();
            String location = answer.getResponseHeaders().getLocation().toString();
            if (guess <= 3) {
                assertThat(location).isEqualTo("/login?error");
            }
            else {
                REFUSED.incrementAndGet();
                assertThat(location).matches("/login\\?throttled=\\d+");
                assertThat(answer.getResponseCookies().getFirst("SESSION")).as("no session for a throttled sign-in").isNull();
            }
        }
        assertThat(checks()).as("bcrypt checks").isEqualTo(3);
    }

    @Test
    void oneAddressRotatingUserNamesIsThrottledForEveryNameButOthersAreNot() {
        WebTestClient attacker = from("192.0.2.30");
        for (int name = 1; name <= 10; name++) {
            WebTestClient.ResponseSpec response = basic(attacker, "guessed-name-" + name, "secret");
            if (name <= 6) {
                response.expectStatus().isUnauthorized();
            }
            else {
                expectThrottled(response);
            }
        }
        expectThrottled(basic(attacker, "viewer", "viewer-pw"));
        basic(from("192.0.2.31"), "viewer", "viewer-pw").expectStatus().isOk();
    }

    @Test
    void parallelSignInsThatSucceedAreNeverHeldBackAndAParallelBurstOfGuessesGetsFewChecks() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(PARALLEL);
        try {
            WebTestClient script = from("192.0.2.50").mutate().responseTimeout(Duration.ofSeconds(30)).build();
            List<Future<HttpStatusCode>> rights = new ArrayList<>();
            for (int call = 0; call < PARALLEL; call++) {
                rights.add(callers.submit(() -> statusOf(basic(script, "script", "viewer-pw"))));
            }
            for (Future<HttpStatusCode> right : rights) {
                assertThat(right.get(30, TimeUnit.SECONDS)).isEqualTo(HttpStatus.OK);
            }
            CHECKS.addAndGet(checks());
            encoder.checks.set(0);
            WebTestClient attacker = from("192.0.2.51").mutate().responseTimeout(Duration.ofSeconds(30)).build();
            List<Future<HttpStatusCode>> guesses = new ArrayList<>();
            for (int guess = 0; guess < 4 * PARALLEL; guess++) {
                String password = "parallel-guess-" + guess;
                guesses.add(callers.submit(() -> statusOf(basic(attacker, "script", password))));
            }
            int throttled = 0;
            for (Future<HttpStatusCode> guess : guesses) {
                throttled += guess.get(30, TimeUnit.SECONDS).equals(HttpStatus.TOO_MANY_REQUESTS) ? 1 : 0;
            }
            REFUSED.addAndGet(throttled);
            // At most the checks running at once when the first failures land, never the whole burst.
            assertThat(checks()).as("bcrypt checks for %d parallel guesses", 4 * PARALLEL)
                    .isLessThanOrEqualTo(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE + 3).isEqualTo(4 * PARALLEL - throttled);
        }
        finally {
            callers.shutdownNow();
        }
    }

    private static HttpStatusCode statusOf(WebTestClient.ResponseSpec response) {
        return response.returnResult(String.class).getStatus();
    }

    @Test
    void aSuccessfulSignInStartsTheUserNameAfresh() {
        WebTestClient typist = from("192.0.2.40");
        for (int round = 0; round < 2; round++) {
            basic(typist, "viewer", "typo-1").expectStatus().isUnauthorized();
            basic(typist, "viewer", "typo-2").expectStatus().isUnauthorized();
            basic(typist, "viewer", "viewer-pw").expectStatus().isOk();
        }
        assertThat(checks()).as("every attempt checked").isEqualTo(6);
    }
}
