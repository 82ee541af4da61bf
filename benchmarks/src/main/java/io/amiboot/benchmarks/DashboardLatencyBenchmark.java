package io.amiboot.benchmarks;

import io.amiboot.client.AmiClient;
import io.amiboot.dashboard.DashboardApplication;
import io.amiboot.dashboard.relay.LiveSocketHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * Latency from an AMI event leaving the peer to a WebSocket client of the dashboard holding it: the replay peer
 * sends {@code UserEvent}s at a steady rate, each stamped with {@link System#nanoTime()}, to a dashboard running
 * in this JVM; every socket subscribes to the event log and notes how late each event came. Optionally one more
 * socket completes its handshake and never reads.
 */
public final class DashboardLatencyBenchmark {

    /** One measured run: latencies in nanoseconds over every socket and every measured event. */
    public record Result(String name, int sockets, int opened, Duration openTime, long expected, long[] latencies, long clientDropped,
            long relayDropped) {

        public long percentile(double fraction) {
            return latencies.length == 0 ? -1 : latencies[(int) Math.min(latencies.length - 1, Math.floor(fraction * latencies.length))];
        }

        public long max() {
            return latencies.length == 0 ? -1 : latencies[latencies.length - 1];
        }
    }

    /** Handshakes in flight at once, as browsers reconnecting after an outage are spread by their own backoff. */
    private static final int HANDSHAKES_IN_FLIGHT = 32;

    private static final String USER = "bench";

    private static final String PASSWORD = "bench-pw";

    /**
     * Each socket on a connection of its own: a WebSocket never returns its connection to a pool, so the default
     * pooled provider (500 connections) times out every socket past the 500th ({@code PoolAcquireTimeoutException}).
     */
    private static final HttpClient WEB_SOCKETS = HttpClient.newConnection();

    private final int sockets;

    private final int eventsPerSecond;

    private final Duration warmup;

    private final Duration measured;

    public DashboardLatencyBenchmark(int sockets, int eventsPerSecond, Duration warmup, Duration measured) {
        this.sockets = sockets;
        this.eventsPerSecond = eventsPerSecond;
        this.warmup = warmup;
        this.measured = measured;
    }

    /** One run to warm the JIT up (discarded), then the two measured runs. */
    public List<Result> runAll() throws Exception {
        run(false);
        return List.of(run(false), run(true));
    }

    Result run(boolean withStalledSocket) throws Exception {
        long warmupEvents = warmup.toSeconds() * eventsPerSecond;
        long measuredEvents = measured.toSeconds() * eventsPerSecond;
        long[][] latencies = new long[sockets][(int) measuredEvents];
        int[] received = new int[sockets];
        long clientDropped;
        long relayDropped;
        // The events start once every socket has its snapshot or has failed, so that none misses the start of the
        // measured span; failed sockets are counted, and expect nothing.
        CountDownLatch subscribed = new CountDownLatch(sockets);
        AtomicInteger failed = new AtomicInteger();
        Semaphore handshakes = new Semaphore(HANDSHAKES_IN_FLIGHT);
        Duration openTime;
        // A minute, and more for many sockets: a thousand handshakes take a while on a busy machine.
        long subscribeSeconds = Math.max(60, sockets / 5);
        try (ReplayPeer peer = new ReplayPeer(output -> {
            if (!subscribed.await(subscribeSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException(subscribed.getCount() + " of " + sockets + " sockets got no snapshot within "
                        + subscribeSeconds + " s");
            }
            pace(output, warmupEvents + measuredEvents + eventsPerSecond);
        });
             ConfigurableApplicationContext dashboard = startDashboard(peer.url())) {
            int port = ((WebServerApplicationContext) dashboard).getWebServer().getPort();
            List<Disposable> clients = new ArrayList<>();
            Socket stalled = withStalledSocket ? stalledSocket(port) : null;
            // Every socket on one login session, as the page's sockets are: with HTTP Basic credentials each
            // handshake paid a bcrypt check, a thousand of them took minutes on two cores and the run measured
            // nothing but the password hashing.
            String session = DashboardLogin.session(port, USER, PASSWORD);
            long openStart = System.nanoTime();
            for (int i = 0; i < sockets; i++) {
                int socket = i;
                AtomicBoolean first = new AtomicBoolean(true);
                // The first line or the failure of the socket, whichever comes first, settles it.
                BooleanSupplier settle = () -> {
                    if (!first.compareAndSet(true, false)) {
                        return false;
                    }
                    subscribed.countDown();
                    handshakes.release();
                    return true;
                };
                handshakes.acquire();
                clients.add(connect("ws://127.0.0.1:" + port + "/ws/live?kinds=events&event=UserEvent", session, text -> {
                    settle.getAsBoolean();
                    long sent = headerValue(text, "SentNanos");
                    long seq = headerValue(text, "Seq");
                    if (sent > 0 && seq >= warmupEvents && seq < warmupEvents + measuredEvents
                            && received[socket] < latencies[socket].length) {
                        synchronized (latencies[socket]) {
                            latencies[socket][received[socket]++] = System.nanoTime() - sent;
                        }
                    }
                }, error -> {
                    if (settle.getAsBoolean()) {
                        failed.incrementAndGet();
                    }
                }));
            }
            subscribed.await(subscribeSeconds, TimeUnit.SECONDS);
            openTime = Duration.ofNanos(System.nanoTime() - openStart);
            peer.awaitStreamed(warmup.plus(measured).plusSeconds(subscribeSeconds).toSeconds(), TimeUnit.SECONDS);
            TimeUnit.SECONDS.sleep(1);
            clientDropped = dashboard.getBean(AmiClient.class).droppedEvents();
            relayDropped = dashboard.getBean(LiveSocketHandler.class).stats().droppedEvents();
            clients.forEach(Disposable::dispose);
            if (stalled != null) {
                stalled.close();
            }
        }
        long total = 0;
        for (int count : received) {
            total += count;
        }
        long[] all = new long[(int) total];
        int offset = 0;
        for (int i = 0; i < sockets; i++) {
            System.arraycopy(latencies[i], 0, all, offset, received[i]);
            offset += received[i];
        }
        Arrays.sort(all);
        String name = String.format("%d sockets%s, %,d events/s", sockets, withStalledSocket ? " + 1 that stops reading" : "",
                eventsPerSecond);
        int opened = sockets - failed.get();
        return new Result(name, sockets, opened, openTime, measuredEvents * opened, all, clientDropped, relayDropped);
    }

    /** Sends {@code count} stamped UserEvents, {@code eventsPerSecond} spread over 5 ms ticks. */
    private void pace(ReplayPeer.Output output, long count) throws java.io.IOException {
        long tickNanos = TimeUnit.MILLISECONDS.toNanos(5);
        double perTick = eventsPerSecond * 0.005;
        long start = System.nanoTime();
        long sent = 0;
        for (long tick = 1; sent < count; tick++) {
            long due = Math.min(count, Math.round(tick * perTick));
            StringBuilder batch = new StringBuilder();
            for (; sent < due; sent++) {
                batch.append("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: Latency\r\nSeq: ").append(sent)
                        .append("\r\nSentNanos: ").append(System.nanoTime()).append("\r\n\r\n");
            }
            output.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
            long wait = start + tick * tickNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private static ConfigurableApplicationContext startDashboard(String amiUrl) {
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        return new SpringApplicationBuilder(DashboardApplication.class)
                .web(WebApplicationType.REACTIVE)
                .logStartupInfo(false)
                .run("--ami.url=" + amiUrl, "--ami.keepalive-interval=0", "--server.port=0", "--server.address=127.0.0.1",
                        "--dashboard.users." + USER + ".password=" + hash, "--dashboard.users." + USER + ".role=supervisor",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN");
    }

    private static String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.US_ASCII));
    }

    /** Opens a WebSocket to {@code uri} that hands {@code onText} each line of each text frame. */
    static Disposable connect(String uri, Consumer<String> onText) {
        return connect(uri, null, onText, error -> {
        });
    }

    /**
     * The same on the login session {@code session} (none: no cookie), telling {@code onError} if the socket fails
     * (its handshake or later).
     */
    static Disposable connect(String uri, String session, Consumer<String> onText, Consumer<Throwable> onError) {
        return WEB_SOCKETS
                .headers(headers -> {
                    if (session != null) {
                        headers.set("Cookie", DashboardLogin.SESSION_COOKIE + "=" + session);
                    }
                })
                .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build())
                .uri(uri)
                .handle((in, out) -> in.aggregateFrames(1 << 20).receive().asString()
                        .doOnNext(frame -> frame.lines().forEach(onText)).then())
                .subscribe(null, onError);
    }

    /** A WebSocket client that completes its handshake, subscribes to everything, and then never reads. */
    private static Socket stalledSocket(int port) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws/live?kinds=calls,queues,endpoints,events HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nAuthorization: " + basicAuth() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder status = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            status.append((char) c);
        }
        if (!status.toString().startsWith("HTTP/1.1 101")) {
            throw new IllegalStateException("The stalled socket's handshake was refused: " + status);
        }
        return socket;
    }

    /** The number after {@code "name":"} in a JSON text, or -1; cheap enough not to distort the figures. */
    static long headerValue(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        if (at < 0) {
            return -1;
        }
        long value = 0;
        for (int i = at + name.length() + 4; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
