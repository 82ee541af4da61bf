package io.amiboot.dashboard.security;

import java.time.Duration;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Asks the {@link LoginThrottle} before the password check (a bcrypt hash per guess) and tells it the outcome;
 * serves the login form and HTTP Basic alike. The client address comes from the exchange that Spring Security
 * puts into the Reactor context of every secured request.
 */
final class ThrottledAuthenticationManager implements ReactiveAuthenticationManager {

    private final ReactiveAuthenticationManager passwordCheck;

    private final LoginThrottle throttle;

    ThrottledAuthenticationManager(ReactiveAuthenticationManager passwordCheck, LoginThrottle throttle) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        return Mono.deferContextual(context -> {
            String address = context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
                    .map(exchange -> ClientAddress.of(exchange.getRequest())).orElse(ClientAddress.UNKNOWN);
            String user = attempt.getName();
            Duration wait = throttle.tryAttempt(user, address);
            if (!wait.isZero()) {
                return Mono.error(new LoginThrottledException(wait));
            }
            return passwordCheck.authenticate(attempt).doOnNext(authenticated -> throttle.succeeded(user, address));
        });
    }
}
