package io.amiboot.dashboard.relay;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses WebSocket handshakes from foreign browser pages (cross-site WebSocket hijacking): an {@code Origin}
 * must be the dashboard's own or one of {@code dashboard.allowed-origins}. Clients that send no Origin (not
 * browsers) pass; they still need credentials.
 */
public final class OriginCheckFilter implements WebFilter {

    private final List<String> allowedOrigins;

    /**
     * A check allowing the dashboard's own origin and {@code allowedOrigins}.
     *
     * @param allowedOrigins further origins allowed, compared exactly ({@code https://board.example:8443})
     */
    public OriginCheckFilter(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/ws/")) {
            return chain.filter(exchange);
        }
        String origin = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ORIGIN);
        if (origin == null || isOwn(origin, exchange.getRequest().getURI()) || allowedOrigins.contains(origin)) {
            return chain.filter(exchange);
        }
        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
        return exchange.getResponse().setComplete();
    }

    private static boolean isOwn(String origin, URI request) {
        try {
            URI from = URI.create(origin);
            String scheme = request.getScheme() == null ? "http" : request.getScheme().replace("ws", "http");
            return scheme.equalsIgnoreCase(from.getScheme()) && request.getHost() != null
                    && request.getHost().equalsIgnoreCase(from.getHost()) && port(request) == port(from);
        }
        catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
