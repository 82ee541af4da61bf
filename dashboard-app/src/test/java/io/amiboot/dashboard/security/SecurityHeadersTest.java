package io.amiboot.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.dashboard.api.DashboardWebTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every response carries the Content-Security-Policy and Referrer-Policy; HSTS only over https; pages have nothing inline. */
@DashboardWebTest
class SecurityHeadersTest {

    /** What a 'self'-only policy blocks in a page: inline scripts, style elements and attributes, event handler attributes. */
    private static final Pattern INLINE = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|<style|\\sstyle=|\\son[a-z]+=|javascript:",
            Pattern.CASE_INSENSITIVE);

    @Autowired
    private WebTestClient client;

    @ParameterizedTest
    @ValueSource(strings = { "/login", "/js/login.js", "/css/dashboard.css", "/api/me", "/" })
    void everyAnswerCarriesThePoliciesButNoHstsOverHttp(String uri) {
        client.get().uri(uri).exchange().expectHeader()
                .valueEquals("Content-Security-Policy", ContentSecurityPolicy.POLICY)
                .expectHeader().valueEquals("Referrer-Policy", "same-origin")
                .expectHeader().doesNotExist("Strict-Transport-Security");
        client.get().uri(uri).headers(h -> h.setBasicAuth("viewer", "viewer-pw")).exchange().expectHeader()
                .valueEquals("Content-Security-Policy", ContentSecurityPolicy.POLICY);
    }

    @Test
    void theCspForbidsInlineCodeAndForeignOrigins() {
        assertThat(ContentSecurityPolicy.POLICY).contains("default-src 'self'", "script-src 'self';",
                "style-src 'self';", "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe", "*", "http");
    }

    @Test
    void swaggerUiPagesMayAddTheirOneStyleElementAndNothingElse() {
        client.get().uri("/swagger-ui/index.html").headers(h -> h.setBasicAuth("viewer", "viewer-pw")).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("Content-Security-Policy", ContentSecurityPolicy.SWAGGER_UI_POLICY);
        assertThat(ContentSecurityPolicy.SWAGGER_UI_POLICY).contains("style-src 'self' 'sha256-")
                .isEqualTo(ContentSecurityPolicy.POLICY.replace("style-src 'self'", "style-src 'self' " + ContentSecurityPolicy.SWAGGER_UI_STYLE));
    }

    @Test
    void overHttpsHstsIsSent() {
        client.mutate().baseUrl("https://localhost").build().get().uri("/login").exchange().expectHeader()
                .value("Strict-Transport-Security", hsts -> assertThat(hsts).startsWith("max-age=").contains("includeSubDomains"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "static/login.html", "static/index.html" })
    void thePagesHaveNothingInlineThePolicyWouldBlock(String page) throws IOException {
        String html = new ClassPathResource(page).getContentAsString(StandardCharsets.UTF_8);
        assertThat(INLINE.matcher(html).results().map(match -> match.group())).as(page).isEmpty();
    }
}
