package io.amiboot.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The conferences card in real headless Chromium against room 852 of the real Asterisk: an operator mutes one
 * participant with a click, locks the room, and kicks the other with the keyboard (Enter on the focused button).
 */
@RealAsterisk
class ConferenceBrowserIT {

    private RunningDashboard dashboard;

    private BoardBrowser board;

    private WebDriver browser;

    @AfterEach
    void stop() {
        if (board != null) {
            board.close();
        }
        if (dashboard != null) {
            dashboard.hangUpAll("ConfBrowserIT");
            dashboard.close();
        }
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, ConferenceIT.PATIENCE);
        wait.withMessage(() -> "alert: '" + browser.findElement(By.id("alert")).getText() + "', conferences: "
                + browser.findElement(By.id("conferences")).getDomProperty("outerHTML"));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static By participant(String uniqueId) {
        return By.cssSelector(".conference[data-conference='852'] li.participant[data-unique-id='" + uniqueId + "']");
    }

    @Test
    void anOperatorMutesOneParticipantLocksTheRoomAndKicksTheOtherFromThePage(TestAsterisk asterisk) {
        dashboard = RunningDashboard.start(asterisk);
        dashboard.originate("852", "ConfBrowserIT-a");
        dashboard.originate("852", "ConfBrowserIT-b");
        List<String> joined = ConferenceIT.uniqueIds(ConferenceIT.awaitRoom(dashboard, "852",
                room -> room.get("participants").size() >= 2));
        board = BoardBrowser.open(1600, 1000, () -> "conferences: " + browser.findElement(By.id("conferences")).getDomProperty("outerHTML"));
        browser = board.driver;
        board.signIn(dashboard.baseUrl(), "operator");
        waiting().until(ExpectedConditions.presenceOfElementLocated(participant(joined.get(1))));

        waiting().until(driver -> {
            driver.findElement(participant(joined.get(0))).findElement(By.cssSelector("button.mute")).click();
            return true;
        });
        waiting().until(driver -> !driver.findElement(participant(joined.get(0))).findElements(By.cssSelector(".muted")).isEmpty());

        waiting().until(driver -> {
            driver.findElement(By.cssSelector(".conference[data-conference='852'] button.lock")).click();
            return true;
        });
        waiting().until(driver -> !driver.findElements(By.cssSelector(".conference[data-conference='852'] .locked")).isEmpty());

        waiting().until(driver -> {
            driver.findElement(participant(joined.get(1))).findElement(By.cssSelector("button.kick")).sendKeys(Keys.ENTER);
            return true;
        });
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(participant(joined.get(1))));
        assertThat(browser.findElements(participant(joined.get(0)))).as("the muted participant stays").hasSize(1);
        assertThat(ConferenceIT.uniqueIds(ConferenceIT.room(dashboard, "852"))).doesNotContain(joined.get(1));
        assertThat(browser.findElement(By.id("alert")).isDisplayed()).as("no error shown").isFalse();
    }
}
