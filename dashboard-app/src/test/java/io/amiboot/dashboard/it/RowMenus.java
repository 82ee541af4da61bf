package io.amiboot.dashboard.it;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A call row's action menu, as a user works it: its button opens the shared popup, an item runs an action. */
final class RowMenus {

    /** The popup, while open. */
    static final By OPEN_MENU = By.cssSelector("#rowMenu.open");

    private RowMenus() {
    }

    static By buttonOf(String callId) {
        return By.cssSelector("tr[data-call-id='" + callId + "'] .row-menu-button");
    }

    /** Clicks the row's menu button (rows re-render on updates, so a stale one is looked up again) until the menu shows. */
    static void open(BoardBrowser board, String callId) {
        board.waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(buttonOf(callId)).click();
            return true;
        });
        board.waiting().until(ExpectedConditions.visibilityOfElementLocated(OPEN_MENU));
    }

    /** Escape, as a keyboard user closes it. */
    static void close(BoardBrowser board) {
        board.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        board.waiting().until(ExpectedConditions.invisibilityOfElementLocated(OPEN_MENU));
    }

    /** Opens the row's menu and clicks the item of that class ("hangup", "record", ...). */
    static void run(BoardBrowser board, String callId, String action) {
        open(board, callId);
        board.driver.findElement(By.cssSelector("#rowMenu button." + action)).click();
    }
}
