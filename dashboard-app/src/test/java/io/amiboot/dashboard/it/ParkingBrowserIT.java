package io.amiboot.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Park and pickup from the board, in real headless Chromium against the real Asterisk: an operator parks a bridged
 * call from its row's menu, sees it in the parking lot, picks it up from the lot naming the extension that answers, and the
 * lot empties; the REST API agrees at each step.
 */
@RealAsterisk
class ParkingBrowserIT {

    private static final String MARK = "ParkingBrowserIT";

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private RunningDashboard dashboard;

    private BoardBrowser board;

    private WebDriver browser;

    @AfterEach
    void stop() {
        if (board != null) {
            board.close();
        }
        if (dashboard != null) {
            dashboard.hangUpAll(MARK);
            // The pickup's own call, which the originate named after the space.
            dashboard.hangUpAll("Parked call");
            dashboard.close();
        }
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.withMessage(() -> "alert: '" + browser.findElement(By.id("alert")).getText() + "', lot: "
                + browser.findElement(By.id("parking")).getText());
        return wait;
    }

    @Test
    void anOperatorParksACallFromItsRowAndPicksItUpFromTheLot(TestAsterisk asterisk) {
        dashboard = RunningDashboard.start(asterisk);
        // 400@test dials 100@test: the call's 400 half is bridged to 100, the half that gets parked.
        dashboard.originate("400", MARK);
        board = BoardBrowser.open(1600, 1000, () -> "lot: " + browser.findElement(By.id("parking")).getText());
        browser = board.driver;
        board.signIn(dashboard.baseUrl(), "operator");

        By row = By.xpath("//tr[contains(@class,'call-row')][contains(., '" + MARK + "')]");
        // Parked only once the 400 half talks to the 100 it dialled, as the row's channel details (its title) say.
        waiting().ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(row).getDomAttribute("title").contains("Local/100@test"));
        String callId = waiting().ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(row).getDomAttribute("data-call-id"));
        // Park is an entry of the row's action menu.
        RowMenus.run(board, callId, "park");

        By ours = By.xpath("//li[contains(@class,'parked-call')][contains(., '" + MARK + "')]");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(ours));
        String space = waiting().ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(ours).getDomAttribute("data-space"));
        assertThat(Integer.parseInt(space)).isBetween(701, 720);
        assertThat(parked()).containsKey(space);
        String channel = parked().get(space);
        assertThat(browser.findElement(By.id("alert")).isDisplayed()).as("an error shown to the operator").isFalse();

        waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(ours).findElement(By.cssSelector("button.pickup")).click();
            return true;
        });
        Alert prompt = waiting().until(ExpectedConditions.alertIsPresent());
        assertThat(prompt.getText()).contains("space " + space);
        prompt.sendKeys("100@test");
        prompt.accept();

        waiting().until(ExpectedConditions.invisibilityOfElementLocated(ours));
        assertThat(parked()).doesNotContainKey(space);
        // Picked up, not timed out or hung up: the parked channel now talks to the extension the prompt named.
        assertThat(talkingTo(channel)).anySatisfy(peer -> assertThat(peer).startsWith("Local/100@test-"));
        assertThat(browser.findElement(By.id("alert")).isDisplayed()).as("an error shown to the operator").isFalse();
    }

    /** Whom the channel talks to, as {@code GET /api/calls} says. */
    private List<String> talkingTo(String channel) {
        JsonNode calls = dashboard.api("viewer").get().uri(dashboard.resources() + "/calls").retrieve()
                .bodyToMono(JsonNode.class).block(PATIENCE);
        List<String> peers = new ArrayList<>();
        for (JsonNode call : calls) {
            for (JsonNode each : call.get("channels")) {
                if (each.get("name").asString().equals(channel)) {
                    each.get("talkingTo").forEach(peer -> peers.add(peer.asString()));
                }
            }
        }
        return peers;
    }

    /** The spaces {@code GET /api/parking} lists with one of this test's calls, and the channel parked in each. */
    private Map<String, String> parked() {
        JsonNode parked = dashboard.api("viewer").get().uri(dashboard.resources() + "/parking").retrieve()
                .bodyToMono(JsonNode.class).switchIfEmpty(Mono.error(new AssertionError("no body"))).block(PATIENCE);
        Map<String, String> spaces = new HashMap<>();
        for (JsonNode call : parked) {
            if (call.get("callerIdName").asString().startsWith(MARK)) {
                spaces.put(call.get("space").asString(), call.get("channel").asString());
            }
        }
        return spaces;
    }
}
