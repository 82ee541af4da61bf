package io.amiboot.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiEvent;
import io.amiboot.client.CapturedSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every event of the byte-exact Asterisk 22 capture against the catalogue: each documented one maps to its typed
 * class, and the headers Asterisk sent that its XML does not document are the table docs/catalogue.md publishes.
 */
class CapturedSessionCatalogueTest {

    /** Events of the capture Asterisk 22 sends without documenting them in its XML. */
    private static final Set<String> UNDOCUMENTED_EVENTS = Set.of("BridgeListComplete", "QueueMember", "QueueStatusComplete", "TestEvent");

    @Test
    void everyDocumentedEventOfTheCaptureMapsToItsTypedClass() {
        List<AmiEvent> events = CapturedSession.events();
        assertThat(events).hasSizeGreaterThan(100);
        Set<String> unknown = new TreeSet<>();
        for (AmiEvent event : events) {
            TypedEvent typed = EventCatalogue.typed(event, "capture");
            if (typed == null) {
                unknown.add(event.name());
                continue;
            }
            assertThat(typed.getClass()).isEqualTo(EventCatalogue.type(event.name()));
            // Ignoring case: Asterisk 22 sends Newexten, and documents it as NewExten.
            assertThat(typed.getClass().getSimpleName()).isEqualToIgnoringCase(event.name().replace("-", "") + "Event");
            assertThat(typed.raw()).isSameAs(event);
        }
        assertThat(unknown).as("events of the capture the XML does not document").isEqualTo(UNDOCUMENTED_EVENTS);
    }

    @Test
    void theUndocumentedHeadersOfTheCaptureArePublishedInTheDocs() throws IOException {
        Map<String, Set<String>> undocumented = new TreeMap<>();
        for (AmiEvent event : CapturedSession.events()) {
            TypedEvent typed = EventCatalogue.typed(event, "capture");
            if (typed != null) {
                typed.undocumentedHeaders().forEach(header ->
                        undocumented.computeIfAbsent(event.name(), name -> new TreeSet<>()).add(header.getKey()));
            }
        }
        List<String> rows = undocumented.entrySet().stream()
                .map(entry -> "| `" + entry.getKey() + "` | " + entry.getValue().stream().map(name -> "`" + name + "`")
                        .collect(Collectors.joining(", ")) + " |")
                .toList();
        rows.forEach(System.out::println);
        assertThat(rows).as("the capture has undocumented headers (a finding worth publishing)").isNotEmpty();
        String docs = Files.readString(Path.of("..", "docs", "catalogue.md"));
        assertThat(docs).as("docs/catalogue.md, section 'Undocumented headers', lists each row printed above")
                .contains(rows);
    }
}
