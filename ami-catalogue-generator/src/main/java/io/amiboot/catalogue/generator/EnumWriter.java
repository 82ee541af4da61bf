package io.amiboot.catalogue.generator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A nested enum for a header with an {@code <enumlist>}: one constant per value and {@code UNRECOGNIZED}. */
final class EnumWriter {

    static final String UNRECOGNIZED = "UNRECOGNIZED";

    private EnumWriter() {
    }

    static String enumType(FieldSpec field) {
        return JavaNames.type(field.wireName());
    }

    static void write(StringBuilder out, String indent, FieldSpec field) {
        String type = enumType(field);
        out.append(indent).append("/** The values Asterisk documents for ").append(JavaSource.code(field.wireName()))
                .append("; {@link #").append(UNRECOGNIZED).append("} for any other. */\n");
        out.append(indent).append("public enum ").append(type).append(" {\n");
        Set<String> constants = new LinkedHashSet<>();
        List<String> values = field.enumValues();
        for (String value : values) {
            String constant = JavaNames.constant(value);
            for (int n = 2; constants.contains(constant) || constant.equals(UNRECOGNIZED); n++) {
                constant = JavaNames.constant(value) + "_" + n;
            }
            constants.add(constant);
            out.append(indent).append("    /** ").append(JavaSource.code(value)).append(" */\n");
            out.append(indent).append("    ").append(constant).append('(').append(JavaSource.literal(value)).append("),\n");
        }
        out.append(indent).append("    /** A value the documentation does not list (see the raw header). */\n");
        out.append(indent).append("    ").append(UNRECOGNIZED).append("(null);\n\n");
        out.append(indent).append("    /** {@code values()} copies its array on every call; {@link #from} reads this one. */\n");
        out.append(indent).append("    private static final ").append(type).append("[] CONSTANTS = values();\n\n");
        out.append(indent).append("    private final String wireValue;\n\n");
        out.append(indent).append("    ").append(type).append("(String wireValue) {\n");
        out.append(indent).append("        this.wireValue = wireValue;\n");
        out.append(indent).append("    }\n\n");
        out.append(indent).append("    /** {@return the value as Asterisk writes it, or {@code null} for {@code UNRECOGNIZED}} */\n");
        out.append(indent).append("    public String wireValue() {\n");
        out.append(indent).append("        return wireValue;\n");
        out.append(indent).append("    }\n\n");
        out.append(indent).append("    /**\n");
        out.append(indent).append("     * The constant for a header's value, ignoring case.\n");
        out.append(indent).append("     * @param value the header's value, or {@code null} when it is absent\n");
        out.append(indent).append("     * @return the constant, {@code UNRECOGNIZED} for an undocumented value, {@code null} for none\n");
        out.append(indent).append("     */\n");
        out.append(indent).append("    public static ").append(type).append(" from(String value) {\n");
        out.append(indent).append("        if (value == null) {\n");
        out.append(indent).append("            return null;\n");
        out.append(indent).append("        }\n");
        out.append(indent).append("        for (").append(type).append(" constant : CONSTANTS) {\n");
        out.append(indent).append("            if (constant.wireValue != null && constant.wireValue.equalsIgnoreCase(value)) {\n");
        out.append(indent).append("                return constant;\n");
        out.append(indent).append("            }\n");
        out.append(indent).append("        }\n");
        out.append(indent).append("        return UNRECOGNIZED;\n");
        out.append(indent).append("    }\n");
        out.append(indent).append("}\n");
    }
}
