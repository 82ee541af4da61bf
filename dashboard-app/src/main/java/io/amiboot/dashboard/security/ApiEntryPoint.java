package io.amiboot.dashboard.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * How the API (and Actuator, and the WebSocket handshake) answers a request it cannot authenticate: {@code 429}
 * with {@code Retry-After} for a throttled sign-in; {@code 401} with a Basic challenge for scripts; {@code 401}
 * without one for browsers (see {@link BrowserRequests}), whose page then goes to the login form.
 */
final class ApiEntryPoint implements ServerAuthenticationEntryPoint {

    private final HttpBasicServerAuthenticationEntryPoint basic = new HttpBasicServerAuthenticationEntryPoint();

    ApiEntryPoint(String realm) {
        basic.setRealm(realm);
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException refused) {
        ServerHttpResponse response = exchange.getResponse();
        if (refused instanceof LoginThrottledException throttled) {
            response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            return response.setComplete();
        }
        if (BrowserRequests.isBrowser(exchange.getRequest())) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return response.setComplete();
        }
        return basic.commence(exchange, refused);
    }
}
