package io.amiboot.test.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a control script such as {@code scripts/asterisk.sh} with start/stop/restart/status/url. */
final class ScriptControl implements Control {

    private static final Logger log = LoggerFactory.getLogger(ScriptControl.class);

    /** start may have to build the rootfs first (debootstrap: about a minute, more on slow mirrors). */
    static final Duration START_TIMEOUT = Duration.ofMinutes(20);

    static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private final Path script;

    ScriptControl(Path script) {
        this.script = script;
    }

    Path script() {
        return script;
    }

    /** What scripts/asterisk.sh start prints when the server was already up (then it is not ours to stop). */
    static final String ALREADY_RUNNING = "already running";

    @Override
    public void start() {
        startAndReport();
    }

    /** Runs {@code start}; true if this call started the server, false if it was already running. */
    boolean startAndReport() {
        return !run(START_TIMEOUT, "start").output().contains(ALREADY_RUNNING);
    }

    @Override
    public void stop() {
        run(STOP_TIMEOUT, "stop");
    }

    @Override
    public void restart() {
        run(START_TIMEOUT, "restart");
    }

    /** The script's {@code url} output. */
    String url() {
        return printed("url", "ami://");
    }

    /** The first line that {@code command} prints starting with {@code prefix} (its log lines start with "["). */
    String printed(String command, String prefix) {
        Result result = run(STOP_TIMEOUT, command);
        return result.output().lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(
                () -> new IllegalStateException(script + " " + command + " printed no line starting with " + prefix + ":\n"
                        + result.output()));
    }

    private Result run(Duration timeout, String... args) {
        Result result = execute(timeout, args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(script + " " + String.join(" ", args) + " failed with exit code " + result.exitCode()
                    + ":\n" + result.output());
        }
        return result;
    }

    record Result(int exitCode, String output) {
    }

    Result execute(Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(script.toString());
        command.addAll(List.of(args));
        return runCommand(timeout, command);
    }

    /** Runs {@code command} with no input, logging its output; kills it after {@code timeout}. */
    static Result runCommand(Duration timeout, List<String> command) {
        log.info("Running {}", String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        StringBuffer output = new StringBuffer();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                    log.info("{}", line);
                }
            }
            catch (IOException e) {
                output.append("(reading output failed: ").append(e.getMessage()).append(")\n");
            }
        }, "asterisk-control-output");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout.toMinutes()
                        + " min:\n" + output);
            }
            pump.join(5_000);
            return new Result(process.exitValue(), output.toString());
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    @Override
    public String toString() {
        return script.toString();
    }
}
