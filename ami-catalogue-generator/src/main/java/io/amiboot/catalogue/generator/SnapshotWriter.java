package io.amiboot.catalogue.generator;

import java.util.List;

/**
 * The shared shapes: {@code ChannelSnapshot}/{@code BridgeSnapshot} (views of the headers with one prefix) and the
 * {@code ChannelEvent}/{@code BridgeEvent} interfaces every event with an unprefixed snapshot implements.
 */
final class SnapshotWriter {

    private final FieldType.Table types;

    SnapshotWriter(FieldType.Table types) {
        this.types = types;
    }

    List<JavaSource> write(Snapshots snapshots) {
        return List.of(view("ChannelSnapshot", "channel", snapshots.channel()), view("BridgeSnapshot", "bridge", snapshots.bridge()),
                shape("ChannelEvent", "ChannelSnapshot", "channel", snapshots.channel()),
                shape("BridgeEvent", "BridgeSnapshot", "bridge", snapshots.bridge()));
    }

    private JavaSource view(String type, String kind, List<FieldSpec> fields) {
        StringBuilder out = new StringBuilder();
        out.append("package ").append(EventWriter.PACKAGE).append(";\n\n");
        out.append("import io.amiboot.client.AmiEvent;\n\n");
        out.append("/**\n * The headers of a ").append(kind).append(" snapshot in an event, all starting with one prefix ({@code \"\"} for\n")
                .append(" * the event's own ").append(kind).append(", e.g. {@code Dest} for a dial's destination), as Asterisk's stylesheet\n")
                .append(" * expands {@code <").append(kind).append("_snapshot/>}.\n */\n");
        out.append(JavaSource.GENERATED).append('\n');
        out.append("public final class ").append(type).append(" {\n\n");
        out.append("    private final AmiEvent raw;\n\n    private final String prefix;\n\n");
        out.append("    /**\n     * A view of one snapshot's headers in {@code raw}.\n     * @param raw the event\n")
                .append("     * @param prefix what its headers start with\n     */\n");
        out.append("    public ").append(type).append("(AmiEvent raw, String prefix) {\n");
        out.append("        this.raw = java.util.Objects.requireNonNull(raw, \"raw\");\n");
        out.append("        this.prefix = java.util.Objects.requireNonNull(prefix, \"prefix\");\n    }\n\n");
        out.append("    /** {@return what this snapshot's headers start with} */\n");
        out.append("    public String prefix() {\n        return prefix;\n    }\n\n");
        List<String> members = Accessors.members(fields);
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            Accessors.write(out, field, types.typeOf("", field), members.get(i), null, "raw",
                    "prefix + " + JavaSource.literal(field.wireName()), "public ");
        }
        for (FieldSpec field : fields) {
            if (types.typeOf("", field) == FieldType.ENUM) {
                EnumWriter.write(out, "    ", field);
                out.append('\n');
            }
        }
        out.append("    @Override\n    public String toString() {\n");
        out.append("        return \"").append(type).append("[prefix=\" + prefix + \", \" + raw + \"]\";\n    }\n}\n");
        return new JavaSource(EventWriter.PACKAGE, type, out.toString());
    }

    private JavaSource shape(String type, String view, String kind, List<FieldSpec> fields) {
        StringBuilder out = new StringBuilder();
        out.append("package ").append(EventWriter.PACKAGE).append(";\n\n");
        out.append("/**\n * Every event that carries its own ").append(kind).append(" snapshot (an unprefixed {@code <")
                .append(kind).append("_snapshot/>}), so that one\n * listener can take all of them.\n */\n");
        out.append(JavaSource.GENERATED).append('\n');
        out.append("public interface ").append(type).append(" extends TypedEvent {\n\n");
        String member = "channel".equals(kind) ? "channelSnapshot" : "bridgeSnapshot";
        out.append("    /** {@return the event's own ").append(kind).append(" snapshot as a view} */\n");
        out.append("    default ").append(view).append(' ').append(member).append("() {\n");
        out.append("        return new ").append(view).append("(raw(), \"\");\n    }\n\n");
        List<String> members = Accessors.members(fields);
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            Accessors.write(out, field, types.typeOf("", field), members.get(i), view, "raw()",
                    JavaSource.literal(field.wireName()), "default ");
        }
        out.setLength(out.length() - 1);
        out.append("}\n");
        return new JavaSource(EventWriter.PACKAGE, type, out.toString());
    }
}
