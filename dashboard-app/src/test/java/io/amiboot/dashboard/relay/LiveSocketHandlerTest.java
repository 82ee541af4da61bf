package io.amiboot.dashboard.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.amiboot.live.LiveCall;
import io.amiboot.live.LiveChannel;
import io.amiboot.live.LiveDelta;
import io.amiboot.live.LiveSnapshot;
import io.amiboot.client.AmiEvent;
import io.amiboot.dashboard.DashboardProperties;
import io.amiboot.dashboard.DashboardProperties.Role;
import io.amiboot.dashboard.TestAsteriskBeans;
import io.amiboot.dashboard.live.LiveFeed;
import io.amiboot.dashboard.live.Pbx;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.adapter.AbstractWebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a session sends: messages pending together share a text frame, one JSON message per line, bounded in size. */
class LiveSocketHandlerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final LiveSnapshot EMPTY = new LiveSnapshot(1, true, List.of(), List.of(), List.of());

    private final AtomicReference<Consumer<AmiEvent>> eventLog = new AtomicReference<>();

    private final LiveSocketHandler handler = new LiveSocketHandler(() -> List.of(new Pbx("pbx",
            TestAsteriskBeans.fixedFeed(() -> EMPTY), action -> CompletableFuture.failedFuture(new AssertionError("no actions")))),
            (server, listener) -> {
        eventLog.set(listener);
        return () -> eventLog.set(null);
    }, JSON, new DashboardProperties(List.of("test"), Map.of(), List.of(), 256, null, null, null, null));

    private final Map<String, Consumer<LiveDelta>> liveListeners = new ConcurrentHashMap<>();

    private final Map<String, Consumer<AmiEvent>> eventListeners = new ConcurrentHashMap<>();

    /** London and Paris, each with one call, their feeds and event logs recording who listens. */
    private final LiveSocketHandler twoServers = new LiveSocketHandler(() -> List.of(
            new Pbx("london", listenedFeed("london", "1.1"), action -> CompletableFuture.failedFuture(new AssertionError("no actions"))),
            new Pbx("paris", listenedFeed("paris", "2.1"), action -> CompletableFuture.failedFuture(new AssertionError("no actions")))),
            (server, listener) -> {
                eventListeners.put(server, listener);
                return () -> eventListeners.remove(server);
            }, JSON, new DashboardProperties(List.of("test"), Map.of(), List.of(), 256, null, null, null, null));

    private LiveFeed listenedFeed(String server, String callId) {
        LiveSnapshot model = new LiveSnapshot(4, true, List.of(new LiveCall(callId, List.of(new LiveChannel(callId, callId,
                "PJSIP/1001-" + callId, "Up", "1001", "", "", "", "test", "200", "1", "", false, null, List.of(), Instant.EPOCH)),
                Instant.EPOCH)), List.of(), List.of());
        return new LiveFeed() {
            @Override
            public LiveSnapshot snapshot() {
                return model;
            }

            @Override
            public Runnable listen(Consumer<LiveDelta> listener) {
                liveListeners.put(server, listener);
                listener.accept(new LiveDelta.Resynced(model.version(), model));
                return () -> liveListeners.remove(server);
            }
        };
    }

    private static List<String> typesAndServers(String frame) {
        return lines(frame).stream().map(m -> m.get("type").asString() + "@" + m.path("server").asString("-")).toList();
    }

    @Test
    void everyServerIsRelayedAndEveryMessageSaysWhichServerItIsAbout() {
        StepVerifier.create(frames(twoServers, "/ws/live?kinds=calls,events", Role.SUPERVISOR, new AtomicReference<>()), 0)
                .then(() -> {
                    liveListeners.get("paris").accept(new LiveDelta.CallRemoved(5, "2.1"));
                    eventListeners.get("london").accept(AmiEvent.of("Event", "Hangup", "Uniqueid", "1.1"));
                })
                .thenRequest(1)
                .assertNext(frame -> {
                    assertThat(typesAndServers(frame)).containsExactly("snapshot@london", "snapshot@paris",
                            "callRemoved@paris", "event@london");
                    assertThat(lines(frame).get(0).get("calls").get(0).get("id").asString()).isEqualTo("1.1");
                    assertThat(lines(frame).get(1).get("calls").get(0).get("id").asString()).isEqualTo("2.1");
                })
                .thenCancel().verify(Duration.ofSeconds(10));
        assertThat(liveListeners).as("listeners, removed on cancel").isEmpty();
        assertThat(eventListeners).isEmpty();
    }

    @Test
    void aServerFilterListensToThatServerOnly() {
        StepVerifier.create(frames(twoServers, "/ws/live?kinds=calls,events&server=paris", Role.SUPERVISOR,
                new AtomicReference<>()), 1)
                .assertNext(frame -> assertThat(typesAndServers(frame)).containsExactly("snapshot@paris"))
                // A step of its own, not in assertNext: the verifier may already be cancelling while that runs.
                .then(() -> {
                    assertThat(liveListeners.keySet()).containsExactly("paris");
                    assertThat(eventListeners.keySet()).containsExactly("paris");
                })
                .thenCancel().verify(Duration.ofSeconds(10));
    }

    @Test
    void anUnknownOrMalformedServerClosesTheSessionNamingIt() {
        for (String query : List.of("server=paris,rome", "server=a$b")) {
            AtomicReference<CloseStatus> closed = new AtomicReference<>();
            StepVerifier.create(frames(twoServers, "/ws/live?" + query, Role.VIEWER, closed)).verifyComplete();
            assertThat(closed.get()).as(query).isNotNull()
                    .satisfies(status -> assertThat(status.getCode()).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode()))
                    .satisfies(status -> assertThat(status.getReason()).contains("Field 'server'"));
            assertThat(liveListeners).as("no listener for " + query).isEmpty();
        }
        AtomicReference<CloseStatus> closed = new AtomicReference<>();
        StepVerifier.create(frames(twoServers, "/ws/live?server=rome", Role.VIEWER, closed)).verifyComplete();
        assertThat(closed.get().getReason()).isEqualTo("Field 'server' names no configured server: [rome]; the servers are [london, paris]");
    }

    @Test
    void messagesPendingTogetherGoOutAsOneFrameOfLines() {
        StepVerifier.create(frames("/ws/live?kinds=calls,events"), 0)
                .then(() -> publish(10, 0))
                .thenRequest(1)
                .assertNext(frame -> {
                    List<JsonNode> messages = lines(frame);
                    assertThat(messages).hasSize(11);
                    assertThat(messages.get(0).get("type").asString()).isEqualTo("snapshot");
                    assertThat(messages.subList(1, 11)).extracting(m -> m.get("event").get("Seq").asString())
                            .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
                })
                .then(() -> publish(1, 10))
                .thenRequest(1)
                .assertNext(frame -> assertThat(lines(frame)).singleElement()
                        .satisfies(m -> assertThat(m.get("event").get("Seq").asString()).isEqualTo("10")))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        assertThat(eventLog.get()).as("the event log listener, removed on cancel").isNull();
    }

    @Test
    void aLargeBacklogIsSplitIntoBoundedFramesInOrder() {
        List<String> frames = new ArrayList<>();
        StepVerifier.create(frames("/ws/live?kinds=events"), 0)
                .then(() -> publish(400, 0))
                .thenRequest(Long.MAX_VALUE)
                .recordWith(() -> frames)
                .thenConsumeWhile(frame -> !frame.contains("\"Seq\":\"399\""))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        List<String> seqs = new ArrayList<>();
        for (String frame : frames) {
            // A frame stops taking messages once past FRAME_CHARS, so it ends at most one message beyond.
            assertThat(frame.length()).isLessThan(LiveSocketHandler.FRAME_CHARS + 1_000);
            lines(frame).stream().filter(m -> m.has("event")).forEach(m -> seqs.add(m.get("event").get("Seq").asString()));
        }
        assertThat(frames).as("frames for 400 events of ~300 characters").hasSizeBetween(20, 45);
        assertThat(seqs).hasSize(400).startsWith("0", "1").endsWith("398", "399").doesNotHaveDuplicates();
    }

    @Test
    void anEventThatReachesAClosedSessionIsDroppedWithoutAnErrorForTheEventThread() {
        AtomicReference<Consumer<AmiEvent>> heldByTheClient = new AtomicReference<>();
        StepVerifier.create(frames("/ws/live?kinds=events"), 1)
                .assertNext(frame -> assertThat(lines(frame).get(0).get("type").asString()).isEqualTo("snapshot"))
                // A step of its own, not in assertNext: the verifier may already be cancelling while that runs.
                .then(() -> heldByTheClient.set(eventLog.get()))
                .thenCancel().verify(Duration.ofSeconds(10));
        // The AMI client may already be calling the listener as the session closes: that call must not throw
        // (the client logs a listener failure for every event), however the closing raced it.
        assertThat(eventLog.get()).as("unregistered on close").isNull();
        assertThatCode(() -> heldByTheClient.get().accept(AmiEvent.of("Event", "UserEvent", "UserEvent", "Late")))
                .doesNotThrowAnyException();
    }

    @Test
    void onlySupervisorsGetTheEventLog() {
        for (Role role : new Role[] { null, Role.VIEWER, Role.OPERATOR }) {
            for (String uri : List.of("/ws/live?kinds=events", "/ws/live?kinds=calls,queues,endpoints,events&event=DTMFEnd")) {
                AtomicReference<CloseStatus> closed = new AtomicReference<>();
                StepVerifier.create(frames(uri, role, closed)).verifyComplete();
                assertThat(closed.get()).as(role + " " + uri).isNotNull()
                        .satisfies(status -> assertThat(status.getCode()).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode()))
                        .satisfies(status -> assertThat(status.getReason()).contains("supervisors"));
                assertThat(eventLog.get()).as("no event-log listener for " + role).isNull();
            }
        }
    }

    @Test
    void everyRoleGetsTheBoardWithoutTheEventLog() {
        AtomicReference<CloseStatus> closed = new AtomicReference<>();
        StepVerifier.create(frames("/ws/live?kinds=calls,queues,endpoints", Role.VIEWER, closed), 1)
                .assertNext(frame -> assertThat(lines(frame).get(0).get("type").asString()).isEqualTo("snapshot"))
                .thenCancel().verify(Duration.ofSeconds(10));
        assertThat(closed.get()).isNull();
        assertThat(eventLog.get()).isNull();
    }

    /** Publishes {@code count} UserEvents numbered from {@code first}, each about 300 characters of JSON. */
    private void publish(int count, int first) {
        for (int i = first; i < first + count; i++) {
            eventLog.get().accept(AmiEvent.of("Event", "UserEvent", "UserEvent", "Test", "Seq", Integer.toString(i),
                    "Padding", "x".repeat(240)));
        }
    }

    private static List<JsonNode> lines(String frame) {
        return frame.lines().map(JSON::readTree).toList();
    }

    /** Opens a session on {@code uri} as a supervisor and returns the text of the frames the handler sends on it. */
    private Flux<String> frames(String uri) {
        return frames(uri, Role.SUPERVISOR, new AtomicReference<>());
    }

    private Flux<String> frames(String uri, Role role, AtomicReference<CloseStatus> closed) {
        return frames(handler, uri, role, closed);
    }

    /**
     * Opens a session of {@code handler} on {@code uri} as {@code role} (none: no principal) and returns the text of the frames the
     * handler sends on it; {@code closed} gets the status if the handler closes the session.
     */
    private static Flux<String> frames(LiveSocketHandler handler, String uri, Role role, AtomicReference<CloseStatus> closed) {
        AtomicReference<Publisher<WebSocketMessage>> sent = new AtomicReference<>(Flux.empty());
        Mono<Principal> principal = role == null ? Mono.empty() : Mono.just(UsernamePasswordAuthenticationToken
                .authenticated(role.name().toLowerCase(Locale.ROOT), null, Arrays.stream(role.grantedRoles())
                        .map(name -> new SimpleGrantedAuthority("ROLE_" + name)).toList()));
        WebSocketSession session = new AbstractWebSocketSession<Object>(new Object(), "test",
                new HandshakeInfo(URI.create("ws://localhost" + uri), new HttpHeaders(), principal, null),
                DefaultDataBufferFactory.sharedInstance) {

            @Override
            public Flux<WebSocketMessage> receive() {
                return Flux.never();
            }

            @Override
            public Mono<Void> send(Publisher<WebSocketMessage> messages) {
                sent.set(messages);
                return Mono.never();
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public Mono<Void> close(CloseStatus status) {
                closed.set(status);
                return Mono.empty();
            }

            @Override
            public Mono<CloseStatus> closeStatus() {
                return Mono.never();
            }
        };
        return Flux.defer(() -> {
            handler.handle(session).subscribe();
            return Flux.from(sent.get()).map(WebSocketMessage::getPayloadAsText);
        });
    }
}
