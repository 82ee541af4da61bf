package io.amiboot.live;

import io.amiboot.client.AmiEvent;
import io.amiboot.client.CapturedSession;
import java.util.List;

/** The events of the byte-exact Asterisk 22 capture in src/test/resources/fixtures, in wire order. */
final class RecordedSession {

    private RecordedSession() {
    }

    /** Every event of the capture (responses are skipped), as the client's own decoders read it. */
    static List<AmiEvent> events() {
        return CapturedSession.events();
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
