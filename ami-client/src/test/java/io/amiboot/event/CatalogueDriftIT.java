package io.amiboot.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.action.ActionCatalogue;
import io.amiboot.catalogue.generator.DocumentedNames;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The drift check: the catalogue against the XML documentation of the Asterisk the tests run against (the rootfs's,
 * found by {@code scripts/asterisk.sh docs}, or {@code AMIBOOT_ASTERISK_DOCS}). An event or action one has and the
 * other lacks fails with the names: regenerate from that XML (copy it to ami-client/src/catalogue) or say why not.
 */
@RealAsterisk
class CatalogueDriftIT {

    @Test
    void theCatalogueKnowsExactlyTheEventsAndActionsTheTestAsteriskDocuments(TestAsterisk asterisk) throws Exception {
        Path docs = documentationDirectory();
        DocumentedNames documented = DocumentedNames.read(docs.resolve("core-en_US.xml"), docs.resolve("appdocsxml.xslt"));
        assertThat(documented.events()).as("events documented by %s", docs).hasSizeGreaterThan(150);
        assertThat(difference(documented.events(), EventCatalogue.types().keySet()))
                .as("events the test Asterisk (%s) documents and the catalogue lacks", docs).isEmpty();
        assertThat(difference(EventCatalogue.types().keySet(), documented.events()))
                .as("events the catalogue has and the test Asterisk (%s) does not document", docs).isEmpty();
        assertThat(difference(documented.actions(), ActionCatalogue.types().keySet()))
                .as("actions the test Asterisk (%s) documents and the catalogue lacks", docs).isEmpty();
        assertThat(difference(ActionCatalogue.types().keySet(), documented.actions()))
                .as("actions the catalogue has and the test Asterisk (%s) does not document", docs).isEmpty();
    }

    private static SortedSet<String> difference(java.util.Set<String> from, java.util.Set<String> minus) {
        SortedSet<String> difference = new TreeSet<>(from);
        difference.removeAll(minus);
        return difference;
    }

    private static Path documentationDirectory() throws IOException, InterruptedException {
        String configured = System.getenv("AMIBOOT_ASTERISK_DOCS");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path script = Path.of("..", "scripts", "asterisk.sh").toAbsolutePath().normalize();
        Process process = new ProcessBuilder(script.toString(), "docs").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s docs finished", script).isTrue();
        assertThat(process.exitValue()).as("%s docs: %s (or set AMIBOOT_ASTERISK_DOCS to the directory of the test "
                + "Asterisk's core-en_US.xml)", script, output).isZero();
        Path docs = Path.of(output.lines().reduce((first, last) -> last).orElse(""));
        assertThat(Files.isReadable(docs.resolve("core-en_US.xml"))).as("%s/core-en_US.xml", docs).isTrue();
        return docs;
    }
}
