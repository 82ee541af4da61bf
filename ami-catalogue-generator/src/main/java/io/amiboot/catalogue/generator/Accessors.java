package io.amiboot.catalogue.generator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Writes the typed accessor of one header, for events, snapshot views and the snapshot interfaces alike. */
final class Accessors {

    private Accessors() {
    }

    /**
     * Writes one accessor method.
     * @param enumOwner the type that holds the header's enum ({@code null}: the enum is written beside the accessor)
     * @param rawExpression how the code reaches the raw event ({@code raw} or {@code raw()})
     * @param headerExpression the header name as Java code (a literal, or {@code prefix + "..."})
     * @param modifiers {@code "public "} for classes, {@code "default "} for interfaces
     */
    static void write(StringBuilder out, FieldSpec field, FieldType type, String member, String enumOwner,
            String rawExpression, String headerExpression, String modifiers) {
        String javaType = type == FieldType.ENUM ? qualified(enumOwner, EnumWriter.enumType(field)) : type.javaType();
        String value = rawExpression + ".get(" + headerExpression + ")";
        String read = switch (type) {
            case STRING -> value;
            case LIST -> rawExpression + ".getAll(" + headerExpression + ")";
            case ENUM -> javaType + ".from(" + value + ")";
            default -> "EventValues." + type.reader() + "(" + value + ")";
        };
        out.append("    /** {@return the ").append(JavaSource.code(field.wireName())).append(" header")
                .append(describe(type)).append(field.required() ? " (documented as required)" : "")
                .append(type == FieldType.LIST ? "; empty when absent}" : ", or {@code null} when absent"
                        + (type == FieldType.STRING ? "}" : " or not readable as one}"))
                .append(" */\n");
        out.append("    ").append(modifiers).append(javaType).append(' ').append(member).append("() {\n");
        out.append("        return ").append(read).append(";\n");
        out.append("    }\n\n");
    }

    private static String describe(FieldType type) {
        return switch (type) {
            case INTEGER, LONG -> " as a number";
            case BOOLEAN -> " as a boolean (Yes/No, true/false, 1/0)";
            case ENUM -> " as one of its documented values";
            case LIST -> ", every occurrence in order";
            case STRING -> "";
        };
    }

    private static String qualified(String owner, String type) {
        return owner == null ? type : owner + "." + type;
    }

    /** Distinct member names for the fields, in order: a second {@code HoldTime}/{@code Holdtime} gets a number. */
    static List<String> members(List<FieldSpec> fields) {
        Set<String> taken = new HashSet<>();
        return fields.stream().map(field -> {
            String member = JavaNames.member(field.wireName());
            String unique = member;
            for (int n = 2; !taken.add(unique); n++) {
                unique = member + n;
            }
            return unique;
        }).toList();
    }
}
