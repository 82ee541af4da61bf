package io.amiboot.catalogue.generator;

import static io.amiboot.catalogue.generator.AsteriskDocumentation.child;
import static io.amiboot.catalogue.generator.AsteriskDocumentation.children;
import static io.amiboot.catalogue.generator.AsteriskDocumentation.elements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Reads the events and actions out of Asterisk's expanded XML documentation. */
final class CatalogueReader {

    private static final String EVENT_FLAG = "EVENT_FLAG_";

    private CatalogueReader() {
    }

    static Catalogue read(Document expanded, String asteriskVersion) {
        return new Catalogue(asteriskVersion, events(expanded), actions(expanded));
    }

    static List<EventSpec> events(Document expanded) {
        Map<String, EventBuilder> byName = new TreeMap<>();
        for (Element event : elements(expanded.getElementsByTagName("managerEvent"))) {
            EventBuilder builder = byName.computeIfAbsent(event.getAttribute("name"), EventBuilder::new);
            for (Element instance : children(event, "managerEventInstance")) {
                builder.add(instance, event.getAttribute("module"));
            }
        }
        return byName.values().stream().map(EventBuilder::build).toList();
    }

    static List<ActionSpec> actions(Document expanded) {
        Map<String, ActionSpec> byName = new TreeMap<>();
        for (Element action : elements(expanded.getElementsByTagName("manager"))) {
            String name = action.getAttribute("name");
            List<FieldSpec> parameters = new ArrayList<>();
            Element syntax = child(action, "syntax");
            if (syntax != null) {
                for (FieldSpec parameter : fields(syntax)) {
                    if (!parameter.wireName().equalsIgnoreCase("ActionID")) {
                        parameters.add(parameter);
                    }
                }
            }
            // app_voicemail documents some actions twice, word for word: the first stands.
            byName.putIfAbsent(name, new ActionSpec(name, since(action), action.getAttribute("module"),
                    distinct(parameters), listEntries(action)));
        }
        return List.copyOf(byName.values());
    }

    private static List<String> listEntries(Element action) {
        Element responses = child(action, "responses");
        Element list = responses == null ? null : child(responses, "list-elements");
        if (list == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (Element event : children(list, "managerEvent")) {
            names.add(event.getAttribute("name"));
        }
        return List.copyOf(names);
    }

    static List<FieldSpec> fields(Element syntax) {
        List<FieldSpec> fields = new ArrayList<>();
        for (Element parameter : children(syntax, "parameter")) {
            List<String> values = new ArrayList<>();
            Element enumlist = child(parameter, "enumlist");
            if (enumlist != null) {
                for (Element value : children(enumlist, "enum")) {
                    values.add(value.getAttribute("name"));
                }
            }
            fields.add(new FieldSpec(parameter.getAttribute("name"), "true".equals(parameter.getAttribute("required")),
                    "true".equals(parameter.getAttribute("multiple")), values));
        }
        return fields;
    }

    private static List<FieldSpec> distinct(List<FieldSpec> fields) {
        Map<String, FieldSpec> byName = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            byName.merge(field.wireName().toLowerCase(Locale.ROOT), field, FieldSpec::mergedWith);
        }
        return List.copyOf(byName.values());
    }

    private static List<String> since(Element documented) {
        Element since = child(documented, "since");
        if (since == null) {
            return List.of();
        }
        return children(since, "version").stream().map(version -> version.getTextContent().strip()).toList();
    }

    /** Merges the instances of one event, each module's fields in the order the first instance gives them. */
    private static final class EventBuilder {

        private final String name;

        private final Set<String> privileges = new LinkedHashSet<>();

        private final Set<String> since = new LinkedHashSet<>();

        private final Set<String> modules = new LinkedHashSet<>();

        private final Map<String, FieldSpec> fields = new LinkedHashMap<>();

        private int instances;

        EventBuilder(String name) {
            this.name = name;
        }

        void add(Element instance, String eventModule) {
            String flag = instance.getAttribute("class");
            if (flag.startsWith(EVENT_FLAG)) {
                privileges.add(flag.substring(EVENT_FLAG.length()).toLowerCase(Locale.ROOT));
            }
            since.addAll(CatalogueReader.since(instance));
            String module = instance.hasAttribute("module") ? instance.getAttribute("module") : eventModule;
            if (!module.isEmpty()) {
                modules.add(module);
            }
            Element syntax = child(instance, "syntax");
            List<FieldSpec> instanceFields = syntax == null ? List.of() : distinct(fields(syntax));
            if (instances > 0) {
                // A field only one instance documents is not required of the event.
                fields.replaceAll((key, field) -> instanceFields.stream()
                        .anyMatch(other -> other.wireName().equalsIgnoreCase(field.wireName())) ? field
                        : new FieldSpec(field.wireName(), false, field.multiple(), field.enumValues()));
            }
            for (FieldSpec field : instanceFields) {
                FieldSpec added = instances > 0 && !fields.containsKey(key(field))
                        ? new FieldSpec(field.wireName(), false, field.multiple(), field.enumValues()) : field;
                fields.merge(key(field), added, FieldSpec::mergedWith);
            }
            instances++;
        }

        private static String key(FieldSpec field) {
            return field.wireName().toLowerCase(Locale.ROOT);
        }

        EventSpec build() {
            return new EventSpec(name, privileges, List.copyOf(since), modules, List.copyOf(fields.values()));
        }
    }
}
