package io.amiboot.test.asterisk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Executables from Debian's packages that some tests need (Chromium, baresip), provided the way the Asterisk is: when
 * one is missing and the tests run as root on Debian, its packages are installed with apt-get under a machine-wide
 * {@code flock} (so two builds never run apt-get at once); otherwise the test fails with a message that names what is
 * missing and how to install it. A test that needs them never skips.
 *
 * @param needs who needs them, as the start of the failure message ("The browser tests need Debian's Chromium")
 * @param executables each executable and the package that has it, in the order the message lists them
 * @param packages what to install (may add packages beyond those of the executables, e.g. fonts)
 * @param lock the lock file, the same for every JVM on the machine
 */
record DebianTools(String needs, List<Executable> executables, List<String> packages, Path lock) {

    /** apt-get update and the download of a large package on a slow mirror. */
    static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);

    static final int OUTPUT_LINES_SHOWN = 30;

    DebianTools {
        executables = List.copyOf(executables);
        packages = List.copyOf(packages);
    }

    /** An executable file and the Debian package that has it. */
    record Executable(Path file, String debianPackage) {
    }

    /** What the install runs, as one command so the lock covers the check, the update and the install. */
    List<String> installCommand() {
        List<String> checks = executables.stream().map(executable -> "[ -x " + executable.file() + " ]").toList();
        return List.of("flock", "-w", String.valueOf(INSTALL_TIMEOUT.toSeconds()), lock.toString(), "sh", "-c",
                String.join(" && ", checks) + " || { export DEBIAN_FRONTEND=noninteractive; "
                        + "apt-get -o DPkg::Lock::Timeout=600 update -q && apt-get -o DPkg::Lock::Timeout=600 install -y -q "
                        + "--no-install-recommends " + String.join(" ", packages) + "; }");
    }

    /**
     * Makes sure every executable is there, installing the packages first if one is missing and this JVM may.
     *
     * @throws IllegalStateException if one is missing and cannot be installed; the message says how to install it
     */
    void provision(Environment env, BiFunction<Duration, List<String>, ScriptControl.Result> run) {
        List<String> missing = missing(env);
        if (missing.isEmpty()) {
            return;
        }
        String cannotInstall = !env.isDebian() ? "this is not Debian (no /etc/debian_version)"
                : !env.isRoot() ? "this JVM does not run as root" : null;
        if (cannotInstall != null) {
            throw new IllegalStateException(unavailableMessage(missing,
                    "They are installed automatically only when the tests run as root on Debian, and " + cannotInstall + "."));
        }
        List<String> command = installCommand();
        ScriptControl.Result result = run.apply(INSTALL_TIMEOUT, command);
        List<String> stillMissing = missing(env);
        if (result.exitCode() != 0 || !stillMissing.isEmpty()) {
            throw new IllegalStateException(unavailableMessage(stillMissing.isEmpty() ? missing : stillMissing,
                    "Installing them failed (" + String.join(" ", command) + " exited with " + result.exitCode()
                            + "); its last lines:\n" + lastLines(result.output())));
        }
    }

    private List<String> missing(Environment env) {
        List<String> missing = new ArrayList<>();
        for (Executable executable : executables) {
            if (!env.isExecutable(executable.file())) {
                missing.add(executable.file() + " (package " + executable.debianPackage() + ")");
            }
        }
        return missing;
    }

    /** apt-get prints hundreds of lines; the error is at the end. */
    private static String lastLines(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - OUTPUT_LINES_SHOWN), lines.size()));
    }

    String unavailableMessage(List<String> missing, String why) {
        return String.join("\n",
                needs + ", and this machine lacks " + String.join(" and ", missing) + ".",
                why,
                "Install them with:",
                "    sudo apt-get update && sudo apt-get install -y --no-install-recommends " + String.join(" ", packages),
                "or run the build as root on Debian, which installs them, or leave the integration tests out: "
                        + "./mvnw -B verify -DskipITs");
    }
}
