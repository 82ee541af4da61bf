package io.amiboot.catalogue.generator;

import java.util.List;
import java.util.Set;

/**
 * One documented manager event, its instances (one per module that raises it) merged.
 * @param name the event's name on the wire, e.g. {@code Hangup}
 * @param privileges the instances' privilege classes, e.g. {@code call} for {@code EVENT_FLAG_CALL}
 * @param since the Asterisk versions the documentation says it appeared in (one per branch), possibly empty
 * @param modules the modules that document it
 * @param fields its documented headers, snapshot headers included, in documentation order
 */
record EventSpec(String name, Set<String> privileges, List<String> since, Set<String> modules, List<FieldSpec> fields) {

    EventSpec {
        privileges = Set.copyOf(privileges);
        since = List.copyOf(since);
        modules = Set.copyOf(modules);
        fields = List.copyOf(fields);
    }
}
