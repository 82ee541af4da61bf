package io.amiboot.benchmarks;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.AmiResponse;
import io.amiboot.client.AmiUrl;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.PingAction;

/**
 * Pings per second against a real Asterisk: a raw socket that writes all pings at once and counts the replies
 * (the server's own ceiling), this client with every ping in flight at once, and asterisk-java one ping at a
 * time (sync) and with callbacks (async). Logs in with events off so only responses come back. Each run
 * makes {@value #ROUNDS} rounds on one connection and reports the median round, so that a passing hiccup of a
 * 2-core machine does not decide the figure.
 */
public final class PipelinedPingBenchmark {

    /** One measured run. */
    public record Result(String name, long pings, long nanos) {

        public double perSecond() {
            return pings * 1e9 / nanos;
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
        results.add(rawSocket());
        results.add(amiboot());
        results.add(asteriskJavaAsync());
        results.add(asteriskJavaSync());
        return results;
    }

    Result rawSocket() throws IOException {
        try (Socket socket = new Socket(url.host(), url.port())) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            out.write(("Action: Login\r\nActionID: login\r\nUsername: " + url.username() + "\r\nSecret: " + url.secret()
                    + "\r\nEvents: off\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            byte[] buffer = new byte[64 * 1024];
            Capture.readMessages(in, buffer, 1);
            // Every ping's bytes are ready before the clock starts, and go out in one write: the fastest a
            // client could possibly hand them over.
            StringBuilder burst = new StringBuilder(pings * 32);
            for (int i = 0; i < pings; i++) {
                burst.append("Action: Ping\r\nActionID: ").append(i).append("\r\n\r\n");
            }
            byte[] allPings = burst.toString().getBytes(StandardCharsets.US_ASCII);
            long[] rounds = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                Thread writer = new Thread(() -> {
                    try {
                        out.write(allPings);
                        out.flush();
                    }
                    catch (IOException ex) {
                        throw new IllegalStateException(ex);
                    }
                });
                writer.start();
                long answered = Capture.readMessages(in, buffer, pings);
                if (answered != pings) {
                    throw new IllegalStateException("Asterisk answered " + answered + " of " + pings + " pings");
                }
                rounds[round] = System.nanoTime() - start;
            }
            return new Result("raw socket, pipelined (ceiling)", pings, median(rounds));
        }
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
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
            return new Result("amiboot client, pipelined", pings, median(rounds));
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
            return new Result("asterisk-java 3.41.0, async callbacks", pings, median(rounds));
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
            return new Result("asterisk-java 3.41.0, sync", count, median(rounds));
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
