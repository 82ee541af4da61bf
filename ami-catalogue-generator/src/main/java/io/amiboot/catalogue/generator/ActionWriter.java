package io.amiboot.catalogue.generator;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One {@code <Name>Action} class per documented action: required parameters in the constructor, each optional one
 * as a method returning a copy with it set; the headers are checked by {@code AmiAction} as they are set.
 */
final class ActionWriter {

    static final String PACKAGE = "io.amiboot.action";

    /** Headers the client writes itself; an action never takes them as parameters. */
    private static final Set<String> CLIENT_HEADERS = Set.of("action", "actionid");

    private final String documentationRoot;

    private final Set<String> eventNames;

    ActionWriter(String asteriskMajor, Set<String> eventNames) {
        this.documentationRoot = "https://docs.asterisk.org/Asterisk_" + asteriskMajor + "_Documentation/API_Documentation/AMI_Actions/";
        this.eventNames = Set.copyOf(eventNames);
    }

    static String typeName(String actionName) {
        return JavaNames.type(actionName) + "Action";
    }

    JavaSource write(ActionSpec action) {
        String type = typeName(action.name());
        List<FieldSpec> parameters = action.parameters().stream()
                .filter(parameter -> !CLIENT_HEADERS.contains(parameter.wireName().toLowerCase(java.util.Locale.ROOT))).toList();
        List<String> members = Accessors.members(parameters);
        List<Integer> required = java.util.stream.IntStream.range(0, parameters.size())
                .filter(i -> parameters.get(i).required()).boxed().toList();
        String entry = entryType(action);
        StringBuilder out = new StringBuilder();
        out.append("package ").append(PACKAGE).append(";\n\n");
        out.append("import io.amiboot.client.AmiAction;\n");
        out.append("import java.util.Map;\n\n");
        out.append("/**\n");
        out.append(" * The ").append(JavaSource.code(action.name())).append(" action, typed: required parameters in the constructor, optional\n");
        out.append(" * ones as methods that return a copy with the parameter set.").append(JavaSource.since(action.since())).append('\n');
        if (entry != null) {
            out.append(" * <p>A list action: {@link AmiActionSender#list(ListActionRequest)} completes with its entries as\n");
            out.append(" * {@link ").append(entry).append("}s.\n");
        }
        out.append(" * <p>Asterisk's documentation: <a href=\"").append(documentationRoot).append(action.name())
                .append("/\">").append(action.name()).append("</a>.\n");
        out.append(" */\n");
        out.append(JavaSource.GENERATED).append('\n');
        out.append("public final class ").append(type).append(" implements ")
                .append(entry == null ? "ActionRequest" : "ListActionRequest<" + entry + ">").append(" {\n\n");
        out.append("    /** The action's name on the wire. */\n");
        out.append("    public static final String NAME = ").append(JavaSource.literal(action.name())).append(";\n\n");
        out.append("    private final Map<String, String> headers;\n\n");
        out.append("    private final AmiAction action;\n\n");
        out.append("    /**\n");
        out.append("     * The action with its required parameters").append(required.isEmpty() ? " (it has none)" : "").append(".\n");
        for (int i : required) {
            out.append("     * @param ").append(members.get(i)).append(" the ").append(JavaSource.code(parameters.get(i).wireName()))
                    .append(" parameter\n");
        }
        if (!required.isEmpty()) {
            out.append("     * @throws NullPointerException naming a required parameter that is {@code null}\n");
            out.append("     * @throws IllegalArgumentException naming a parameter that could not be sent safely\n");
        }
        out.append("     */\n");
        out.append("    public ").append(type).append('(')
                .append(required.stream().map(i -> "String " + members.get(i)).collect(Collectors.joining(", "))).append(") {\n");
        out.append("        this(ActionHeaders.required(NAME").append(required.stream()
                .map(i -> ", " + JavaSource.literal(parameters.get(i).wireName()) + ", " + members.get(i)).collect(Collectors.joining()))
                .append("));\n");
        out.append("    }\n\n");
        out.append("    private ").append(type).append("(Map<String, String> headers) {\n");
        out.append("        this.headers = headers;\n");
        out.append("        this.action = ActionHeaders.build(NAME, headers);\n");
        out.append("    }\n\n");
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).required()) {
                continue;
            }
            FieldSpec parameter = parameters.get(i);
            String member = members.get(i);
            out.append("    /**\n");
            out.append("     * A copy with the ").append(JavaSource.code(parameter.wireName())).append(" parameter set").append(values(parameter)).append(".\n");
            out.append("     * @param ").append(member).append(" its value, or {@code null} to leave it out\n");
            out.append("     * @return the copy\n");
            out.append("     * @throws IllegalArgumentException when the value could not be sent safely\n");
            out.append("     */\n");
            out.append("    public ").append(type).append(' ').append(member).append("(String ").append(member).append(") {\n");
            out.append("        return new ").append(type).append("(ActionHeaders.with(headers, ")
                    .append(JavaSource.literal(parameter.wireName())).append(", ").append(member).append("));\n");
            out.append("    }\n\n");
        }
        out.append("    @Override\n    public AmiAction action() {\n        return action;\n    }\n\n");
        if (entry != null) {
            out.append("    @Override\n    public Class<").append(entry).append("> entryType() {\n");
            out.append("        return ").append(entry).append(".class;\n    }\n\n");
        }
        out.append("    @Override\n    public String toString() {\n");
        out.append("        return \"").append(type).append("[\" + action + \"]\";\n    }\n");
        out.append("}\n");
        return new JavaSource(PACKAGE, type, out.toString());
    }

    /** The Java type of the list's entries: the one event type it documents, else any typed event. */
    private String entryType(ActionSpec action) {
        List<String> known = action.listEntries().stream().filter(eventNames::contains).toList();
        if (action.listEntries().isEmpty()) {
            return null;
        }
        return known.size() == 1 && action.listEntries().size() == 1
                ? "io.amiboot.event." + EventWriter.typeName(known.get(0)) : "io.amiboot.event.TypedEvent";
    }

    private static String values(FieldSpec parameter) {
        return parameter.enumValues().isEmpty() ? "" : " (documented values: " + parameter.enumValues().stream()
                .map(JavaSource::code).collect(Collectors.joining(", ")) + ")";
    }
}
