package io.amiboot.catalogue.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Java type of a documented header. Asterisk's XML gives no types, only {@code <enumlist>}s, so numbers are
 * named in our own table ({@code field-types.txt}: one {@code Header type} per line, {@code Event.Header type} for
 * one event only); an enumlist of two yes/no-like values is a boolean, any other an enum; a repeating header a list.
 */
enum FieldType {
    STRING("String", "string"), INTEGER("Integer", "integer"), LONG("Long", "longValue"), BOOLEAN("Boolean", "bool"),
    ENUM(null, "enumValue"), LIST("java.util.List<String>", "list");

    private static final Set<String> YES_NO = Set.of("yes", "no", "true", "false", "0", "1", "on", "off");

    private final String javaType;

    private final String reader;

    FieldType(String javaType, String reader) {
        this.javaType = javaType;
        this.reader = reader;
    }

    /** The Java type, or {@code null} for an enum (whose type is generated per field). */
    String javaType() {
        return javaType;
    }

    /** The {@code EventValues} method that reads it. */
    String reader() {
        return reader;
    }

    /** The named types of {@code field-types.txt}. */
    static final class Table {

        private final Map<String, FieldType> types;

        private Table(Map<String, FieldType> types) {
            this.types = Map.copyOf(types);
        }

        static Table load(Path file) throws IOException {
            return parse(Files.readAllLines(file));
        }

        static Table parse(List<String> lines) {
            Map<String, FieldType> types = new HashMap<>();
            for (String line : lines) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                String[] parts = entry.split("\\s+");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("field-types: want 'Header type', got '" + line + "'");
                }
                types.put(parts[0].toLowerCase(Locale.ROOT), switch (parts[1]) {
                    case "int" -> INTEGER;
                    case "long" -> LONG;
                    case "boolean" -> BOOLEAN;
                    case "string" -> STRING;
                    default -> throw new IllegalArgumentException("field-types: unknown type '" + parts[1] + "' in '" + line + "'");
                });
            }
            return new Table(types);
        }

        FieldType typeOf(String event, FieldSpec field) {
            if (field.multiple()) {
                return LIST;
            }
            String name = field.wireName().toLowerCase(Locale.ROOT);
            FieldType named = types.getOrDefault(event.toLowerCase(Locale.ROOT) + "." + name, types.get(name));
            if (named != null) {
                return named;
            }
            if (field.enumValues().size() == 2
                    && field.enumValues().stream().allMatch(value -> YES_NO.contains(value.toLowerCase(Locale.ROOT)))) {
                return BOOLEAN;
            }
            return field.enumValues().isEmpty() ? STRING : ENUM;
        }
    }
}
