package io.amiboot.test.asterisk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Debian's Chromium and chromedriver for browser tests, provided the way the Asterisk is: when either is missing and
 * the tests run as root on Debian, they are installed with apt-get (once per JVM, serialised between JVMs by
 * {@code flock}); otherwise the test fails with a message that names what is missing and how to install it. A
 * browser test never skips.
 *
 * @param browser the Chromium executable
 * @param driver the chromedriver executable
 */
public record Chromium(Path browser, Path driver) {

    static final Path BROWSER = Path.of("/usr/bin/chromium");

    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** fonts-liberation: Chromium's usual font, which --no-install-recommends leaves out. */
    static final List<String> PACKAGES = List.of("chromium", "chromium-driver", "fonts-liberation");

    static final DebianTools TOOLS = new DebianTools("The browser tests need Debian's Chromium and chromedriver",
            List.of(new DebianTools.Executable(BROWSER, "chromium"), new DebianTools.Executable(DRIVER, "chromium-driver")), PACKAGES,
            Path.of("/run/lock/amiboot-chromium.lock"));

    /** The outcome of this JVM's one attempt: a {@link Chromium} or the failure to throw again. */
    private static Object provisioned;

    /**
     * The browser and driver of this machine, installed first if they are missing and this JVM may install them.
     *
     * @return where the browser and driver are
     * @throws IllegalStateException if they are missing and cannot be installed; the message says how to install them
     */
    public static synchronized Chromium provision() {
        if (provisioned == null) {
            try {
                provisioned = provision(Environment.system(), ScriptControl::runCommand);
            }
            catch (IllegalStateException unavailable) {
                provisioned = unavailable;
            }
        }
        if (provisioned instanceof IllegalStateException unavailable) {
            throw unavailable;
        }
        return (Chromium) provisioned;
    }

    static Chromium provision(Environment env, BiFunction<Duration, List<String>, ScriptControl.Result> run) {
        TOOLS.provision(env, run);
        return new Chromium(BROWSER, DRIVER);
    }
}
