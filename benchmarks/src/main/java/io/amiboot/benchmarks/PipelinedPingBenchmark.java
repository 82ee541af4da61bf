package io.amiboot.benchmarks;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.AmiResponse;
import io.amiboot.client.AmiUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.PingAction;

/**
 * Pings per second against a real Asterisk: a raw socket that only counts the replies, with a few ways of
 * writing, the fastest of which is the server's own ceiling; this client pipelined (every ping sent at once, at
 * most its default 1,024 unanswered), and asterisk-java one ping at a time (sync) and with callbacks (async). Logs in with events off so only responses come back. Each run
 * makes {@value #ROUNDS} rounds on one connection and reports the median round, so that a passing hiccup of a
 * 2-core machine does not decide the figure.
 */
public final class PipelinedPingBenchmark {

    /** One measured run: its median round, and its slowest and fastest, which show how much rounds differ. */
    public record Result(String name, long pings, long nanos, long slowestNanos, long fastestNanos) {

        /** A run of the given rounds, each the nanoseconds {@code pings} took. */
        static Result of(String name, long pings, long[] rounds) {
            long[] sorted = rounds.clone();
            java.util.Arrays.sort(sorted);
            return new Result(name, pings, sorted[sorted.length / 2], sorted[sorted.length - 1], sorted[0]);
        }

        public double perSecond() {
            return pings * 1e9 / nanos;
        }

        public double slowestPerSecond() {
            return pings * 1e9 / slowestNanos;
        }

        public double fastestPerSecond() {
            return pings * 1e9 / fastestNanos;
        }
    }

    static final int ROUNDS = 5;

    private final AmiUrl url;

    private final int pings;

    public PipelinedPingBenchmark(String url, int pings) {
        this.url = AmiUrl.parse(url);
        this.pings = pings;
    }

    public List<Result> runAll() throws Exception {
        List<Result> results = new ArrayList<>();
        results.addAll(rawSockets());
        results.add(amiboot());
        results.add(asteriskJavaAsync());
        results.add(asteriskJavaSync());
        return results;
    }

    /**
     * How a raw socket writes its pings: every one at once ({@code window} 0), or {@value #RAW_BATCH} per write
     * while fewer than {@code window} are unanswered, its writer thread spinning or parked (woken by the reader)
     * while the window is full.
     */
    record RawWriter(int window, boolean parks) {

        String describe() {
            if (window == 0) {
                return "raw socket, all pings in one write";
            }
            return String.format(java.util.Locale.ROOT, "raw socket, %d pings per write, at most %,d unanswered, writer %s while full",
                    RAW_BATCH, window, parks ? "parks" : "spins");
        }
    }

    /** The raw socket's ways of writing; the fastest is the ceiling. */
    static final List<RawWriter> RAW_WRITERS = List.of(new RawWriter(256, false), new RawWriter(1024, false),
            new RawWriter(4096, false), new RawWriter(0, false), new RawWriter(1024, true));

    /** Pings per write of the raw socket when it keeps a window. */
    private static final int RAW_BATCH = 32;

    /** The raw socket with each of {@link #RAW_WRITERS}, fastest first. */
    List<Result> rawSockets() throws IOException {
        List<Result> results = new ArrayList<>();
        for (RawWriter writer : RAW_WRITERS) {
            results.add(rawSocket(writer));
        }
        results.sort(java.util.Comparator.comparingLong(Result::nanos));
        return results;
    }

    /**
     * A raw socket, every ping's bytes ready before the clock starts, written as {@code how} says; the reader
     * only counts the replies. A spinning writer keeps a core busy, which on a small machine delays the reader's
     * wake-ups so that each of its reads takes more replies: the parked writer shows what an event-driven client
     * without a busy thread can expect.
     */
    Result rawSocket(RawWriter how) throws IOException {
        int window = how.window();
        try (Socket socket = new Socket(url.host(), url.port())) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            out.write(("Action: Login\r\nActionID: login\r\nUsername: " + url.username() + "\r\nSecret: " + url.secret()
                    + "\r\nEvents: off\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            byte[] buffer = new byte[64 * 1024];
            Capture.readMessages(in, buffer, 1);
            StringBuilder burst = new StringBuilder(pings * 32);
            int[] ends = new int[pings]; // where each ping's bytes end in the burst
            for (int i = 0; i < pings; i++) {
                burst.append("Action: Ping\r\nActionID: ").append(i).append("\r\n\r\n");
                ends[i] = burst.length();
            }
            byte[] allPings = burst.toString().getBytes(StandardCharsets.US_ASCII);
            long[] rounds = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                AtomicLong answered = new AtomicLong();
                long start = System.nanoTime();
                Thread writer = new Thread(() -> {
                    try {
                        if (window == 0) {
                            out.write(allPings);
                            return;
                        }
                        int sent = 0;
                        while (sent < pings) {
                            while (sent - answered.get() >= window) {
                                if (how.parks()) {
                                    LockSupport.park(this);
                                }
                                else {
                                    Thread.onSpinWait();
                                }
                            }
                            int upTo = Math.min(pings, sent + RAW_BATCH);
                            int from = sent == 0 ? 0 : ends[sent - 1];
                            out.write(allPings, from, ends[upTo - 1] - from);
                            sent = upTo;
                        }
                    }
                    catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
                writer.start();
                long replies = Capture.readMessages(in, buffer, pings, count -> {
                    answered.set(count);
                    if (how.parks()) {
                        LockSupport.unpark(writer);
                    }
                });
                if (replies != pings) {
                    throw new IllegalStateException("Asterisk answered " + replies + " of " + pings + " pings");
                }
                rounds[round] = System.nanoTime() - start;
            }
            return Result.of(how.describe(), pings, rounds);
        }
    }

    Result amiboot() throws Exception {
        try (AmiClient client = AmiClient.connect(AmiClientOptions.builder(url).name("bench-ping").eventMask("off")
                .keepaliveInterval(Duration.ZERO).actionTimeout(Duration.ofMinutes(2)).build()).get(10, TimeUnit.SECONDS)) {
            AmiAction ping = AmiAction.of("Ping");
            long[] rounds = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                List<CompletableFuture<AmiResponse>> replies = new ArrayList<>(pings);
                for (int i = 0; i < pings; i++) {
                    replies.add(client.send(ping));
                }
                CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
                rounds[round] = System.nanoTime() - start;
            }
            return Result.of("amiboot client, pipelined", pings, rounds);
        }
    }

    Result asteriskJavaAsync() throws Exception {
        ManagerConnection connection = connectAsteriskJava();
        try {
            long[] rounds = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch answered = new CountDownLatch(pings);
                long start = System.nanoTime();
                for (int i = 0; i < pings; i++) {
                    connection.sendAction(new PingAction(), response -> answered.countDown());
                }
                if (!answered.await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("asterisk-java answered only " + (pings - answered.getCount()) + " pings");
                }
                rounds[round] = System.nanoTime() - start;
            }
            return Result.of("asterisk-java 3.41.0, async callbacks", pings, rounds);
        }
        finally {
            connection.logoff();
        }
    }

    Result asteriskJavaSync() throws Exception {
        ManagerConnection connection = connectAsteriskJava();
        try {
            int count = Math.min(pings, 2_000);
            long[] rounds = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    connection.sendAction(new PingAction(), 10_000);
                }
                rounds[round] = System.nanoTime() - start;
            }
            return Result.of("asterisk-java 3.41.0, sync", count, rounds);
        }
        finally {
            connection.logoff();
        }
    }

    private ManagerConnection connectAsteriskJava() throws Exception {
        ManagerConnection connection = new ManagerConnectionFactory(url.host(), url.port(), url.username(), url.secret())
                .createManagerConnection();
        connection.login("off");
        return connection;
    }
}
