package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When the reconnect backoff grows and when it starts over; times are given, so nothing waits. */
class ReconnectBackoffTest {

    private static final ReconnectPolicy POLICY = new ReconnectPolicy(true, Duration.ofMillis(200),
            Duration.ofSeconds(30), 2.0, 0.0, Duration.ofSeconds(10));

    private static long seconds(double seconds) {
        return (long) (seconds * TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void failedAttemptsGrowTheDelay() {
        ReconnectBackoff backoff = new ReconnectBackoff(POLICY);
        assertThat(backoff.ended(seconds(0), false)).isEqualTo(1);
        assertThat(backoff.ended(seconds(0.2), false)).isEqualTo(2);
        assertThat(backoff.delayBefore(2)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aLoginThatDropsSoonAfterwardsDoesNotStartTheBackoffOver() {
        ReconnectBackoff backoff = new ReconnectBackoff(POLICY);
        long now = seconds(100);
        for (int attempt = 1; attempt <= 8; attempt++) {
            backoff.loggedIn(now);
            now += seconds(0.05);
            assertThat(backoff.ended(now, false)).as("retry after a connection that lasted 50 ms").isEqualTo(attempt);
            now += backoff.delayBefore(attempt).toNanos();
        }
        assertThat(backoff.delayBefore(8)).isEqualTo(Duration.ofMillis(25_600));
        assertThat(backoff.delayBefore(9)).as("capped").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aConnectionThatStayedUpForResetAfterStartsItOver() {
        ReconnectBackoff backoff = new ReconnectBackoff(POLICY);
        backoff.ended(seconds(0), false);
        backoff.ended(seconds(1), false);
        backoff.loggedIn(seconds(2));
        assertThat(backoff.ended(seconds(11.9), false)).as("up 9.9 s").isEqualTo(3);
        backoff.loggedIn(seconds(20));
        assertThat(backoff.ended(seconds(30), false)).as("up 10 s").isEqualTo(1);
        assertThat(backoff.failedAttempts()).isEqualTo(1);
    }

    @Test
    void aConnectionEndedByAsterisksShutdownStartsItOverHoweverShortButAnAttemptThatNeverLoggedInDoesNot() {
        ReconnectBackoff backoff = new ReconnectBackoff(POLICY);
        backoff.ended(seconds(0), false);
        backoff.ended(seconds(1), false);
        backoff.loggedIn(seconds(2));
        // Asterisk restarted: the session was healthy until Asterisk said it shuts down, 1 s after the login.
        assertThat(backoff.ended(seconds(3), true)).as("after an announced shutdown").isEqualTo(1);
        // a Shutdown on an attempt that never logged in is no proof of a healthy session
        assertThat(backoff.ended(seconds(4), true)).isEqualTo(2);
    }

    @Test
    void jitterSpreadsEachDelayWithinItsBounds() {
        ReconnectBackoff backoff = new ReconnectBackoff(new ReconnectPolicy(true, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 2.0, 0.2));
        for (int i = 0; i < 1_000; i++) {
            assertThat(backoff.delayBefore(1)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
        }
    }

    /**
     * A fleet-wide outage: a thousand clients lose their connections at the same instant. At every attempt their
     * delays stay inside the policy's ±20 % of the backoff, yet no 10 ms of that window gets more than a tenth of
     * the fleet (evenly spread, 200 ms at the first attempt hold 50 clients per 10 ms, 5 %); without jitter all
     * thousand would come back in the same millisecond.
     */
    @Test
    void jitterSpreadsAFleetsReconnectsAfterAnOutageTheyAllSawAtOnce() {
        ReconnectPolicy policy = ReconnectPolicy.DEFAULT;
        List<ReconnectBackoff> fleet = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            fleet.add(new ReconnectBackoff(policy));
        }
        for (int attempt = 1; attempt <= 8; attempt++) {
            long outage = seconds(attempt);
            long backoffMillis = Math.min(policy.initialDelay().toMillis() << (attempt - 1), policy.maxDelay().toMillis());
            Map<Long, Integer> per10Millis = new HashMap<>();
            long shortest = Long.MAX_VALUE;
            long longest = 0;
            for (ReconnectBackoff client : fleet) {
                long millis = client.delayBefore(client.ended(outage, false)).toMillis();
                shortest = Math.min(shortest, millis);
                longest = Math.max(longest, millis);
                per10Millis.merge(millis / 10, 1, Integer::sum);
            }
            assertThat(shortest).as("attempt %d, shortest delay", attempt).isGreaterThanOrEqualTo(Math.round(backoffMillis * 0.8));
            assertThat(longest).as("attempt %d, longest delay", attempt).isLessThanOrEqualTo(Math.round(backoffMillis * 1.2));
            assertThat(longest - shortest).as("attempt %d, spread", attempt).isGreaterThan(backoffMillis * 3 / 10);
            assertThat(Collections.max(per10Millis.values())).as("attempt %d, clients in the busiest 10 ms", attempt)
                    .isLessThanOrEqualTo(100);
        }
    }

    @Test
    void resetAfterMustBePositiveAndDefaultsToTenSeconds() {
        assertThat(ReconnectPolicy.DEFAULT.resetAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ReconnectPolicy.DEFAULT.withResetAfter(Duration.ofMinutes(1)).resetAfter())
                .isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> ReconnectPolicy.DEFAULT.withResetAfter(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reconnect reset-after must be positive but is PT0S");
    }
}
