package io.amiboot.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.live.LiveModel;
import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiActionException;
import io.amiboot.client.AmiConnectionException;
import io.amiboot.client.AmiConnectionState;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiResponse;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.TestAsterisk;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Restarts the real Asterisk 20 times in a row while calls are up, actions are in flight, more are sent through
 * the client and the REST API all through the restart ({@link ActionStorm}), and a WebSocket client of the
 * dashboard is subscribed: every future completes or fails within its timeout, every REST call gets an answer
 * (202, or 502/503/504 with a problem detail, never 500), the client reconnects each time, the live model matches CoreShowChannels after each restart, the WebSocket client gets a connected
 * snapshot each time, and the thread and file-descriptor counts come back to their level after the first restart.
 */
@RealAsterisk
class AsteriskRestartIT {

    private static final int RESTARTS = 20;

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** Actions in flight at each restart, each with this timeout. */
    private static final int IN_FLIGHT = 50;

    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration RINGING_TIMEOUT = Duration.ofSeconds(30);

    /** Allowed drift of the thread count: pools (Reactor, callbacks) may keep or retire an idle worker. */
    private static final int THREAD_MARGIN = 8;

    /** Allowed drift of open file descriptors: sockets in the middle of closing, jar files opened lazily. */
    private static final int FD_MARGIN = 16;

    @Test
    void twentyRestartsWithCallsUpActionsInFlightAndASubscribedWebSocket(TestAsterisk asterisk) throws Exception {
        long started = System.nanoTime();
        // Calls of an earlier, aborted run may still be up: this run's caller IDs are its own.
        long run = started % 100_000;
        int completed = 0;
        int failed = 0;
        int disconnected = 0;
        int refused = 0;
        int snapshots = 0;
        int maxThreads = 0;
        int maxFds = 0;
        int baselineThreads = -1;
        int baselineFds = -1;
        int threads = 0;
        int fds = 0;
        ActionStorm.Tally stormed = new ActionStorm.Tally();
        try (RunningDashboard dashboard = RunningDashboard.start(asterisk, "ami.reconnect.initial-delay=100ms",
                "ami.reconnect.max-delay=500ms");
                SocketListener socket = new SocketListener(dashboard, "viewer", "/ws/live?kinds=calls")) {
            AmiClient client = dashboard.context.getBean(AmiClient.class);
            LiveModel model = dashboard.context.getBean(LiveModel.class);
            assertThat(socket.next(PATIENCE).get("type").asString()).isEqualTo("snapshot");
            try {
                // Round 0 warms up every pool and lazy resource; its end is the baseline of threads and fds.
                for (int round = 0; round <= RESTARTS; round++) {
                    String caller = "RestartIT " + run + " " + round;
                    originate(client, 2, caller);
                    await("two calls of round " + round, () -> countCalls(model, caller) == 2);
                    // A synchronous Originate to an extension that rings forever holds Asterisk's manager session
                    // (it runs one action at a time): it and every action behind it are pending when the restart begins.
                    // Asterisk 22 answers them all with Error as it shuts down; a cut before that fails them.
                    List<CompletableFuture<AmiResponse>> ringing = List.of(client.send(AmiAction.builder("Originate")
                            .header("Channel", "Local/900@test").header("Application", "Wait").header("Data", "1")
                            .header("Timeout", "60000").header("CallerID", "\"" + caller + "\" <900>").build(), RINGING_TIMEOUT));
                    List<CompletableFuture<AmiResponse>> inFlight = new ArrayList<>(ringing);
                    for (int i = 0; i < IN_FLIGHT; i++) {
                        inFlight.add(client.send(AmiAction.of(i % 10 == 0 ? "CoreShowChannels" : "Ping"), ACTION_TIMEOUT));
                    }
                    socket.drain();

                    // Actions keep coming while Asterisk goes down, is away and comes back: through the client and
                    // through the REST API, until the client is connected again.
                    try (ActionStorm storm = ActionStorm.start(client, dashboard, caller)) {
                        asterisk.restart();
                        await("reconnected after restart " + round, () -> client.state() == AmiConnectionState.CONNECTED);
                        storm.stop();
                        storm.awaitAllDone(ACTION_TIMEOUT.plusSeconds(12));
                        stormed.add(storm.tally());
                    }

                    // None hangs: every future is done within its timeout (plus scheduling slack).
                    CompletableFuture.allOf(inFlight.stream().map(f -> f.handle((r, t) -> r)).toArray(CompletableFuture[]::new))
                            .get(ACTION_TIMEOUT.toMillis() + 2_000, TimeUnit.MILLISECONDS);
                    for (CompletableFuture<AmiResponse> future : inFlight) {
                        if (future.isCompletedExceptionally()) {
                            failed++;
                        }
                        else {
                            completed++;
                        }
                    }
                    for (CompletableFuture<AmiResponse> future : inFlight) {
                        // Answered, refused by Asterisk as it shuts down (the ringing Originate), or failed by the
                        // lost connection; never left to run into its timeout.
                        Throwable failure = future.handle((r, t) -> t).join();
                        if (failure instanceof AmiConnectionException) {
                            disconnected++;
                        }
                        else if (failure != null) {
                            assertThat(failure).as("an action pending at restart %d", round).isInstanceOf(AmiActionException.class);
                            refused++;
                        }
                    }
                    await("reconnected after restart " + round, () -> client.state() == AmiConnectionState.CONNECTED
                            && model.snapshot().connected());
                    awaitModelMatchesCoreShowChannels(client, model);
                    assertThat(countCalls(model, caller)).as("calls of round %d after the restart", round).isZero();
                    socket.await("a connected snapshot after restart " + round, message -> message.path("type").asString("").equals("snapshot")
                            && message.path("connected").asBoolean(false), PATIENCE);
                    snapshots++;
                    threads = ManagementFactory.getThreadMXBean().getThreadCount();
                    fds = openFileDescriptors();
                    if (round == 0) {
                        baselineThreads = threads;
                        baselineFds = fds;
                    }
                    maxThreads = Math.max(maxThreads, threads);
                    maxFds = Math.max(maxFds, fds);
                }
            }
            finally {
                // Best effort: a failure here must not hide the one that ended the loop.
                hangUp(client, "RestartIT");
            }
            assertThat(client.reconnectAttempts()).as("reconnect attempts").isGreaterThanOrEqualTo(RESTARTS + 1);
        }
        finally {
            // Leave Asterisk running for whatever test comes next.
            asterisk.start();
        }
        int finalThreads = threads;
        int finalFds = fds;
        assertThat(finalThreads).as("threads after %d restarts (baseline %d)", RESTARTS, baselineThreads)
                .isBetween(baselineThreads - THREAD_MARGIN, baselineThreads + THREAD_MARGIN);
        assertThat(finalFds).as("open fds after %d restarts (baseline %d)", RESTARTS, baselineFds)
                .isBetween(baselineFds - FD_MARGIN, baselineFds + FD_MARGIN);
        assertThat(maxThreads).as("peak threads").isLessThanOrEqualTo(baselineThreads + THREAD_MARGIN);
        assertThat(maxFds).as("peak fds").isLessThanOrEqualTo(baselineFds + FD_MARGIN);
        assertThat(snapshots).isEqualTo(RESTARTS + 1);
        assertThat(disconnected + refused).isEqualTo(failed);
        assertThat(stormed.clientSent()).as("client actions sent during the restarts").isGreaterThan(RESTARTS * 10L);
        assertThat(stormed.restSent()).as("REST originates sent during the restarts").isGreaterThan(RESTARTS * 2L);
        assertThat(stormed.clientUnexpected()).as("client actions that failed otherwise than expected").isEmpty();
        assertThat(stormed.restUnexpected()).as("REST answers other than 202, 502, 503 or 504").isEmpty();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        Reliability.row("Asterisk restarted " + (RESTARTS + 1) + " times in a row",
                "2 calls up, 1 unanswered sync Originate + " + IN_FLIGHT + " Pings/CoreShowChannels in flight, Pings and REST"
                        + " originates sent every " + ActionStorm.PERIOD.toMillis() + " ms through each restart, 1 WebSocket subscriber",
                (RESTARTS + 1) + " restarts of the real Asterisk 22 in " + seconds + " s",
                (RESTARTS + 1) + " reconnects; live model = CoreShowChannels after each; " + snapshots
                        + " connected snapshots on the WebSocket; futures: " + completed + " answered, " + disconnected
                        + " failed with AmiConnectionException, " + refused + " refused by the stopping Asterisk, 0 hung"
                        + " (all done within their " + ACTION_TIMEOUT.toSeconds() + " s timeout); sent while Asterisk restarted: "
                        + stormed.summary() + ", none hung; threads " + baselineThreads + " -> " + finalThreads
                        + " (peak " + maxThreads + "), fds " + baselineFds + " -> " + finalFds + " (peak " + maxFds + ")",
                "nothing (the calls ended by each restart left the model)");
    }

    static int openFileDescriptors() {
        String[] entries = new File("/proc/self/fd").list();
        assertThat(entries).as("/proc/self/fd (Linux only)").isNotNull();
        return entries.length;
    }

    private static long countCalls(LiveModel model, String callerIdName) {
        return model.snapshot().calls().stream()
                .filter(call -> call.channels().stream().anyMatch(c -> c.callerIdName().equals(callerIdName))).count();
    }

    private static void originate(AmiClient client, int count, String callerIdName) throws Exception {
        for (int i = 0; i < count; i++) {
            client.send(AmiAction.builder("Originate").header("Channel", "Local/500@test")
                    .header("Context", "test").header("Exten", "200").header("Priority", "1")
                    .header("CallerID", "\"" + callerIdName + "\" <77" + i + ">").header("Async", "true").build())
                    .get(10, TimeUnit.SECONDS);
        }
    }

    private static void hangUp(AmiClient client, String prefix) {
        List<AmiEvent> channels;
        try {
            channels = coreShowChannels(client);
        }
        catch (Exception ex) {
            return;
        }
        for (AmiEvent channel : channels) {
            String name = channel.get("CallerIDName");
            if (name != null && name.startsWith(prefix)) {
                client.send(AmiAction.builder("Hangup").header("Channel", channel.get("Channel")).build())
                        .exceptionally(ignored -> null).orTimeout(10, TimeUnit.SECONDS).exceptionally(ignored -> null).join();
            }
        }
    }

    private static List<AmiEvent> coreShowChannels(AmiClient client) throws Exception {
        return client.send(AmiAction.of("CoreShowChannels")).get(10, TimeUnit.SECONDS).events();
    }

    /** Polls until the model's channels are exactly the ones CoreShowChannels lists, with the same Linkedids. */
    private static void awaitModelMatchesCoreShowChannels(AmiClient client, LiveModel model) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Set<String> listed = Set.of();
        Set<String> modelled = Set.of();
        while (System.nanoTime() < deadline) {
            listed = coreShowChannels(client).stream().map(e -> e.get("Uniqueid") + "@" + e.get("Linkedid"))
                    .collect(Collectors.toSet());
            modelled = model.snapshot().calls().stream().flatMap(call -> call.channels().stream())
                    .map(c -> c.uniqueId() + "@" + c.linkedId()).collect(Collectors.toSet());
            if (listed.equals(modelled)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(modelled).as("model channels vs CoreShowChannels").isEqualTo(listed);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
