package io.amiboot.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.action.ActionCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The published reference is the one the build generated, and the catalogue is as large as the issue asks. */
class CatalogueReferenceTest {

    @Test
    void docsCatalogueReferenceIsTheGeneratedOne() throws IOException {
        Path generated = Path.of("target", "catalogue", "catalogue-reference.md");
        Path published = Path.of("..", "docs", "catalogue-reference.md");
        assertThat(published).as("docs/catalogue-reference.md differs from the build's; copy %s over it", generated.toAbsolutePath())
                .hasSameTextualContentAs(generated);
    }

    @Test
    void theCatalogueHoldsTheDocumentedEventsAndActions() {
        assertThat(EventCatalogue.types()).hasSizeGreaterThanOrEqualTo(165).containsKeys("Hangup", "Newchannel", "DialBegin",
                "BridgeEnter", "QueueCallerJoin", "AgentConnect", "Cdr", "AOC-D");
        assertThat(ActionCatalogue.types()).hasSizeGreaterThanOrEqualTo(145).containsKeys("Originate", "Hangup",
                "CoreShowChannels", "QueueStatus", "PJSIPShowEndpoints");
        assertThat(EventCatalogue.ASTERISK_VERSION).isEqualTo("22.10.1");
    }
}
