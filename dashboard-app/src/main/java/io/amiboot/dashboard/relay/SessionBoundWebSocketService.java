package io.amiboot.dashboard.relay;

import java.time.Duration;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ties a WebSocket opened with a login session (the page's cookie) to that session: once the session is logged out
 * (its security context removed) or expires, the socket is closed with {@link #SESSION_ENDED} within one check
 * interval. Without this, a socket opened before a logout would keep streaming the board to whoever has the
 * browser. Sockets opened with HTTP Basic credentials have no session to outlive and are left alone.
 */
final class SessionBoundWebSocketService implements WebSocketService {

    /** The close status of a socket whose login session ended: an application code the page reads as "sign in". */
    static final CloseStatus SESSION_ENDED = new CloseStatus(4401, "The login session ended; sign in again");

    private static final String SECURITY_CONTEXT = WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

    private final WebSocketService handshake = new HandshakeWebSocketService();

    private final Duration checkInterval;

    SessionBoundWebSocketService(Duration checkInterval) {
        this.checkInterval = checkInterval;
    }

    @Override
    public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
        return exchange.getSession().flatMap(login -> handshake.handleRequest(exchange, socket -> bound(login, socket, handler)));
    }

    private Mono<Void> bound(WebSession login, WebSocketSession socket, WebSocketHandler handler) {
        if (!isLoggedIn(login)) {
            return handler.handle(socket);
        }
        Mono<Void> sessionEnded = Flux.interval(checkInterval).filter(tick -> !isLoggedIn(login)).next()
                .flatMap(tick -> socket.close(SESSION_ENDED));
        // Whichever ends first wins: the relay (the client went away) or the session (the relay is cancelled).
        return Mono.firstWithSignal(handler.handle(socket), sessionEnded);
    }

    /** Reads the session's state without touching its last access time, so checking never keeps it alive. */
    private static boolean isLoggedIn(WebSession login) {
        return !login.isExpired() && login.getAttributes().containsKey(SECURITY_CONTEXT);
    }
}
