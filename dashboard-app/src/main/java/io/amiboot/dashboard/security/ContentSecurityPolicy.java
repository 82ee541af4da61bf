package io.amiboot.dashboard.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The {@code Content-Security-Policy} of every response: scripts, styles, fonts and connections (the WebSocket
 * included) from the dashboard's own origin only, no inline script or style, no plugins, no framing. Swagger UI
 * injects one fixed {@code <style>} element, allowed on its pages by its hash alone; after an upgrade of the
 * swagger-ui webjar {@code BoardBrowserIT} fails with the console message that names the new hash.
 */
final class ContentSecurityPolicy implements ServerHttpHeadersWriter {

    /** The policy of the dashboard's own pages and of every other response. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The style element swagger-ui-bundle.js (swagger-ui 5.32) adds to its page. */
    static final String SWAGGER_UI_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

    /** The policy of Swagger UI's pages: the same, and its one style element. */
    static final String SWAGGER_UI_POLICY = POLICY.replace("style-src 'self';", "style-src 'self' " + SWAGGER_UI_STYLE + ";");

    private static final String HEADER = "Content-Security-Policy";

    @Override
    public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (!headers.containsHeader(HEADER)) {
            boolean swaggerUi = exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/swagger-ui/");
            headers.set(HEADER, swaggerUi ? SWAGGER_UI_POLICY : POLICY);
        }
        return Mono.empty();
    }
}
