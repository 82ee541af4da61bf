package io.amiboot.catalogue.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Java names for Asterisk's: {@code Cause-txt} becomes {@code causeTxt}, {@code AOC-D} becomes {@code AocD}. */
final class JavaNames {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits");

    /**
     * Methods every generated type has already (from {@code Object}, {@code TypedEvent}, {@code ActionRequest}): a
     * header of that name gets a {@code Header} suffix instead.
     */
    private static final Set<String> TAKEN = Set.of("raw", "server", "eventName", "documentedHeaders",
            "undocumentedHeaders", "action", "getClass", "hashCode", "equals", "toString", "notify", "notifyAll", "wait",
            "clone", "finalize", "entryType", "entry");

    private JavaNames() {
    }

    /** A type name: {@code Hangup} stays, {@code AOC-D} becomes {@code AocD}, {@code DAHDIChannel} stays. */
    static String type(String name) {
        StringBuilder type = new StringBuilder();
        for (String part : parts(name)) {
            type.append(capitalize(isUpperCase(part) && part.length() > 1 && name.contains("-") ? part.toLowerCase(Locale.ROOT) : part));
        }
        if (type.length() == 0 || !Character.isJavaIdentifierStart(type.charAt(0))) {
            type.insert(0, 'X');
        }
        return type.toString();
    }

    /** A method or parameter name: {@code CallerIDNum} becomes {@code callerIDNum}, {@code Cause-txt} {@code causeTxt}. */
    static String member(String name) {
        String type = type(name);
        int upper = 0;
        while (upper < type.length() && Character.isUpperCase(type.charAt(upper))) {
            upper++;
        }
        // "URI" -> "uri", "CallerIDNum" -> "callerIDNum", "ACDRating" -> "acdRating"
        String member = upper <= 1 ? Character.toLowerCase(type.charAt(0)) + type.substring(1)
                : upper == type.length() ? type.toLowerCase(Locale.ROOT)
                : type.substring(0, upper - 1).toLowerCase(Locale.ROOT) + type.substring(upper - 1);
        if (KEYWORDS.contains(member) || TAKEN.contains(member)) {
            return member + "Header";
        }
        return member;
    }

    /** An enum constant: {@code Dialing Offhook} becomes {@code DIALING_OFFHOOK}, {@code OffHook} {@code OFF_HOOK}. */
    static String constant(String value) {
        StringBuilder constant = new StringBuilder();
        for (String part : parts(value)) {
            String snake = isUpperCase(part) ? part : part.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
            if (constant.length() > 0) {
                constant.append('_');
            }
            constant.append(snake.toUpperCase(Locale.ROOT));
        }
        if (constant.length() == 0 || !Character.isJavaIdentifierStart(constant.charAt(0))) {
            constant.insert(0, "VALUE_");
        }
        return constant.toString();
    }

    private static List<String> parts(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static boolean isUpperCase(String part) {
        return part.equals(part.toUpperCase(Locale.ROOT));
    }

    private static String capitalize(String part) {
        return Character.toUpperCase(part.charAt(0)) + part.substring(1);
    }
}
