package io.amiboot.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The wallboard (/wall) at 1920 × 1080 in real headless Chromium against the real Asterisk: a viewer sees the queue
 * figures in large type and no control; axe-core finds nothing serious; and the figures follow real queue calls
 * (queue "support", empty until the test adds a member): an abandoned caller, one answered within the service
 * level threshold (2 s here) and one answered past it.
 */
@RealAsterisk
class WallBoardIT {

    private static final String QUEUE = "support";

    /** Answers at once and stays up 30 s (extensions.conf, 100@test). */
    private static final String MEMBER = "Local/100@test/n";

    private static final String PREFIX = "WallIT ";

    private RunningDashboard dashboard;

    private BoardBrowser board;

    @AfterEach
    void stop() {
        if (board != null) {
            board.close();
        }
        if (dashboard != null) {
            removeMember(true);
            dashboard.hangUpAll(PREFIX.trim());
            dashboard.close();
        }
    }

    private String pageState() {
        try {
            return "queues: " + board.driver.findElement(By.id("queues")).getText() + ", live: "
                    + board.driver.findElement(By.id("socketStatus")).getText();
        }
        catch (RuntimeException unavailable) {
            return "page state unavailable: " + unavailable.getMessage();
        }
    }

    private void openWall(TestAsterisk asterisk, String... properties) {
        dashboard = RunningDashboard.start(asterisk, properties);
        board = BoardBrowser.open(1920, 1080, this::pageState);
        board.signIn(dashboard.baseUrl(), "viewer");
        board.driver.get(dashboard.baseUrl() + "/wall");
        board.waitForLiveFeed();
        // Queue "sales" has a member, so it has figures from the start; "support" may get them with its first caller.
        board.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".queue[data-queue='sales'] [data-kpi='offered']")));
    }

    @Test
    void aViewerSeesTheQueueFiguresInLargeTypeAndNoControls(TestAsterisk asterisk) {
        openWall(asterisk);

        assertThat(board.driver.findElements(By.cssSelector("button, input, select, textarea, form")))
                .as("controls on the wall").isEmpty();
        By serviceLevel = By.cssSelector(".queue[data-queue='sales'] [data-kpi='serviceLevel'] > .kpi-value");
        Number size = (Number) board.script("return parseFloat(getComputedStyle(arguments[0]).fontSize);",
                board.driver.findElement(serviceLevel));
        assertThat(size.doubleValue()).as("a figure's type size, px: readable across the room").isGreaterThanOrEqualTo(32);
        assertThat(board.driver.findElement(serviceLevel).getText()).matches("\\d+%");
        assertThat(board.seriousAccessibilityViolations()).as("axe-core: serious and critical violations on the wall").isEmpty();
    }

    @Test
    void theFiguresFollowAnAbandonedCallerAndAnswersWithinAndPastTheThreshold(TestAsterisk asterisk) {
        openWall(asterisk, "ami.live-model.service-level-threshold=2s");
        removeMember(true); // left over by an earlier run that was stopped midway, if any
        int abandoned = number("abandoned");
        int answered = number("answered");
        int within = answeredWithinThreshold();

        // Nobody answers: the caller waits, hangs up, and counts as abandoned.
        dashboard.originate("300", PREFIX + "abandon");
        waitForWaitingCallerOfAtLeast(1);
        dashboard.hangUpAll(PREFIX + "abandon");
        untilNumber("abandoned", abandoned + 1);
        assertThat(number("answered")).isEqualTo(answered);

        // A member that answers at once: answered within the threshold.
        addMember();
        dashboard.originate("300", PREFIX + "quick");
        untilNumber("answered", answered + 1);
        assertThat(answeredWithinThreshold()).isEqualTo(within + 1);
        dashboard.hangUpAll(PREFIX + "quick");
        removeMember(false);

        // The member comes only after the caller has waited 3 s on the wall's own clock: answered past the threshold.
        dashboard.originate("300", PREFIX + "slow");
        waitForWaitingCallerOfAtLeast(3);
        addMember();
        untilNumber("answered", answered + 2);
        assertThat(answeredWithinThreshold()).as("answered within the threshold, after the slow answer").isEqualTo(within + 1);
        assertThat(board.driver.findElement(figure("abandoned")).getText()).contains(String.valueOf(abandoned + 1));
        // The docs' picture of the wall: with figures that moved, and a member on a call.
        board.screenshotForDocs("board-wall-1920x1080.png");
    }

    private static By figure(String name) {
        return By.cssSelector(".queue[data-queue='" + QUEUE + "'] [data-kpi='" + name + "']");
    }

    private static By value(String name) {
        return By.cssSelector(".queue[data-queue='" + QUEUE + "'] [data-kpi='" + name + "'] > .kpi-value");
    }

    /**
     * A count as the wall shows it, 0 while the queue has no figures yet (none before its first event); the page
     * redraws on updates, so a stale read is retried.
     */
    private int number(String name) {
        return board.waiting().ignoring(StaleElementReferenceException.class).until(driver -> driver.findElements(value(name))
                .stream().findFirst().map(shown -> Integer.valueOf(shown.getText().trim())).orElse(0));
    }

    /** The "a/b" beside the service level: a answered within the threshold of b who left the queue. */
    private int answeredWithinThreshold() {
        return board.waiting().ignoring(StaleElementReferenceException.class).until(driver -> driver
                .findElements(figure("answeredWithinThreshold")).stream().findFirst()
                .map(shown -> Integer.valueOf(shown.getText().split("/")[0].trim())).orElse(0));
    }

    private void untilNumber(String name, int expected) {
        board.waiting().ignoring(StaleElementReferenceException.class).until(driver -> number(name) == expected);
    }

    /** Until the queue's first waiting caller has waited at least that many seconds, as the wall shows it. */
    private void waitForWaitingCallerOfAtLeast(int seconds) {
        By firstWait = By.cssSelector(".queue[data-queue='" + QUEUE + "'] .callers li .duration");
        board.waiting().ignoring(StaleElementReferenceException.class).until(driver -> driver.findElements(firstWait).stream()
                .anyMatch(wait -> secondsOf(wait.getText()) >= seconds));
    }

    private static int secondsOf(String minutesAndSeconds) {
        String[] parts = minutesAndSeconds.trim().split(":");
        return parts.length == 2 ? Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]) : 0;
    }

    private void addMember() {
        send(AmiAction.builder("QueueAdd").header("Queue", QUEUE).header("Interface", MEMBER).build(), false);
    }

    private void removeMember(boolean cleanup) {
        send(AmiAction.builder("QueueRemove").header("Queue", QUEUE).header("Interface", MEMBER).build(), cleanup);
    }

    /** Sends an action through the dashboard's own AMI client; cleanup may ignore a refusal (no such member). */
    private void send(AmiAction action, boolean cleanup) {
        try {
            dashboard.context.getBean(AmiClient.class).send(action).get(10, TimeUnit.SECONDS);
        }
        catch (Exception refused) {
            if (!cleanup) {
                throw new AssertionError(action + " failed", refused);
            }
        }
    }
}
