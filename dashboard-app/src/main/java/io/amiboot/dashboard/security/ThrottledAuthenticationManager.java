package io.amiboot.dashboard.security;

import java.time.Duration;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Asks the {@link LoginThrottle} right before the password check (a bcrypt hash per guess) and tells it the
 * outcome; serves the login form and HTTP Basic alike. Asking and hashing run together on one bounded-elastic
 * thread (the password check must not add a scheduler of its own), so attempts queued behind a burst are asked
 * when their turn comes, after the burst's failures were counted. The client address comes from the exchange
 * that Spring Security puts into the Reactor context of every secured request.
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
            return Mono.defer(() -> {
                Duration wait = throttle.waitBeforeAttempt(user, address);
                if (!wait.isZero()) {
                    return Mono.error(new LoginThrottledException(wait));
                }
                return passwordCheck.authenticate(attempt)
                        .doOnNext(authenticated -> throttle.succeeded(user))
                        .doOnError(AuthenticationException.class, refused -> throttle.failed(user, address));
            }).subscribeOn(Schedulers.boundedElastic());
        });
    }
}
