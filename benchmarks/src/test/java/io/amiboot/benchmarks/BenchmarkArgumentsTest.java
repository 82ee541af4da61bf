package io.amiboot.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line of {@link Benchmarks}: what it accepts, and that anything else prints the usage and runs nothing. */
class BenchmarkArgumentsTest {

    private static final List<BenchmarkArguments.Option> OPTIONS = List.of(
            new BenchmarkArguments.Option("--sockets", "N", "100", "WebSocket clients"),
            new BenchmarkArguments.Option("--asterisk", "URL", null, "the Asterisk"),
            new BenchmarkArguments.Option("--only", "PART,...", "events,ping", "the parts to run"));

    @Test
    void readsGivenValuesAndFallsBackToTheDefaults() {
        BenchmarkArguments arguments = BenchmarkArguments.parse(OPTIONS, "--sockets", "1000");
        assertThat(arguments.help()).isFalse();
        assertThat(arguments.positive("--sockets")).isEqualTo(1000);
        assertThat(arguments.text("--asterisk")).isNull();
        assertThat(arguments.oneOf("--only", List.of("events", "ping", "dashboard"))).containsExactly("events", "ping");
        assertThat(BenchmarkArguments.parse(OPTIONS).positive("--sockets")).isEqualTo(100);
        assertThat(BenchmarkArguments.parse(OPTIONS, "--only", "dashboard").oneOf("--only", List.of("events", "dashboard")))
                .containsExactly("dashboard");
    }

    @Test
    void helpWinsWhereverItStands() {
        assertThat(BenchmarkArguments.parse(OPTIONS, "--help").help()).isTrue();
        assertThat(BenchmarkArguments.parse(OPTIONS, "-h").help()).isTrue();
        assertThat(BenchmarkArguments.parse(OPTIONS, "--sockets", "5", "--help").help()).isTrue();
    }

    @Test
    void refusesWhatItCannotRunNamingIt() {
        assertThatThrownBy(() -> BenchmarkArguments.parse(OPTIONS, "--socket", "5"))
                .isInstanceOf(BenchmarkArguments.UsageException.class).hasMessage("Unknown argument '--socket'");
        assertThatThrownBy(() -> BenchmarkArguments.parse(OPTIONS, "dashboard"))
                .hasMessage("Unknown argument 'dashboard'");
        // A lone option, or one followed by another option, lacks its value.
        assertThatThrownBy(() -> BenchmarkArguments.parse(OPTIONS, "--sockets")).hasMessage("--sockets needs a value (N)");
        assertThatThrownBy(() -> BenchmarkArguments.parse(OPTIONS, "--sockets", "--only", "ping"))
                .hasMessage("--sockets needs a value (N)");
        assertThatThrownBy(() -> BenchmarkArguments.parse(OPTIONS, "--sockets", "5", "--sockets", "6"))
                .hasMessage("--sockets is given twice");
        for (String wrong : List.of("0", "-3", "many", "1e3", "99999999999")) {
            assertThatThrownBy(() -> BenchmarkArguments.parse(OPTIONS, "--sockets", wrong).positive("--sockets"))
                    .isInstanceOf(BenchmarkArguments.UsageException.class)
                    .hasMessage("--sockets must be a whole number above 0, not '" + wrong + "'");
        }
        assertThatThrownBy(() -> BenchmarkArguments.parse(OPTIONS, "--only", "events,dashbord").oneOf("--only", List.of("events", "dashboard")))
                .isInstanceOf(BenchmarkArguments.UsageException.class).hasMessageStartingWith("--only names 'dashbord'; choose from ");
        assertThatThrownBy(() -> BenchmarkArguments.parse(OPTIONS, "--only", "").oneOf("--only", List.of("events")))
                .hasMessage("--only names ''; choose from events");
    }

    @Test
    void theUsageListsEveryOptionWithItsDefault() {
        assertThat(BenchmarkArguments.usage(OPTIONS)).contains("--sockets N").contains("WebSocket clients (default 100)")
                .contains("--asterisk URL").contains("--help");
    }

    /**
     * Before, a lone argument was skipped and the whole suite ran; now nothing runs, the usage says why. The
     * timeout is no speed goal: it fails, instead of running the benchmarks for minutes, a command line let through.
     */
    @ParameterizedTest
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @ValueSource(strings = { "--help", "--sockets", "--nonsense 1", "--only dashbord", "--sockets 0", "--seconds x", "dashboard" })
    void benchmarksAnswersABadCommandLineWithTheUsageAndRunsNothing(String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Benchmarks.run(line.split(" "), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Usage: io.amiboot.benchmarks.Benchmarks").contains("--only PART,...")
                .doesNotContain("Measured ");
        if (line.equals("--help")) {
            assertThat(exit).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        } else {
            assertThat(exit).isEqualTo(2);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }
}
