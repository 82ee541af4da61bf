package io.amiboot.dashboard.security;

import io.amiboot.dashboard.DashboardProperties;
import io.amiboot.dashboard.DashboardProperties.Role;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Form login for the page, HTTP Basic for the API; viewers read, operators act on calls and queues, supervisors
 * also spy and record and use Actuator, except {@code /actuator/health} and its probes, which answer anyone (the
 * status alone unless a supervisor asks), and {@code /actuator/prometheus}, which a metrics-only user scrapes too.
 * Every write a browser sends (see {@link BrowserRequests}) needs the
 * {@code XSRF-TOKEN} cookie echoed in {@code X-XSRF-TOKEN}, even with HTTP Basic credentials, which a browser may
 * have cached and attach on its own; scripts with Basic credentials and none of a browser's headers skip CSRF.
 * Failed sign-ins are throttled ({@link LoginThrottle}). Pages may load scripts, styles and connections from the
 * dashboard's own origin only ({@link ContentSecurityPolicy}); no {@code Referer} leaves it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /**
     * Who may scrape {@code /actuator/prometheus}: a metrics-only user, which gets nothing else, and supervisors, who
     * get every endpoint. Operators and viewers do not: the meters name every server and show its traffic.
     */
    private static final String[] METRICS_SCRAPERS = { Role.METRICS.name(), Role.SUPERVISOR.name() };

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    MapReactiveUserDetailsService userDetailsService(DashboardProperties properties, PasswordEncoder encoder) {
        return DashboardUsers.from(properties, encoder);
    }

    /** The password check behind the login form and HTTP Basic, asking the login throttle first. */
    @Bean
    ReactiveAuthenticationManager authenticationManager(MapReactiveUserDetailsService users, PasswordEncoder encoder,
            LoginThrottleProperties throttle) {
        UserDetailsRepositoryReactiveAuthenticationManager passwordCheck = new UserDetailsRepositoryReactiveAuthenticationManager(users);
        passwordCheck.setPasswordEncoder(encoder);
        // Hashes on the thread ThrottledAuthenticationManager asked the throttle on.
        passwordCheck.setScheduler(Schedulers.immediate());
        return new ThrottledAuthenticationManager(passwordCheck, new LoginThrottle(throttle, Clock.systemUTC()));
    }

    /**
     * Hides what else Actuator would show a supervisor and should not: the users' password hashes, values named
     * like a password, secret, key or token, URLs, the command line. The AMI function runs first and keeps AMI
     * URLs readable with their secret masked.
     */
    @Bean
    SanitizingFunction credentialsSanitizingFunction() {
        return SanitizingFunction.sanitizeValue().ifLikelySensitive();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveAuthenticationManager authenticationManager) {
        ServerWebExchangeMatcher api = new OrServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers("/api/**", "/ws/**", "/v3/api-docs/**"), EndpointRequest.toAnyEndpoint());
        ApiEntryPoint apiEntryPoint = new ApiEntryPoint("amiboot dashboard");
        ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();
        return http
                .authenticationManager(authenticationManager)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/login", "/login.html", "/webjars/**", "/css/**", "/js/login.js", "/js/api.js", "/favicon.ico").permitAll()
                        // Probes carry no credentials; the health endpoint itself shows anonymous callers the status only.
                        .matchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .matchers(EndpointRequest.to(PrometheusScrapeEndpoint.class)).hasAnyRole(METRICS_SCRAPERS)
                        .matchers(EndpointRequest.toAnyEndpoint()).hasRole("SUPERVISOR")
                        .pathMatchers(HttpMethod.GET, "/api/**").hasRole("VIEWER")
                        .pathMatchers(supervisorOnlyApiPaths()).hasRole("SUPERVISOR")
                        .pathMatchers("/api/**").hasRole("OPERATOR")
                        .anyExchange().hasRole("VIEWER"))
                .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(apiEntryPoint))
                .formLogin(form -> form.loginPage("/login").authenticationFailureHandler((filterExchange, refused) ->
                        redirect.sendRedirect(filterExchange.getExchange(), URI.create(refused instanceof LoginThrottledException throttled
                                ? "/login?throttled=" + throttled.retryAfterSeconds() : "/login?error"))))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(new DelegatingServerAuthenticationEntryPoint(
                        new DelegateEntry(api, apiEntryPoint),
                        new DelegateEntry(ServerWebExchangeMatchers.anyExchange(), new RedirectServerAuthenticationEntryPoint("/login")))))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(exchange -> isBrowserWrite(exchange.getRequest())
                                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch()))
                // HSTS stays Spring's default: sent on https responses only.
                .headers(headers -> headers.writer(new ContentSecurityPolicy())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Listening in and recording: on the only server's URLs and on the server-scoped ones alike. */
    static String[] supervisorOnlyApiPaths() {
        return new String[] { "/api/calls/*/spy", "/api/calls/*/recording",
            "/api/servers/*/calls/*/spy", "/api/servers/*/calls/*/recording" };
    }

    /** Writes that a browser could be tricked into sending, whatever credentials they carry; the login form always counts. */
    static boolean isBrowserWrite(ServerHttpRequest request) {
        if (SAFE.contains(request.getMethod())) {
            return false;
        }
        return request.getPath().pathWithinApplication().value().equals("/login") || BrowserRequests.isBrowser(request);
    }

    /** Makes sure every response sets the {@code XSRF-TOKEN} cookie the page echoes back. */
    @Bean
    WebFilter csrfCookieWebFilter() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token == null ? Mono.<CsrfToken>empty() : token).then(chain.filter(exchange));
        };
    }
}
