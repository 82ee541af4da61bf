package io.amiboot.benchmarks;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Signs in to a dashboard through its login form, as the page does, and returns the session cookie's value. */
final class DashboardLogin {

    static final String SESSION_COOKIE = "SESSION";

    private static final String CSRF_COOKIE = "XSRF-TOKEN";

    private DashboardLogin() {
    }

    /**
     * The value of the {@value #SESSION_COOKIE} cookie of a session signed in as {@code user}: the form's CSRF token
     * from {@code GET /login}, then {@code POST /login} with it.
     */
    static String session(int port, String user, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI login = URI.create("http://127.0.0.1:" + port + "/login");
        HttpResponse<Void> form = http.send(HttpRequest.newBuilder(login).GET().build(), HttpResponse.BodyHandlers.discarding());
        String token = cookie(form, CSRF_COOKIE).orElseThrow(() -> new IllegalStateException(
                "GET /login answered " + form.statusCode() + " without a " + CSRF_COOKIE + " cookie"));
        String body = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token);
        HttpResponse<Void> signedIn = http.send(HttpRequest.newBuilder(login)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", CSRF_COOKIE + "=" + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        return cookie(signedIn, SESSION_COOKIE).orElseThrow(() -> new IllegalStateException(
                "POST /login as " + user + " answered " + signedIn.statusCode() + " without a session cookie"));
    }

    private static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .flatMap(header -> HttpCookie.parse(header).stream())
                .filter(cookie -> cookie.getName().equals(name) && !cookie.getValue().isEmpty())
                .map(HttpCookie::getValue).findFirst();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
