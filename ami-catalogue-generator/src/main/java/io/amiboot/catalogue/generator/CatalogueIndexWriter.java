package io.amiboot.catalogue.generator;

import java.util.List;

/** {@code EventCatalogue} and {@code ActionCatalogue}: from a name to its typed class, without reflection. */
final class CatalogueIndexWriter {

    private CatalogueIndexWriter() {
    }

    static JavaSource write(Catalogue catalogue) {
        List<EventSpec> events = catalogue.events();
        StringBuilder out = new StringBuilder();
        out.append("package ").append(EventWriter.PACKAGE).append(";\n\n");
        out.append("import io.amiboot.client.AmiEvent;\n");
        out.append("import java.util.Map;\n\n");
        out.append("/**\n");
        out.append(" * The typed events, generated from the documentation of Asterisk ").append(catalogue.asteriskVersion()).append(".\n");
        out.append(" */\n");
        out.append(JavaSource.GENERATED).append('\n');
        out.append("public final class EventCatalogue {\n\n");
        out.append("    /** The Asterisk version whose XML documentation the catalogue was generated from. */\n");
        out.append("    public static final String ASTERISK_VERSION = ").append(JavaSource.literal(catalogue.asteriskVersion())).append(";\n\n");
        out.append("    private static final Map<String, Class<? extends TypedEvent>> TYPES = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(Map.ofEntries(\n");
        for (int i = 0; i < events.size(); i++) {
            EventSpec event = events.get(i);
            out.append("            Map.entry(").append(JavaSource.literal(event.name())).append(", ")
                    .append(EventWriter.typeName(event.name())).append(".class)").append(i + 1 < events.size() ? ",\n" : ")));\n\n");
        }
        out.append("    /** Asterisk names events in one case; a peer that does not is matched ignoring case. */\n");
        out.append("    private static final Map<String, String> NAMES_IGNORING_CASE = EventValues.namesIgnoringCase(TYPES.keySet());\n\n");
        out.append("    private EventCatalogue() {\n    }\n\n");
        out.append("    /**\n");
        out.append("     * The typed view of an event.\n");
        out.append("     * @param raw the event as received\n");
        out.append("     * @param server the name of the server it came from\n");
        out.append("     * @return its typed view, or {@code null} for an event the catalogue does not know (it stays raw)\n");
        out.append("     */\n");
        out.append("    public static TypedEvent typed(AmiEvent raw, String server) {\n");
        out.append("        TypedEvent typed = create(raw.name(), raw, server);\n");
        out.append("        if (typed == null) {\n");
        out.append("            String known = NAMES_IGNORING_CASE.get(raw.name().toLowerCase(java.util.Locale.ROOT));\n");
        out.append("            return known == null ? null : create(known, raw, server);\n");
        out.append("        }\n");
        out.append("        return typed;\n");
        out.append("    }\n\n");
        out.append("    private static TypedEvent create(String name, AmiEvent raw, String server) {\n");
        out.append("        return switch (name) {\n");
        for (EventSpec event : events) {
            out.append("            case ").append(JavaSource.literal(event.name())).append(" -> new ")
                    .append(EventWriter.typeName(event.name())).append("(raw, server);\n");
        }
        out.append("            default -> null;\n");
        out.append("        };\n");
        out.append("    }\n\n");
        out.append("    /**\n");
        out.append("     * The typed class of an event name.\n");
        out.append("     * @param eventName the name on the wire, e.g. {@code Hangup} (matched ignoring case)\n");
        out.append("     * @return its class, or {@code null} when the catalogue does not know it\n");
        out.append("     */\n");
        out.append("    public static Class<? extends TypedEvent> type(String eventName) {\n");
        out.append("        Class<? extends TypedEvent> type = TYPES.get(eventName);\n");
        out.append("        if (type == null) {\n");
        out.append("            String known = NAMES_IGNORING_CASE.get(eventName.toLowerCase(java.util.Locale.ROOT));\n");
        out.append("            return known == null ? null : TYPES.get(known);\n");
        out.append("        }\n");
        out.append("        return type;\n");
        out.append("    }\n\n");
        out.append("    /** {@return every event name the catalogue knows, with its class, sorted by name} */\n");
        out.append("    public static Map<String, Class<? extends TypedEvent>> types() {\n");
        out.append("        return TYPES;\n");
        out.append("    }\n");
        out.append("}\n");
        return new JavaSource(EventWriter.PACKAGE, "EventCatalogue", out.toString());
    }

    static JavaSource actions(Catalogue catalogue) {
        List<ActionSpec> actions = catalogue.actions();
        StringBuilder out = new StringBuilder();
        out.append("package ").append(ActionWriter.PACKAGE).append(";\n\n");
        out.append("import java.util.Map;\n\n");
        out.append("/**\n");
        out.append(" * The typed actions, generated from the documentation of Asterisk ").append(catalogue.asteriskVersion()).append(".\n");
        out.append(" */\n");
        out.append(JavaSource.GENERATED).append('\n');
        out.append("public final class ActionCatalogue {\n\n");
        out.append("    private static final Map<String, Class<? extends ActionRequest>> TYPES = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(Map.ofEntries(\n");
        for (int i = 0; i < actions.size(); i++) {
            ActionSpec action = actions.get(i);
            out.append("            Map.entry(").append(JavaSource.literal(action.name())).append(", ")
                    .append(ActionWriter.typeName(action.name())).append(".class)").append(i + 1 < actions.size() ? ",\n" : ")));\n\n");
        }
        out.append("    private ActionCatalogue() {\n    }\n\n");
        out.append("    /** {@return every action name the catalogue knows, with its class, sorted by name} */\n");
        out.append("    public static Map<String, Class<? extends ActionRequest>> types() {\n");
        out.append("        return TYPES;\n");
        out.append("    }\n");
        out.append("}\n");
        return new JavaSource(ActionWriter.PACKAGE, "ActionCatalogue", out.toString());
    }
}
