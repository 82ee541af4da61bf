package io.amiboot.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The board on a laptop screen (1366 × 768) in real headless Chromium against the real Asterisk: 25 calls in one-line
 * rows above the fold, search and sort, axe-core finding nothing serious, and a row's action menu worked from the
 * keyboard alone.
 */
@RealAsterisk
class BoardLayoutIT {

    private static final int WIDTH = 1366;

    private static final int HEIGHT = 768;

    private static final int CALLS = 25;

    private static final String PREFIX = "LayoutIT ";

    /** Bootstrap's small table row with a small button is 29 px; a row that wrapped onto a second line is over 32. */
    private static final int ONE_LINE_ROW_PX = 26;

    private RunningDashboard dashboard;

    private BoardBrowser board;

    @AfterEach
    void stop() {
        if (board != null) {
            board.close();
        }
        if (dashboard != null) {
            dashboard.hangUpAll(PREFIX.trim());
            dashboard.close();
        }
    }

    private String pageState() {
        try {
            return "alert: '" + board.driver.findElement(By.id("alert")).getText() + "', calls shown: "
                    + board.driver.findElements(By.cssSelector("tr.call-row")).stream().map(WebElement::getText).toList() + ", live: "
                    + board.driver.findElement(By.id("socketStatus")).getText();
        }
        catch (RuntimeException unavailable) {
            return "page state unavailable: " + unavailable.getMessage();
        }
    }

    private List<WebElement> ourRows() {
        return board.driver.findElements(By.xpath("//tr[contains(@class,'call-row')][contains(., '" + PREFIX + "')]"));
    }

    @Test
    void twentyFiveCallsFitALaptopScreenInOneLineRowsAndTheBoardPassesAxe(TestAsterisk asterisk) {
        dashboard = RunningDashboard.start(asterisk);
        IntStream.rangeClosed(1, CALLS).forEach(i -> dashboard.originate(PREFIX + String.format("%02d", i)));
        board = BoardBrowser.open(WIDTH, HEIGHT, this::pageState);
        board.signIn(dashboard.baseUrl(), "operator");
        board.waiting().ignoring(StaleElementReferenceException.class).until(driver -> ourRows().size() == CALLS);
        board.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".queue [data-kpi='serviceLevel']")));

        @SuppressWarnings("unchecked")
        Map<String, Object> layout = (Map<String, Object>) board.script("""
                const rows = [...document.querySelectorAll('tr.call-row')].filter(r => r.textContent.includes(arguments[0]));
                const call = document.getElementById('callDialogButton').getBoundingClientRect();
                return {
                  viewportWidth: innerWidth, viewportHeight: innerHeight,
                  documentHeight: document.documentElement.scrollHeight,
                  outside: rows.filter(r => { const b = r.getBoundingClientRect();
                    return b.top < 0 || b.bottom > innerHeight || b.left < 0 || b.right > innerWidth; }).length,
                  tallest: Math.max(...rows.map(r => r.getBoundingClientRect().height)),
                  callButtonShown: call.top >= 0 && call.bottom <= innerHeight && call.right <= innerWidth
                };
                """, PREFIX);
        assertThat(layout).as("the viewport").containsEntry("viewportWidth", (long) WIDTH).containsEntry("viewportHeight", (long) HEIGHT);
        assertThat((Long) layout.get("documentHeight")).as("the page's height: nothing below the fold").isLessThanOrEqualTo(HEIGHT);
        assertThat(layout.get("outside")).as("rows of our 25 calls outside the viewport").isEqualTo(0L);
        assertThat(((Number) layout.get("tallest")).doubleValue()).as("the tallest row, px").isLessThanOrEqualTo(ONE_LINE_ROW_PX);
        assertThat(layout.get("callButtonShown")).as("click to call, without scrolling").isEqualTo(true);
        assertThat(ourRows().get(0).getText()).as("parties first, no channel names").contains(PREFIX).doesNotContain("Local/");

        board.screenshotForDocs("board-laptop-1366x768.png");
        assertThat(board.seriousAccessibilityViolations()).as("axe-core: serious and critical violations on the board").isEmpty();
        RowMenus.open(board, ourRows().get(0).getDomAttribute("data-call-id"));
        assertThat(board.seriousAccessibilityViolations()).as("axe-core: the same with a row menu open").isEmpty();
        RowMenus.close(board);

        searchAndSort();
    }

    private void searchAndSort() {
        board.driver.findElement(By.id("callSearch")).sendKeys("layoutit 07");
        board.waiting().ignoring(StaleElementReferenceException.class).until(driver -> ourRows().size() == 1);
        assertThat(ourRows().get(0).getText()).contains(PREFIX + "07");
        board.driver.findElement(By.id("callSearch")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        board.waiting().ignoring(StaleElementReferenceException.class).until(driver -> ourRows().size() == CALLS);

        new Select(board.driver.findElement(By.id("callSort"))).selectByValue("caller");
        List<String> callers = board.waiting().ignoring(StaleElementReferenceException.class).until(driver -> ourRows().stream()
                .map(row -> row.findElement(By.cssSelector("td.caller")).getText()).toList());
        assertThat(callers).isSorted().hasSize(CALLS);
    }

    @Test
    void aRowsActionMenuWorksFromTheKeyboard(TestAsterisk asterisk) {
        dashboard = RunningDashboard.start(asterisk);
        dashboard.originate(PREFIX + "keys");
        board = BoardBrowser.open(WIDTH, HEIGHT, this::pageState);
        board.signIn(dashboard.baseUrl(), "supervisor");
        String callId = board.waiting().ignoring(StaleElementReferenceException.class)
                .until(driver -> ourRows().get(0).getDomAttribute("data-call-id"));
        String menuFor = "call-default/" + callId;

        // Tab from the row's details toggle reaches its menu button; Enter opens the menu on its first item.
        board.script("document.querySelector(\"tr[data-call-id='\" + arguments[0] + \"'] button.details\").focus();", callId);
        press(Keys.TAB);
        assertThat(focused("data-menu-for")).isEqualTo(menuFor);
        press(Keys.ENTER);
        board.waiting().until(ExpectedConditions.visibilityOfElementLocated(RowMenus.OPEN_MENU));
        assertThat(focusedClass()).contains("hangup");
        press(Keys.ARROW_DOWN);
        assertThat(focusedClass()).contains("transfer");
        press(Keys.END);
        assertThat(focusedClass()).contains("record");
        press(Keys.ARROW_DOWN);
        assertThat(focusedClass()).as("down from the last item wraps to the first").contains("hangup");
        press(Keys.TAB);
        assertThat(focusedClass()).contains("transfer");
        press(Keys.ESCAPE);
        board.waiting().until(ExpectedConditions.invisibilityOfElementLocated(RowMenus.OPEN_MENU));
        assertThat(focused("data-menu-for")).as("Escape puts the focus back on the row's button").isEqualTo(menuFor);

        // Space opens it too; the last item (Record) runs on Enter.
        press(Keys.SPACE);
        board.waiting().until(ExpectedConditions.visibilityOfElementLocated(RowMenus.OPEN_MENU));
        press(Keys.END);
        press(Keys.ENTER);
        By recording = By.cssSelector("tr[data-call-id='" + callId + "'] .recording");
        board.waiting().until(ExpectedConditions.visibilityOfElementLocated(recording));
        assertThat(focused("data-menu-for")).as("after an action, the focus is on the row's button again").isEqualTo(menuFor);

        // Hang up: Enter on the button, Enter on the first item.
        press(Keys.ENTER);
        board.waiting().until(ExpectedConditions.visibilityOfElementLocated(RowMenus.OPEN_MENU));
        press(Keys.ENTER);
        board.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("tr[data-call-id='" + callId + "']")));
        assertThat(dashboard.callsOf(PREFIX + "keys")).doesNotContain(callId);
    }

    private void press(CharSequence key) {
        board.driver.switchTo().activeElement().sendKeys(key);
    }

    private String focused(String attribute) {
        return board.driver.switchTo().activeElement().getDomAttribute(attribute);
    }

    private String focusedClass() {
        return focused("class");
    }
}
