package io.amiboot.test.asterisk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

    /** The same lock for every JVM on the machine, so two builds do not run apt-get at once. */
    static final Path LOCK = Path.of("/run/lock/amiboot-chromium.lock");

    /** apt-get update and the download of Chromium on a slow mirror. */
    static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);

    /** What the install runs, as one command so the lock covers the check, the update and the install. */
    static final List<String> INSTALL_COMMAND = List.of("flock", "-w", String.valueOf(INSTALL_TIMEOUT.toSeconds()),
            LOCK.toString(), "sh", "-c",
            "[ -x " + BROWSER + " ] && [ -x " + DRIVER + " ] || { export DEBIAN_FRONTEND=noninteractive; "
                    + "apt-get -o DPkg::Lock::Timeout=600 update -q && apt-get -o DPkg::Lock::Timeout=600 install -y -q "
                    + "--no-install-recommends " + String.join(" ", PACKAGES) + "; }");

    static final int OUTPUT_LINES_SHOWN = 30;

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
        List<String> missing = missing(env);
        if (missing.isEmpty()) {
            return new Chromium(BROWSER, DRIVER);
        }
        String cannotInstall = !env.isDebian() ? "this is not Debian (no /etc/debian_version)"
                : !env.isRoot() ? "this JVM does not run as root" : null;
        if (cannotInstall != null) {
            throw new IllegalStateException(unavailableMessage(missing,
                    "They are installed automatically only when the tests run as root on Debian, and " + cannotInstall + "."));
        }
        ScriptControl.Result result = run.apply(INSTALL_TIMEOUT, INSTALL_COMMAND);
        List<String> stillMissing = missing(env);
        if (result.exitCode() != 0 || !stillMissing.isEmpty()) {
            throw new IllegalStateException(unavailableMessage(stillMissing.isEmpty() ? missing : stillMissing,
                    "Installing them failed (" + String.join(" ", INSTALL_COMMAND) + " exited with " + result.exitCode()
                            + "); its last lines:\n" + lastLines(result.output())));
        }
        return new Chromium(BROWSER, DRIVER);
    }

    private static List<String> missing(Environment env) {
        List<String> missing = new ArrayList<>();
        if (!env.isExecutable(BROWSER)) {
            missing.add(BROWSER + " (package chromium)");
        }
        if (!env.isExecutable(DRIVER)) {
            missing.add(DRIVER + " (package chromium-driver)");
        }
        return missing;
    }

    /** apt-get prints hundreds of lines; the error is at the end. */
    private static String lastLines(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - OUTPUT_LINES_SHOWN), lines.size()));
    }

    static String unavailableMessage(List<String> missing, String why) {
        return String.join("\n",
                "The browser tests need Debian's Chromium and chromedriver, and this machine lacks "
                        + String.join(" and ", missing) + ".",
                why,
                "Install them with:",
                "    sudo apt-get update && sudo apt-get install -y --no-install-recommends " + String.join(" ", PACKAGES),
                "or run the build as root on Debian, which installs them, or leave the integration tests out: "
                        + "./mvnw -B verify -DskipITs");
    }
}
