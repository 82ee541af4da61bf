package io.amiboot.dashboard.it;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiActionException;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;

/**
 * Sends actions without pause while Asterisk restarts: a {@code Ping} through the client and an originate through
 * the dashboard's REST API every {@link #PERIOD}, each with a timeout, and tallies how each ended. Expected ends:
 * answered, {@link AmiConnectionException} (not connected, or the connection dropped), {@link AmiActionException}
 * (refused by the stopping Asterisk); over REST 202, 502, 503 or 504. Anything else is unexpected, and a future
 * that is not done after its timeout has hung.
 */
final class ActionStorm implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMillis(20);

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AmiClient client;

    private final RunningDashboard dashboard;

    private final String callerIdName;

    private final List<CompletableFuture<String>> outcomes = new ArrayList<>();

    private final Thread thread;

    private volatile boolean running = true;

    private ActionStorm(AmiClient client, RunningDashboard dashboard, String callerIdName) {
        this.client = client;
        this.dashboard = dashboard;
        this.callerIdName = callerIdName;
        this.thread = new Thread(this::run, "action-storm");
    }

    static ActionStorm start(AmiClient client, RunningDashboard dashboard, String callerIdName) {
        ActionStorm storm = new ActionStorm(client, dashboard, callerIdName);
        storm.thread.start();
        return storm;
    }

    private void run() {
        for (int i = 0; running; i++) {
            CompletableFuture<String> ping = client.send(AmiAction.of("Ping"), TIMEOUT).handle((response, failure) ->
                    "client " + (failure == null ? "answered" : failure instanceof AmiConnectionException ? "disconnected"
                            : failure instanceof AmiActionException ? "refused" : "unexpected " + failure));
            add(ping);
            if (i % 5 == 0) {
                // A short call (extension 100 hangs up by itself) with a caller ID the round's checks ignore.
                add(dashboard.api("operator").post().uri("/api/calls").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("from", "100@test", "to", "100", "context", "test", "callerIdName", callerIdName + " storm"))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                        .timeout(TIMEOUT.plusSeconds(5))
                        .map(status -> "rest " + (List.of(202, 502, 503, 504).contains(status) ? status : "unexpected " + status))
                        .onErrorResume(failure -> Mono.just("rest unexpected " + failure))
                        .toFuture());
            }
            try {
                Thread.sleep(PERIOD.toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void add(CompletableFuture<String> outcome) {
        outcomes.add(outcome);
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    /** Waits for every action sent; fails if one is not done within {@code patience}. */
    void awaitAllDone(Duration patience) throws Exception {
        List<CompletableFuture<String>> all;
        synchronized (this) {
            all = List.copyOf(outcomes);
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException hung) {
            long pending = all.stream().filter(f -> !f.isDone()).count();
            throw new AssertionError(pending + " of " + all.size() + " actions sent during the restart hung past " + patience, hung);
        }
    }

    /** How the actions sent so far ended. */
    synchronized Tally tally() {
        Tally tally = new Tally();
        outcomes.forEach(outcome -> tally.add(outcome.join()));
        return tally;
    }

    @Override
    public void close() {
        try {
            stop();
        }
        catch (InterruptedException ex) {
            // Closing after a failed assertion: keep the interrupt for the test framework, do not mask the failure.
            Thread.currentThread().interrupt();
        }
    }

    /** Counts of outcomes, by kind, over one or more storms. */
    static final class Tally {

        private final Map<String, Integer> counts = new ConcurrentHashMap<>();

        void add(String outcome) {
            counts.merge(outcome, 1, Integer::sum);
        }

        void add(Tally other) {
            other.counts.forEach((outcome, count) -> counts.merge(outcome, count, Integer::sum));
        }

        long clientSent() {
            return sum("client ");
        }

        long restSent() {
            return sum("rest ");
        }

        List<String> clientUnexpected() {
            return counts.keySet().stream().filter(k -> k.startsWith("client unexpected")).toList();
        }

        List<String> restUnexpected() {
            return counts.keySet().stream().filter(k -> k.startsWith("rest unexpected")).toList();
        }

        private long sum(String prefix) {
            return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
        }

        /** E.g. {@code 1,234 client Pings (1,000 answered, 234 disconnected), 250 REST originates (200 × 202, 50 × 503)}. */
        String summary() {
            return String.format("%,d client Pings (%s), %,d REST originates (%s)", clientSent(), breakdown("client "),
                    restSent(), breakdown("rest "));
        }

        private String breakdown(String prefix) {
            return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).sorted(Map.Entry.comparingByKey())
                    .map(e -> String.format("%,d %s", e.getValue(), e.getKey().substring(prefix.length())))
                    .reduce((a, b) -> a + ", " + b).orElse("none");
        }
    }
}
