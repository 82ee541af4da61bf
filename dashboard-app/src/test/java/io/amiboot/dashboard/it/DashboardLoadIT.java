package io.amiboot.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.TestAsterisk;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load: 100 WebSocket clients subscribed to the whole dashboard while calls are originated through the REST API
 * at 20 per second against the real Asterisk, for {@value #SECONDS} s (each call lasts 30 s, so about 600 are up
 * at once by the end). Zero errors; the heap after a GC stays within a bound; the latencies are printed (and written to
 * the reliability table), never asserted as speed.
 */
@RealAsterisk
class DashboardLoadIT {

    private static final int CLIENTS = 100;

    private static final int CALLS_PER_SECOND = 20;

    private static final int SECONDS = 60;

    /** Allowed growth of the heap after GC: the backlogs and the event log are bounded, calls are hung up. */
    private static final long HEAP_MARGIN = 64L * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void hundredSocketsAndTwentyCallsASecond(TestAsterisk asterisk) throws Exception {
        try (RunningDashboard dashboard = RunningDashboard.start(asterisk)) {
            AmiClient ami = dashboard.context.getBean(AmiClient.class);
            long heapBefore = heapAfterGc();
            AtomicInteger socketErrors = new AtomicInteger();
            AtomicInteger socketsClosed = new AtomicInteger();
            AtomicLong messages = new AtomicLong();
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            Map<String, Long> seenAt = new ConcurrentHashMap<>();
            AtomicInteger[] perClient = new AtomicInteger[CLIENTS];
            List<Disposable> sockets = new ArrayList<>();
            // Browsers take frames of any size; a fresh snapshot of hundreds of calls exceeds Netty's 64 KB default.
            ReactorNettyWebSocketClient webSockets = new ReactorNettyWebSocketClient(HttpClient.create(),
                    () -> WebsocketClientSpec.builder().maxFramePayloadLength(16 * 1024 * 1024));
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString("viewer:viewer-pw".getBytes()));
            headers.set(HttpHeaders.ORIGIN, dashboard.baseUrl());
            for (int i = 0; i < CLIENTS; i++) {
                AtomicInteger received = new AtomicInteger();
                perClient[i] = received;
                boolean timing = i == 0;
                // One message per line; a frame may hold several.
                sockets.add(webSockets.execute(URI.create("ws://127.0.0.1:" + dashboard.port + "/ws/live"), headers,
                        session -> session.receive().map(WebSocketMessage::getPayloadAsText)
                                .flatMapIterable(frame -> frame.lines().toList()).doOnNext(text -> {
                                    received.incrementAndGet();
                                    messages.incrementAndGet();
                                    if (timing && text.contains("\"type\":\"call\"")) {
                                        JsonNode call = JSON.readTree(text).get("call");
                                        for (JsonNode channel : call.get("channels")) {
                                            String name = channel.get("callerIdName").asString();
                                            if (name.startsWith("Load ")) {
                                                seenAt.putIfAbsent(name, System.nanoTime());
                                            }
                                        }
                                    }
                                }).then()).subscribe(ignored -> { }, error -> {
                            System.out.println("LOAD WebSocket error: " + error);
                            socketErrors.incrementAndGet();
                        }, socketsClosed::incrementAndGet));
            }
            Awaitility.await("every client's snapshot").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertThat(Arrays.stream(perClient).filter(c -> c.get() > 0).count())
                            .as("clients that got their snapshot").isEqualTo(CLIENTS));

            List<Long> apiNanos = new CopyOnWriteArrayList<>();
            AtomicInteger apiErrors = new AtomicInteger();
            long start = System.nanoTime();
            int total = CALLS_PER_SECOND * SECONDS;
            CountDownLatch answered = new CountDownLatch(total);
            try {
                for (int n = 0; n < total; n++) {
                    long due = start + n * (1_000_000_000L / CALLS_PER_SECOND);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    String name = "Load " + n;
                    long sent = System.nanoTime();
                    sentAt.put(name, sent);
                    dashboard.api("operator").post().uri("/api/calls").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("from", "100@test", "to", "200", "context", "test", "callerIdName", name))
                            .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().is2xxSuccessful()))
                            .subscribe(ok -> {
                                if (ok) {
                                    apiNanos.add(System.nanoTime() - sent);
                                }
                                else {
                                    apiErrors.incrementAndGet();
                                }
                                answered.countDown();
                            }, error -> {
                                apiErrors.incrementAndGet();
                                answered.countDown();
                            });
                }
                assertThat(answered.await(30, TimeUnit.SECONDS)).as("every originate answered").isTrue();
                Awaitility.await("every call on the timing WebSocket client").atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(seenAt)
                                .as("calls the timing WebSocket client saw").hasSize(total));
            }
            finally {
                ami.send(AmiAction.builder("Hangup").header("Channel", "/^Local\\/100@test-.*$/").build())
                        .exceptionally(ignored -> null).get(30, TimeUnit.SECONDS);
            }
            long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            awaitNoLoadChannels(ami);
            long heapAfter = heapAfterGc();
            sockets.forEach(Disposable::dispose);

            List<Long> deliveryNanos = new ArrayList<>();
            seenAt.forEach((name, seen) -> deliveryNanos.add(seen - sentAt.get(name)));
            String api = percentiles(apiNanos);
            String delivery = percentiles(deliveryNanos);
            System.out.printf("LOAD %d clients, %d calls in %d s: API originate %s; call on the WebSocket %s;"
                            + " %d messages; heap after GC %d MB -> %d MB%n", CLIENTS, total, elapsed, api, delivery,
                    messages.get(), heapBefore >> 20, heapAfter >> 20);

            assertThat(apiErrors.get()).as("REST errors").isZero();
            assertThat(apiNanos).hasSize(total);
            assertThat(socketErrors.get()).as("WebSocket errors").isZero();
            assertThat(socketsClosed.get()).as("WebSockets closed by the server").isZero();
            assertThat(seenAt).as("calls the timing WebSocket client saw").hasSize(total);
            assertThat(heapAfter).as("heap after GC (before: %d MB)", heapBefore >> 20).isLessThan(heapBefore + HEAP_MARGIN);
            Reliability.row("Load: " + CLIENTS + " WebSocket clients, " + CALLS_PER_SECOND + " calls/s for " + SECONDS + " s",
                    CLIENTS + " subscribed WebSockets, " + total + " calls originated through REST at " + CALLS_PER_SECOND + "/s",
                    "none (load only)",
                    "0 REST errors, 0 WebSocket errors or closes, " + messages.get() + " messages delivered; originate "
                            + api + "; call seen on a WebSocket " + delivery + "; heap after GC " + (heapBefore >> 20)
                            + " MB -> " + (heapAfter >> 20) + " MB",
                    "nothing (" + seenAt.size() + "/" + total + " calls seen by the timing client)");
        }
    }

    /** Waits until Asterisk lists none of the load's channels, so the heap is measured with every call gone. */
    private static void awaitNoLoadChannels(AmiClient ami) {
        Awaitility.await("the load's channels to be gone").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(ami.send(AmiAction.of("CoreShowChannels")).get(10, TimeUnit.SECONDS).events())
                        .as("channels of the load still up after the hangup")
                        .noneMatch(channel -> channel.get("Channel").startsWith("Local/100@test-")));
    }

    private static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "p50 n/a, p99 n/a";
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("p50 %.1f ms, p99 %.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
