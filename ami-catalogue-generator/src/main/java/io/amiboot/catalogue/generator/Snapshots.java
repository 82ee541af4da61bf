package io.amiboot.catalogue.generator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The headers of a channel and of a bridge snapshot, as Asterisk's stylesheet expands {@code <channel_snapshot/>}
 * and {@code <bridge_snapshot/>}; and which snapshots (by prefix) an event carries.
 */
record Snapshots(List<FieldSpec> channel, List<FieldSpec> bridge) {

    /** Headers only a channel snapshot has: the prefix of one found in an event is a candidate. */
    private static final String CHANNEL_MARKER = "Linkedid";

    private static final String BRIDGE_MARKER = "BridgeUniqueid";

    static Snapshots expand(byte[] stylesheet) throws IOException {
        String probe = "<docs><channel><syntax><channel_snapshot/></syntax></channel>"
                + "<bridge><syntax><bridge_snapshot/></syntax></bridge></docs>";
        Document expanded;
        try (InputStream xml = new ByteArrayInputStream(probe.getBytes(StandardCharsets.UTF_8));
             InputStream xslt = new ByteArrayInputStream(stylesheet)) {
            expanded = AsteriskDocumentation.expand(AsteriskDocumentation.parse(xml), xslt);
        }
        Element docs = expanded.getDocumentElement();
        return new Snapshots(fieldsOf(docs, "channel"), fieldsOf(docs, "bridge"));
    }

    private static List<FieldSpec> fieldsOf(Element docs, String probe) throws IOException {
        Element syntax = AsteriskDocumentation.child(AsteriskDocumentation.child(docs, probe), "syntax");
        List<FieldSpec> fields = CatalogueReader.fields(syntax);
        if (fields.isEmpty()) {
            throw new IOException("The stylesheet did not expand <" + probe + "_snapshot/>");
        }
        return fields;
    }

    /** The prefixes of the channel snapshots among {@code fields} ({@code ""} for the event's own channel). */
    List<String> channelPrefixes(List<FieldSpec> fields) {
        return prefixes(fields, channel, CHANNEL_MARKER);
    }

    /** The prefixes of the bridge snapshots among {@code fields}. */
    List<String> bridgePrefixes(List<FieldSpec> fields) {
        return prefixes(fields, bridge, BRIDGE_MARKER);
    }

    /** Whether {@code field} belongs to one of the snapshots given by their prefixes. */
    boolean inSnapshot(FieldSpec field, List<String> channelPrefixes, List<String> bridgePrefixes) {
        String name = field.wireName().toLowerCase(Locale.ROOT);
        return covered(name, channel, channelPrefixes) || covered(name, bridge, bridgePrefixes);
    }

    private static boolean covered(String name, List<FieldSpec> snapshot, List<String> prefixes) {
        for (String prefix : prefixes) {
            for (FieldSpec field : snapshot) {
                if ((prefix + field.wireName()).equalsIgnoreCase(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> prefixes(List<FieldSpec> fields, List<FieldSpec> snapshot, String marker) {
        Set<String> names = fields.stream().map(field -> field.wireName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> prefixes = new ArrayList<>();
        for (FieldSpec field : fields) {
            String name = field.wireName();
            if (name.length() >= marker.length() && name.regionMatches(true, name.length() - marker.length(), marker, 0, marker.length())) {
                String prefix = name.substring(0, name.length() - marker.length());
                boolean complete = snapshot.stream().allMatch(part -> names.contains((prefix + part.wireName()).toLowerCase(Locale.ROOT)));
                if (complete && !prefixes.contains(prefix)) {
                    prefixes.add(prefix);
                }
            }
        }
        return prefixes;
    }
}
