package io.amiboot.live;

import io.amiboot.client.AmiEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The events of the byte-exact Asterisk 22 capture in src/test/resources/fixtures, in wire order. */
final class RecordedSession {

    private RecordedSession() {
    }

    /** Every event of the capture (responses are skipped). */
    static List<AmiEvent> events() {
        String text;
        try (InputStream in = RecordedSession.class.getResourceAsStream("/fixtures/asterisk-22-session.ami")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        List<AmiEvent> events = new ArrayList<>();
        for (String block : text.split("\r\n\r\n")) {
            if (!block.startsWith("Event: ")) {
                continue;
            }
            List<String> namesAndValues = new ArrayList<>();
            for (String line : block.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    namesAndValues.add(line.substring(0, colon));
                    namesAndValues.add(line.substring(colon + 1).strip());
                }
            }
            events.add(AmiEvent.of(namesAndValues.toArray(String[]::new)));
        }
        return events;
    }

    /** An event built from alternating names and values, {@code Event} first. */
    static AmiEvent event(String name, String... namesAndValues) {
        String[] all = new String[namesAndValues.length + 2];
        all[0] = "Event";
        all[1] = name;
        System.arraycopy(namesAndValues, 0, all, 2, namesAndValues.length);
        return AmiEvent.of(all);
    }
}
