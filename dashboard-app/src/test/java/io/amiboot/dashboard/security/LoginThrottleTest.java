package io.amiboot.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock the test moves: limits, doubling waits, what a success clears, bounded tables. */
class LoginThrottleTest {

    private static final LoginThrottleProperties SETTINGS = new LoginThrottleProperties(3, 5, Duration.ofSeconds(10),
            Duration.ofSeconds(60), Duration.ofMinutes(10), 4);

    private final MovableClock clock = new MovableClock();

    private final LoginThrottle throttle = new LoginThrottle(SETTINGS, clock);

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {

        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    /** One attempt let through whose password was wrong. */
    private void fails(String user, String address) {
        assertThat(throttle.waitBeforeAttempt(user, address)).as("%s from %s may try", user, address).isZero();
        throttle.failed(user, address);
    }

    @Test
    void afterTheLimitEachFurtherFailureDoublesTheWaitUpToTheMaximum() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            fails("alice", "10.0.0.1");
        }
        assertThat(throttle.waitBeforeAttempt("alice", "10.0.0.2")).as("from anywhere").isEqualTo(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(4));
        assertThat(throttle.waitBeforeAttempt("alice", "10.0.0.1")).isEqualTo(Duration.ofSeconds(6));
        clock.advance(Duration.ofSeconds(6));
        fails("alice", "10.0.0.3");
        assertThat(throttle.waitBeforeAttempt("alice", "10.0.0.3")).isEqualTo(Duration.ofSeconds(20));
        for (Duration expected : new Duration[] { Duration.ofSeconds(40), Duration.ofSeconds(60), Duration.ofSeconds(60) }) {
            clock.advance(throttle.waitBeforeAttempt("alice", "10.0.0.4"));
            fails("alice", "10.0.0.4");
            assertThat(throttle.waitBeforeAttempt("alice", "10.0.0.4")).isEqualTo(expected);
        }
        assertThat(throttle.waitBeforeAttempt("ALICE", "10.0.0.9")).as("names compare like the user store, ignoring case")
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void refusedAttemptsAreNotCountedAndTheCountIsForgottenAfterAQuietWhile() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            fails("bob", "10.0.1.1");
        }
        for (int hammering = 0; hammering < 50; hammering++) {
            assertThat(throttle.waitBeforeAttempt("bob", "10.0.1.1")).isPositive();
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.waitBeforeAttempt("bob", "10.0.1.1")).as("the wait did not grow while refused").isZero();
        clock.advance(Duration.ofMinutes(10));
        for (int attempt = 1; attempt <= 3; attempt++) {
            fails("bob", "10.0.1.1");
        }
    }

    @Test
    void aSuccessClearsTheUserNameButNotTheAddress() {
        for (int round = 0; round < 4; round++) {
            String address = "10.0.2." + round;
            fails("carol", address);
            fails("carol", address);
            assertThat(throttle.waitBeforeAttempt("carol", address)).as("two typos, then the right password").isZero();
            throttle.succeeded("carol");
        }
        // Someone with one valid account cannot launder guesses at others through their own sign-ins.
        int guesses = 0;
        while (throttle.waitBeforeAttempt("mallory", "10.0.3.1").isZero()) {
            throttle.succeeded("mallory");
            if (!throttle.waitBeforeAttempt("victim" + guesses, "10.0.3.1").isZero()) {
                break;
            }
            throttle.failed("victim" + guesses, "10.0.3.1");
            guesses++;
        }
        assertThat(guesses).as("guesses from one address, whatever succeeds in between").isEqualTo(5);
    }

    @Test
    void rotatingNamesAndAddressesKeepsTheTablesBounded() {
        for (int i = 0; i < 10_000; i++) {
            throttle.failed("name-" + i + "x".repeat(1000), "10.1." + (i / 250) + "." + (i % 250));
        }
        assertThat(throttle.tracked()).as("entries").isEqualTo(2 * SETTINGS.maxTracked());
        assertThat(throttle.keyCharacters()).as("characters held by keys")
                .isLessThanOrEqualTo(2 * SETTINGS.maxTracked() * LoginThrottle.MAX_KEY_LENGTH);
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThatThrownBy(() -> new LoginThrottleProperties(0, 5, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), 1))
                .hasMessageContaining("failures-per-user");
        assertThatThrownBy(() -> new LoginThrottleProperties(1, 5, Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(3), 1))
                .hasMessageContaining("initial-delay <= max-delay");
        assertThatThrownBy(() -> new LoginThrottleProperties(1, 5, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1), 1))
                .hasMessageContaining("max-delay <= forget-after");
    }
}
