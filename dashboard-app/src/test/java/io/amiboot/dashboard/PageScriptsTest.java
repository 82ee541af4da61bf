package io.amiboot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.dashboard.api.DashboardWebTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The pages' scripts are ES modules from 'self': every script a page loads, and every module those import, exists and
 * is served to whoever may see the page (the sign-in page's to anyone, before a session exists); no page loads a
 * script of Bootstrap's, whose CSS is all the board uses (its row menus and dialog are the page's own). The wall is
 * served to any signed-in user.
 */
@DashboardWebTest
class PageScriptsTest {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>");

    private static final Pattern SOURCE = Pattern.compile("\\ssrc=\"([^\"]+)\"");

    /** Static imports with a relative path: import ... from './x.js'; or import './x.js'; (only these are used). */
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:[^'\";]*?\\s+from\\s+)?'(\\./[^']+)';",
            Pattern.MULTILINE);

    @Autowired
    private WebTestClient client;

    @Test
    void theSignInPagesModulesAreServedWithoutASession() {
        List<String> modules = modulesOf("static/login.html");
        assertThat(modules).contains("/js/login.js", "/js/api.js");
        for (String module : modules) {
            client.get().uri(module).exchange().expectStatus().isOk();
        }
    }

    @Test
    void theBoardsModulesAreServedToAViewer() {
        List<String> modules = modulesOf("static/index.html");
        assertThat(modules).contains("/js/dashboard.js", "/js/api.js", "/js/render.js", "/js/live-socket.js", "/js/chart.js",
                "/js/calls-table.js", "/js/row-menu.js", "/js/call-actions.js", "/js/queues.js", "/js/kpis.js");
        for (String module : modules) {
            client.get().uri(module).headers(h -> h.setBasicAuth("viewer", "viewer-pw")).exchange().expectStatus().isOk();
        }
    }

    @Test
    void theWallIsServedWithItsModulesToAViewerAndSendsAnonymousVisitorsToSignIn() {
        client.get().uri("/wall").headers(h -> h.setBasicAuth("viewer", "viewer-pw")).exchange().expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("/js/wall.js"));
        client.get().uri("/wall").exchange().expectStatus().isFound().expectHeader().location("/login");
        List<String> modules = modulesOf("static/wall.html");
        assertThat(modules).contains("/js/wall.js", "/js/queues.js", "/js/kpis.js", "/js/live-state.js");
        for (String module : modules) {
            client.get().uri(module).headers(h -> h.setBasicAuth("viewer", "viewer-pw")).exchange().expectStatus().isOk();
        }
    }

    @Test
    void noPageLoadsBootstrapsScripts() {
        for (String page : List.of("static/login.html", "static/index.html", "static/wall.html")) {
            assertThat(text(page)).as(page).doesNotContain("bootstrap.bundle", "bootstrap.min.js", "bootstrap.js");
        }
    }

    /** The page's scripts, each a module, and what they import, transitively: the paths a browser fetches. */
    private static List<String> modulesOf(String page) {
        Set<String> modules = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        Matcher script = SCRIPT.matcher(text(page));
        while (script.find()) {
            assertThat(script.group(1)).as(page + ": " + script.group()).contains("type=\"module\"");
            Matcher source = SOURCE.matcher(script.group(1));
            assertThat(source.find()).as(page + ": " + script.group()).isTrue();
            pending.add(source.group(1));
        }
        while (!pending.isEmpty()) {
            String module = pending.poll();
            if (modules.add(module)) {
                String directory = module.substring(0, module.lastIndexOf('/') + 1);
                Matcher imported = IMPORT.matcher(text("static" + module));
                while (imported.find()) {
                    pending.add(directory + imported.group(1).substring(2));
                }
            }
        }
        return List.copyOf(modules);
    }

    private static String text(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException missing) {
            throw new UncheckedIOException(resource, missing);
        }
    }
}
