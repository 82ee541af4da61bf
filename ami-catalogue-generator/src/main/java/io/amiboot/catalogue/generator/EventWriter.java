package io.amiboot.catalogue.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One {@code <Name>Event} class per documented event: a typed view over the raw {@code AmiEvent}. */
final class EventWriter {

    static final String PACKAGE = "io.amiboot.event";

    private final Snapshots snapshots;

    private final FieldType.Table types;

    private final String documentationRoot;

    EventWriter(Snapshots snapshots, FieldType.Table types, String asteriskMajor) {
        this.snapshots = snapshots;
        this.types = types;
        this.documentationRoot = "https://docs.asterisk.org/Asterisk_" + asteriskMajor + "_Documentation/API_Documentation/AMI_Events/";
    }

    static String typeName(String eventName) {
        return JavaNames.type(eventName) + "Event";
    }

    JavaSource write(EventSpec event) {
        String type = typeName(event.name());
        List<String> channels = snapshots.channelPrefixes(event.fields());
        List<String> bridges = snapshots.bridgePrefixes(event.fields());
        List<FieldSpec> own = event.fields().stream()
                .filter(field -> !snapshots.inSnapshot(field, channels, bridges)).toList();
        List<String> interfaces = new ArrayList<>();
        if (channels.contains("")) {
            interfaces.add("ChannelEvent");
        }
        if (bridges.contains("")) {
            interfaces.add("BridgeEvent");
        }
        if (interfaces.isEmpty()) {
            interfaces.add("TypedEvent");
        }
        StringBuilder out = new StringBuilder();
        out.append("package ").append(PACKAGE).append(";\n\n");
        out.append("import io.amiboot.client.AmiEvent;\n");
        out.append("import java.util.Set;\n\n");
        out.append("/**\n");
        out.append(" * The ").append(JavaSource.code(event.name())).append(" event, typed").append(privileges(event)).append('.')
                .append(JavaSource.since(event.since())).append('\n');
        out.append(" * <p>Asterisk's documentation: <a href=\"").append(documentationRoot).append(event.name())
                .append("/\">").append(event.name()).append("</a>.\n");
        out.append(" */\n");
        out.append(JavaSource.GENERATED).append('\n');
        out.append("public final class ").append(type).append(" implements ").append(String.join(", ", interfaces)).append(" {\n\n");
        out.append("    /** The event's name on the wire. */\n");
        out.append("    public static final String NAME = ").append(JavaSource.literal(event.name())).append(";\n\n");
        out.append("    private static final Set<String> DOCUMENTED_HEADERS = EventValues.headerSet(")
                .append(event.fields().stream().map(field -> JavaSource.literal(field.wireName())).collect(Collectors.joining(", ")))
                .append(");\n\n");
        List<String> required = event.fields().stream().filter(FieldSpec::required).map(FieldSpec::wireName).toList();
        if (!required.isEmpty()) {
            out.append("    private static final Set<String> REQUIRED_HEADERS = Set.of(")
                    .append(required.stream().map(JavaSource::literal).collect(Collectors.joining(", "))).append(");\n\n");
        }
        out.append("    private final AmiEvent raw;\n\n");
        out.append("    private final String server;\n\n");
        out.append("    /**\n");
        out.append("     * A typed view of a raw event; reads nothing until an accessor is called, and never fails on a missing or\n");
        out.append("     * malformed header (its accessor returns {@code null}).\n");
        out.append("     * @param raw the event as received, named ").append(JavaSource.code(event.name())).append('\n');
        out.append("     * @param server the name of the server it came from\n");
        out.append("     * @throws IllegalArgumentException when {@code raw} is another event\n");
        out.append("     */\n");
        out.append("    public ").append(type).append("(AmiEvent raw, String server) {\n");
        out.append("        this.raw = EventValues.named(raw, NAME);\n");
        out.append("        this.server = server;\n");
        out.append("    }\n\n");
        out.append("    @Override\n    public AmiEvent raw() {\n        return raw;\n    }\n\n");
        out.append("    @Override\n    public String server() {\n        return server;\n    }\n\n");
        out.append("    @Override\n    public Set<String> documentedHeaders() {\n        return DOCUMENTED_HEADERS;\n    }\n\n");
        if (!required.isEmpty()) {
            out.append("    @Override\n    public Set<String> requiredHeaders() {\n        return REQUIRED_HEADERS;\n    }\n\n");
        }
        List<String> members = Accessors.members(own);
        for (int i = 0; i < own.size(); i++) {
            FieldSpec field = own.get(i);
            Accessors.write(out, field, types.typeOf(event.name(), field), members.get(i), null, "raw",
                    JavaSource.literal(field.wireName()), "public ");
        }
        for (String prefix : channels) {
            if (!prefix.isEmpty()) {
                snapshotView(out, prefix, "ChannelSnapshot", "channel");
            }
        }
        for (String prefix : bridges) {
            if (!prefix.isEmpty()) {
                snapshotView(out, prefix, "BridgeSnapshot", "bridge");
            }
        }
        for (FieldSpec field : own) {
            if (types.typeOf(event.name(), field) == FieldType.ENUM) {
                EnumWriter.write(out, "    ", field);
                out.append('\n');
            }
        }
        out.append("    @Override\n    public String toString() {\n");
        out.append("        return \"").append(type).append("[server=\" + server + \", \" + raw + \"]\";\n");
        out.append("    }\n");
        out.append("}\n");
        return new JavaSource(PACKAGE, type, out.toString());
    }

    private static void snapshotView(StringBuilder out, String prefix, String view, String kind) {
        String member = JavaNames.member(prefix) + view.replace("Snapshot", "") + "Snapshot";
        out.append("    /** {@return the ").append(kind).append(" snapshot whose headers start with ")
                .append(JavaSource.code(prefix)).append("} */\n");
        out.append("    public ").append(view).append(' ').append(member).append("() {\n");
        out.append("        return new ").append(view).append("(raw, ").append(JavaSource.literal(prefix)).append(");\n");
        out.append("    }\n\n");
    }

    private static String privileges(EventSpec event) {
        return event.privileges().isEmpty() ? "" : " (class " + event.privileges().stream().sorted()
                .map(JavaSource::code).collect(Collectors.joining(", ")) + ")";
    }
}
