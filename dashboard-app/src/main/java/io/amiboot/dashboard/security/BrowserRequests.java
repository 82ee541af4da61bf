package io.amiboot.dashboard.security;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Tells requests a browser sent apart from those of scripts, by what browsers add on their own: {@code Origin}
 * (every cross-origin request and every non-GET fetch or form post), {@code Sec-Fetch-*} (every request to a
 * secure origin, localhost included) and cookies (the session, the CSRF token). A script sending none of them
 * holds its credentials explicitly; a browser may attach cached Basic credentials to a forged request, so its
 * writes need the CSRF token and it is never sent a Basic challenge that would make it prompt and cache them.
 */
final class BrowserRequests {

    private static final List<String> BROWSER_HEADERS = List.of(HttpHeaders.ORIGIN, "Sec-Fetch-Site", "Sec-Fetch-Mode",
            "Sec-Fetch-Dest");

    private BrowserRequests() {
    }

    static boolean isBrowser(ServerHttpRequest request) {
        return !request.getCookies().isEmpty() || BROWSER_HEADERS.stream().anyMatch(request.getHeaders()::containsHeader);
    }
}
