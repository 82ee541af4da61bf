package io.amiboot.test.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records one row of the reliability table ({@code docs/reliability.md}) per scenario, measured by the test run:
 * {@code target/reliability/<scenario>.md}, one Markdown table row, overwritten by every run;
 * {@code scripts/reliability-report.sh} assembles the rows of all modules.
 */
public final class Reliability {

    private Reliability() {
    }

    /**
     * Writes the row of {@code scenario}; the columns are the table's.
     *
     * @param scenario what is tested; also names the row's file
     * @param load how much traffic the test sends
     * @param faultsOrInputs the faults injected or the hostile inputs sent
     * @param survived what the test proved kept working
     * @param lost what was lost, measured (or "nothing")
     */
    public static void row(String scenario, String load, String faultsOrInputs, String survived, String lost) {
        String slug = scenario.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String line = "| " + scenario + " | " + load + " | " + faultsOrInputs + " | " + survived + " | " + lost + " |\n";
        try {
            Path dir = Path.of("target", "reliability");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(slug + ".md"), line, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        System.out.print("RELIABILITY " + line);
    }
}
