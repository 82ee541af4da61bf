package io.amiboot.test.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** When the browser tests install Chromium and when they fail saying how, on a fake machine. */
class ChromiumTest {

    private final FakeEnvironment env = new FakeEnvironment(Path.of("."));

    private final List<List<String>> commands = new ArrayList<>();

    /** Stands for apt-get: records the command and, if asked to succeed, "installs" both executables. */
    private ScriptControl.Result apt(List<String> command, int exitCode, String output) {
        commands.add(command);
        if (exitCode == 0) {
            env.executables.add(Chromium.BROWSER);
            env.executables.add(Chromium.DRIVER);
        }
        return new ScriptControl.Result(exitCode, output);
    }

    @Test
    void presentBrowserAndDriverAreUsedAsTheyAreWithoutRoot() {
        env.executables.add(Chromium.BROWSER);
        env.executables.add(Chromium.DRIVER);

        Chromium chromium = Chromium.provision(env, (timeout, command) -> apt(command, 0, ""));

        assertThat(chromium).isEqualTo(new Chromium(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromedriver")));
        assertThat(commands).isEmpty();
    }

    @Test
    void missingAsRootOnDebianInstallsThePackagesUnderTheMachineWideLock() {
        env.root = true;
        env.executables.add(Chromium.BROWSER);
        List<Duration> timeouts = new ArrayList<>();

        Chromium chromium = Chromium.provision(env, (timeout, command) -> {
            timeouts.add(timeout);
            return apt(command, 0, "Setting up chromium-driver ...");
        });

        assertThat(chromium.driver()).isEqualTo(Path.of("/usr/bin/chromedriver"));
        assertThat(commands).hasSize(1);
        List<String> command = commands.get(0);
        assertThat(command.subList(0, 4)).containsExactly("flock", "-w", "900", "/run/lock/amiboot-chromium.lock");
        assertThat(command.get(command.size() - 1))
                .startsWith("[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || {")
                .contains("apt-get -o DPkg::Lock::Timeout=600 update -q && apt-get -o DPkg::Lock::Timeout=600 install -y -q "
                        + "--no-install-recommends chromium chromium-driver fonts-liberation");
        assertThat(timeouts).containsExactly(Duration.ofMinutes(15));
    }

    @Test
    void missingAndNotRootFailsNamingWhatIsMissingAndHowToInstallIt() {
        env.executables.add(Chromium.BROWSER);

        assertThatThrownBy(() -> Chromium.provision(env, (timeout, command) -> apt(command, 0, "")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("this machine lacks /usr/bin/chromedriver (package chromium-driver).")
                .hasMessageNotContaining("/usr/bin/chromium ")
                .hasMessageContaining("only when the tests run as root on Debian, and this JVM does not run as root")
                .hasMessageContaining("sudo apt-get update && sudo apt-get install -y --no-install-recommends "
                        + "chromium chromium-driver fonts-liberation");
        assertThat(commands).as("nothing is installed without root").isEmpty();
    }

    @Test
    void missingOnAnotherSystemFailsEvenAsRoot() {
        env.root = true;
        env.debian = false;

        assertThatThrownBy(() -> Chromium.provision(env, (timeout, command) -> apt(command, 0, "")))
                .hasMessageContaining("lacks /usr/bin/chromium (package chromium) and /usr/bin/chromedriver (package chromium-driver)")
                .hasMessageContaining("this is not Debian");
        assertThat(commands).isEmpty();
    }

    @Test
    void aFailedInstallFailsWithTheExitCodeAndTheEndOfAptGetsOutput() {
        env.root = true;
        String output = IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"))
                + "\nE: Unable to locate package chromium-driver";

        assertThatThrownBy(() -> Chromium.provision(env, (timeout, command) -> apt(command, 100, output)))
                .hasMessageContaining("lacks /usr/bin/chromium (package chromium) and /usr/bin/chromedriver")
                .hasMessageContaining("exited with 100")
                .hasMessageContaining("E: Unable to locate package chromium-driver")
                .hasMessageContaining("line 72\n")
                .hasMessageNotContaining("line 71\n");
        assertThat(commands).hasSize(1);
    }
}
