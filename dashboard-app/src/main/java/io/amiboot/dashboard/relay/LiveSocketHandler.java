package io.amiboot.dashboard.relay;

import io.amiboot.client.AmiEvent;
import io.amiboot.dashboard.DashboardProperties;
import io.amiboot.dashboard.live.LiveFeed;
import io.amiboot.dashboard.live.Pbx;
import io.amiboot.dashboard.live.Pbxs;
import io.amiboot.dashboard.validation.InvalidFieldException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code /ws/live} relay: a filtered snapshot of each server asked for (all by default), then filtered deltas (and event-log entries when asked for), as
 * JSON messages, several to a text frame separated by newlines when they are pending together. Each session sends only as fast as its client reads; meanwhile its updates coalesce in a
 * bounded {@link SessionBacklog}, so a stalled browser costs bounded memory and never holds up the others.
 */
public final class LiveSocketHandler implements WebSocketHandler {

    private static final int MAX_EVENTS = 500;

    /** The close reason of a session that asked for the event log without being a supervisor. */
    static final String EVENTS_REFUSED = "kinds=events (the raw AMI event log) is for supervisors";

    private static final String SUPERVISOR_AUTHORITY = "ROLE_" + DashboardProperties.Role.SUPERVISOR.name();

    /**
     * Characters after which a frame takes no more messages. Reactor Netty asks for 128 frames ahead and holds
     * them for a socket that stopped reading, so with the 500-entry backlog this bounds what a stalled browser
     * costs: about 128 × 4 K characters plus the backlog.
     */
    static final int FRAME_CHARS = 4 * 1024;

    private final Pbxs pbxs;

    private final EventLog eventLog;

    private final ObjectMapper json;

    private final int sessionBacklog;

    private final Set<SessionBacklog> open = ConcurrentHashMap.newKeySet();

    private final DrainQueue drains = new DrainQueue(Schedulers.parallel(), Schedulers.DEFAULT_POOL_SIZE);

    private final Object renderedLock = new Object();

    /** The event rendered last, and its message; guarded by {@link #renderedLock}. */
    private AmiEvent lastEvent;

    private RelayMessage.Event lastRendered;

    /**
     * A relay of the servers' live models and {@code eventLog}.
     *
     * @param pbxs the servers whose live models are relayed
     * @param eventLog the raw events relayed to supervisors who ask for them
     * @param json writes the messages
     * @param properties gives {@code dashboard.session-backlog}, the bound of each session's pending updates
     */
    public LiveSocketHandler(Pbxs pbxs, EventLog eventLog, ObjectMapper json, DashboardProperties properties) {
        this.pbxs = pbxs;
        this.eventLog = eventLog;
        this.json = json;
        this.sessionBacklog = properties.sessionBacklog();
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        RelayFilter filter;
        try {
            filter = RelayFilter.parse(UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri()).build()
                    .getQueryParams());
        }
        catch (InvalidFieldException invalid) {
            return session.close(CloseStatus.POLICY_VIOLATION.withReason(invalid.getMessage()));
        }
        List<String> unknown = filter.servers().stream().filter(server -> pbxs.find(server).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            return session.close(CloseStatus.POLICY_VIOLATION.withReason("Field 'server' names no configured server: "
                    + unknown + "; the servers are " + pbxs.names()));
        }
        if (!filter.wants("events")) {
            return relay(session, filter);
        }
        // The raw event log carries what the board does not show (variables, dialplan data, other sessions'
        // actions): supervisors only, checked on the principal of the handshake.
        return session.getHandshakeInfo().getPrincipal().filter(LiveSocketHandler::isSupervisor)
                .flatMap(supervisor -> relay(session, filter))
                .switchIfEmpty(Mono.defer(() -> session.close(CloseStatus.POLICY_VIOLATION.withReason(EVENTS_REFUSED))));
    }

    private static boolean isSupervisor(Principal principal) {
        return principal instanceof Authentication authentication && authentication.getAuthorities().stream()
                .anyMatch(authority -> SUPERVISOR_AUTHORITY.equals(authority.getAuthority()));
    }

    private Mono<Void> relay(WebSocketSession session, RelayFilter filter) {
        SessionBacklog backlog = new SessionBacklog(filter, sessionBacklog, MAX_EVENTS);
        open.add(backlog);
        Flux<String> outbound = Flux.create(sink -> {
            Drain drain = new Drain(sink, backlog, filter);
            List<Runnable> stops = new ArrayList<>();
            for (Pbx pbx : pbxs.all()) {
                if (filter.wantsServer(pbx.name())) {
                    stops.add(listen(pbx, filter, backlog, drain));
                }
            }
            sink.onRequest(requested -> drain.run());
            sink.onDispose(() -> {
                stops.forEach(Runnable::run);
                open.remove(backlog);
            });
        });
        return session.send(outbound.map(session::textMessage)).and(session.receive().then());
    }

    /** Feeds one server's deltas (and events, if asked for) into the session's backlog; returns what stops them. */
    private Runnable listen(Pbx pbx, RelayFilter filter, SessionBacklog backlog, Drain drain) {
        String server = pbx.name();
        Runnable stopLive = pbx.feed().listen(delta -> {
            backlog.offer(server, delta);
            drain.run();
        });
        Runnable stopEvents = !filter.wants("events") ? () -> {
        } : eventLog.listen(server, event -> {
            if (filter.wants(event)) {
                backlog.offer(rendered(server, event));
                drain.run();
            }
        });
        return () -> {
            stopLive.run();
            stopEvents.run();
        };
    }

    /**
     * The event-log message of {@code event}, rendered once however many sessions show it: every session's
     * listener hears the same event in turn, so the last one rendered is the one asked for again (an event object
     * comes from one server's client only).
     */
    private RelayMessage.Event rendered(String server, AmiEvent event) {
        synchronized (renderedLock) {
            if (event != lastEvent) {
                Map<String, String> headers = new LinkedHashMap<>();
                event.headers().forEach(header -> headers.putIfAbsent(header.getKey(), header.getValue()));
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("type", "event");
                message.put("server", server);
                message.put("event", headers);
                lastRendered = new RelayMessage.Event(json.writeValueAsString(message));
                lastEvent = event;
            }
            return lastRendered;
        }
    }

    /**
     * The open sessions and what their backlogs coalesced or dropped so far.
     *
     * @return a sum over the sessions open now, counted since each opened
     */
    public RelayStats stats() {
        long coalesced = 0;
        long dropped = 0;
        for (SessionBacklog backlog : open) {
            coalesced += backlog.coalesced();
            dropped += backlog.droppedEvents();
        }
        return new RelayStats(open.size(), coalesced, dropped);
    }

    /**
     * Relay statistics.
     *
     * @param sessions the open sessions
     * @param coalesced the updates their backlogs coalesced
     * @param droppedEvents the event-log entries their backlogs dropped
     */
    public record RelayStats(int sessions, long coalesced, long droppedEvents) {
    }

    /**
     * Sends pending messages while the client has demand, one drain at a time, on the {@link DrainQueue}: never on
     * the AMI client's event thread, which would otherwise serialize every session's JSON and socket writes
     * behind the events of the live model.
     */
    private final class Drain implements Runnable {

        private final AtomicInteger work = new AtomicInteger();

        private final FluxSink<String> sink;

        private final SessionBacklog backlog;

        private final RelayFilter filter;

        Drain(FluxSink<String> sink, SessionBacklog backlog, RelayFilter filter) {
            this.sink = sink;
            this.backlog = backlog;
            this.filter = filter;
        }

        @Override
        public void run() {
            if (work.getAndIncrement() == 0) {
                drains.wake(this::drain);
            }
        }

        private void drain() {
            int missed = 1;
            do {
                while (sink.requestedFromDownstream() > 0 && !sink.isCancelled()) {
                    String frame = nextFrame();
                    if (frame == null) {
                        break;
                    }
                    sink.next(frame);
                }
                missed = work.addAndGet(-missed);
            }
            while (missed != 0);
        }

        /**
         * What is pending, up to {@link #FRAME_CHARS}, as one text frame of newline-separated messages, or
         * {@code null}: one frame per burst instead of one per message is what lets a few cores serve a hundred
         * browsers at thousands of events a second.
         */
        private String nextFrame() {
            StringBuilder frame = null;
            RelayMessage message;
            while ((frame == null || frame.length() < FRAME_CHARS)
                    && (message = backlog.poll(server -> filter.apply(server, feedOf(server).snapshot()))) != null) {
                String text = message instanceof RelayMessage.Event event ? event.json() : json.writeValueAsString(message);
                if (frame == null) {
                    frame = new StringBuilder(Math.max(256, text.length() * 4));
                }
                else {
                    frame.append('\n');
                }
                frame.append(text);
            }
            return frame == null ? null : frame.toString();
        }

        private LiveFeed feedOf(String server) {
            return pbxs.find(server).map(Pbx::feed).orElse(LiveFeed.NONE);
        }
    }
}
