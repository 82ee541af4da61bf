package io.amiboot.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.Chromium;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The board in real headless Chromium against a real Asterisk: originate, watch, hang up; viewers get no controls;
 * with two servers (the test Asterisk under two names) every row says its server and the board filters by server.
 */
@RealAsterisk
class BoardBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private RunningDashboard dashboard;

    private WebDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            quitWithoutCspViolations(browser);
        }
        if (dashboard != null) {
            dashboard.hangUpAll("BrowserIT");
            dashboard.close();
        }
    }

    /** Quits the browser, then fails if its console logged a Content-Security-Policy violation. */
    static void quitWithoutCspViolations(WebDriver browser) {
        List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
        browser.quit();
        assertThat(refused).as("Content-Security-Policy violations in the browser console").isEmpty();
    }

    /** Headless Chromium with its console log kept, for the board's browser ITs. */
    static WebDriver chromium() {
        Chromium chromium = Chromium.provision();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.browser().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--window-size=1600,1000");
        LoggingPreferences console = new LoggingPreferences();
        console.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, console);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.withMessage(this::pageState);
        return wait;
    }

    /** What the page shows, for failure messages. */
    private String pageState() {
        try {
            return "alert: '" + browser.findElement(By.id("alert")).getText() + "', calls: "
                    + browser.findElement(By.id("calls")).getDomProperty("outerHTML") + ", live: "
                    + browser.findElement(By.id("socketStatus")).getText();
        }
        catch (RuntimeException unavailable) {
            return "page state unavailable: " + unavailable.getMessage();
        }
    }

    private void signIn(String user) {
        browser.get(dashboard.baseUrl() + "/");
        waiting().until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-pw");
        browser.findElement(By.id("signIn")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("socketStatus"), "Live: connected"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("asteriskStatus"), "Asterisk: connected"));
    }

    private By rowOf(String callerIdName) {
        return By.xpath("//tr[contains(@class,'call-row')][contains(., '" + callerIdName + "')]");
    }

    @Test
    void anOperatorOriginatesFromThePageWatchesTheDurationTickAndHangsUp(TestAsterisk asterisk) throws Exception {
        dashboard = RunningDashboard.start(asterisk);
        browser = chromium();
        signIn("operator");

        browser.findElement(By.id("from")).sendKeys("500@test");
        browser.findElement(By.id("to")).sendKeys("200");
        new Select(browser.findElement(By.id("context"))).selectByValue("test");
        browser.findElement(By.id("callerIdName")).sendKeys("BrowserIT");
        browser.findElement(By.id("callButton")).click();

        // The table re-renders on every update, so elements are looked up afresh and staleness is retried.
        String callId = waiting().ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(rowOf("BrowserIT")).getDomAttribute("data-call-id"));
        By duration = By.cssSelector("tr[data-call-id='" + callId + "'] td.duration");
        String first = waiting().ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(duration).getText());
        assertThat(first).matches("\\d+:\\d\\d");
        String later = waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
            String now = driver.findElement(duration).getText();
            return now.equals(first) ? null : now;
        });
        assertThat(later).matches("\\d+:\\d\\d");
        assertThat(browser.findElements(By.cssSelector("button.spy, button.record"))).as("supervisor buttons").isEmpty();

        Path screenshot = Path.of("target", "dashboard-live-board.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(screenshot)).isPositive();

        waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.cssSelector("tr[data-call-id='" + callId + "'] button.hangup")).click();
            return true;
        });
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("tr[data-call-id='" + callId + "']")));
        assertThat(dashboard.callsOf("BrowserIT")).doesNotContain(callId);
    }

    @Test
    void aViewerSeesTheCallsButNoControlButtons(TestAsterisk asterisk) throws Exception {
        dashboard = RunningDashboard.start(asterisk);
        dashboard.originate("BrowserIT viewer");
        browser = chromium();
        signIn("viewer");

        waiting().until(ExpectedConditions.visibilityOfElementLocated(rowOf("BrowserIT viewer")));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queues"), "support"));
        List<WebElement> controls = browser.findElements(By.cssSelector(
                "button.hangup, button.transfer, button.pause, #callForm, #callButton, .operator-only, #eventLog, .supervisor-only"));
        assertThat(controls).as("controls, and the event log that is for supervisors").isEmpty();
        assertThat(browser.findElement(By.id("who")).getText()).contains("viewer");
    }

    @Test
    void aSupervisorStartsAndStopsARecordingFromThePage(TestAsterisk asterisk) throws Exception {
        dashboard = RunningDashboard.start(asterisk);
        dashboard.originate("BrowserIT recorded");
        browser = chromium();
        signIn("supervisor");

        String callId = waiting().ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(rowOf("BrowserIT recorded")).getDomAttribute("data-call-id"));
        By record = By.cssSelector("tr[data-call-id='" + callId + "'] button.record");
        clickWhenFresh(record);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(record, "Stop"));
        // The supervisor's page asks for the raw event log, and gets it.
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "Event: MixMonitorStart"));
        clickWhenFresh(record);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(record, "Record"));
        assertThat(browser.findElement(By.id("alert")).isDisplayed()).isFalse();
    }

    @Test
    void theApiPageRendersUnderTheContentSecurityPolicy(TestAsterisk asterisk) {
        dashboard = RunningDashboard.start(asterisk);
        browser = chromium();
        signIn("viewer");
        browser.get(dashboard.baseUrl() + "/swagger-ui.html");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));
    }

    @Test
    void aPageWhoseSessionExpiredGoesToTheLoginForm(TestAsterisk asterisk) {
        dashboard = RunningDashboard.start(asterisk);
        browser = chromium();
        signIn("operator");
        // As after an expiry: the browser still sends a session cookie the server no longer knows.
        browser.manage().deleteCookieNamed("SESSION");
        browser.manage().addCookie(new Cookie("SESSION", "expired", "/"));
        browser.findElement(By.id("from")).sendKeys("500@test");
        browser.findElement(By.id("to")).sendKeys("200");
        browser.findElement(By.id("callButton")).click();
        waiting().until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElement(By.id("signIn")).isDisplayed()).isTrue();
    }

    @Test
    void withTwoServersEveryRowSaysItsServerAndTheBoardFiltersByServer(TestAsterisk asterisk) {
        dashboard = RunningDashboard.start(List.of("ami.servers.london.url=" + asterisk.amiUrl(),
                "ami.servers.paris.url=" + asterisk.amiUrl()));
        dashboard.originate("BrowserIT two servers");
        browser = chromium();
        signIn("operator");

        // One Asterisk under two names: the call is on both servers, a row for each, each row naming its server.
        By london = callOn("london", "BrowserIT two servers");
        By paris = callOn("paris", "BrowserIT two servers");
        waiting().until(ExpectedConditions.and(ExpectedConditions.visibilityOfElementLocated(london),
                ExpectedConditions.visibilityOfElementLocated(paris)));
        assertThat(serverCells()).contains("london", "paris");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".queue[data-server='paris']")));
        assertThat(browser.findElement(By.id("originServer")).isDisplayed()).as("the originate form's server choice").isTrue();

        new Select(browser.findElement(By.id("serverFilter"))).selectByValue("paris");
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(london));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(paris));
        assertThat(serverCells()).containsOnly("paris");
        assertThat(browser.findElements(By.cssSelector(".queue:not([data-server='paris']), .endpoint:not([data-server='paris'])")))
                .as("queues and endpoints of another server").isEmpty();

        new Select(browser.findElement(By.id("serverFilter"))).selectByValue("london");
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(paris));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(london));
        assertThat(serverCells()).containsOnly("london");

        new Select(browser.findElement(By.id("serverFilter"))).selectByValue("");
        waiting().until(ExpectedConditions.and(ExpectedConditions.visibilityOfElementLocated(london),
                ExpectedConditions.visibilityOfElementLocated(paris)));
    }

    private By callOn(String server, String callerIdName) {
        return By.xpath("//tr[contains(@class,'call-row')][@data-server='" + server + "'][td[contains(@class,'server')]='"
                + server + "'][contains(., '" + callerIdName + "')]");
    }

    /** The server cell of every call row, as shown; rows re-render on updates, so a stale read is retried. */
    private List<String> serverCells() {
        return waiting().ignoring(StaleElementReferenceException.class).until(driver -> driver.findElements(
                By.cssSelector("tr.call-row td.server")).stream().map(WebElement::getText).toList());
    }

    private void clickWhenFresh(By button) {
        waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(button).click();
            return true;
        });
    }
}
