package io.amiboot.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.Chromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the board's browser ITs: a viewport of an exact size, signing in, the console's
 * Content-Security-Policy refusals, axe-core's accessibility check and screenshots for the docs.
 */
final class BoardBrowser implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    /** The webjar's own record of its version, which names the folder of its files. */
    private static final String AXE_POM_PROPERTIES = "/META-INF/maven/org.webjars.npm/axe-core/pom.properties";

    /** Where the docs' screenshots go: docs/images of the repository, the parent of the module the ITs run in. */
    static final Path DOC_IMAGES = Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("images");

    final ChromeDriver driver;

    private final Supplier<String> pageState;

    private BoardBrowser(ChromeDriver driver, Supplier<String> pageState) {
        this.driver = driver;
        this.pageState = pageState;
    }

    /** Chromium whose page is width × height CSS pixels (device scale 1); pageState() explains a failed wait. */
    static BoardBrowser open(int width, int height, Supplier<String> pageState) {
        Chromium chromium = Chromium.provision();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.browser().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--window-size=" + width + "," + height);
        LoggingPreferences console = new LoggingPreferences();
        console.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, console);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // The window size includes whatever the headless shell reserves: the viewport is set exactly instead.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return new BoardBrowser(driver, pageState);
    }

    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.withMessage(pageState);
        return wait;
    }

    /** Signs in on the login form the board sends an anonymous visitor to, and waits for the live feed. */
    void signIn(String baseUrl, String user) {
        driver.get(baseUrl + "/");
        waiting().until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user + "-pw");
        driver.findElement(By.id("signIn")).click();
        waitForLiveFeed();
    }

    void waitForLiveFeed() {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("socketStatus"), "Live: connected"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("asteriskStatus"), "Asterisk: connected"));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Runs axe-core on the page as it is and returns its serious and critical violations, each as
     * "rule: help (selectors)"; the rest (minor, moderate) is left to review.
     */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() {
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object';"))) {
            script(axeSource());
        }
        Object found = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(results => done(results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')),
                  error => done(['axe failed: ' + error]));
                """);
        return (List<String>) found;
    }

    /** axe-core from its webjar (test scope): injected into the page under test, never served by the app. */
    private static String axeSource() {
        try (var properties = BoardBrowser.class.getResourceAsStream(AXE_POM_PROPERTIES)) {
            assertThat(properties).as("the axe-core webjar on the test class path").isNotNull();
            Properties webjar = new Properties();
            webjar.load(properties);
            String script = "/META-INF/resources/webjars/axe-core/" + webjar.getProperty("version") + "/axe.min.js";
            try (var in = BoardBrowser.class.getResourceAsStream(script)) {
                assertThat(in).as(script).isNotNull();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Saves what the page shows now as docs/images/{name}, for the docs; returns where. */
    Path screenshotForDocs(String name) {
        try {
            Files.createDirectories(DOC_IMAGES);
            Path file = DOC_IMAGES.resolve(name);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(file)).isPositive();
            return file;
        }
        catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** Quits; fails if the console reported a Content-Security-Policy violation meanwhile. */
    @Override
    public void close() {
        List<String> refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
        driver.quit();
        assertThat(refused).as("Content-Security-Policy violations in the browser console").isEmpty();
    }
}
