package io.amiboot.catalogue.generator;

import java.util.List;

/**
 * What the generator makes types of: every documented event and action, sorted by name.
 * @param asteriskVersion the Asterisk version the documentation comes from, e.g. {@code 22.10.1}
 * @param events the events
 * @param actions the actions
 */
record Catalogue(String asteriskVersion, List<EventSpec> events, List<ActionSpec> actions) {

    Catalogue {
        events = List.copyOf(events);
        actions = List.copyOf(actions);
    }
}
