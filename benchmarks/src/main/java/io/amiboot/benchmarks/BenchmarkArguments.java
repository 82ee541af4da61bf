package io.amiboot.benchmarks;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@link Benchmarks}: declared options that take one value each, and {@code --help}. Anything
 * else, an option without its value, or a value that does not fit is refused with a message naming it, before any
 * benchmark runs.
 */
final class BenchmarkArguments {

    /**
     * One option, {@code name value}.
     *
     * @param name the option, with its leading dashes
     * @param value what its value looks like in the usage, e.g. {@code N}
     * @param defaultValue the value when it is not given, or {@code null} for none
     * @param description one line for the usage
     */
    record Option(String name, String value, String defaultValue, String description) {
    }

    /** A command line that cannot be run; its message says what was wrong. */
    static final class UsageException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static final String HELP = "--help";

    private final Map<String, Option> declared;

    private final Map<String, String> given;

    private final boolean help;

    private BenchmarkArguments(Map<String, Option> declared, Map<String, String> given, boolean help) {
        this.declared = declared;
        this.given = given;
        this.help = help;
    }

    /**
     * Reads {@code args} against {@code options}.
     *
     * @throws UsageException for an unknown argument, an option given twice or without its value
     */
    static BenchmarkArguments parse(List<Option> options, String... args) {
        Map<String, Option> declared = new LinkedHashMap<>();
        options.forEach(option -> declared.put(option.name(), option));
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            if (argument.equals(HELP) || argument.equals("-h")) {
                return new BenchmarkArguments(declared, given, true);
            }
            Option option = declared.get(argument);
            if (option == null) {
                throw new UsageException("Unknown argument '" + argument + "'");
            }
            if (i + 1 == args.length || args[i + 1].startsWith("--")) {
                throw new UsageException(argument + " needs a value (" + option.value() + ")");
            }
            if (given.put(argument, args[++i]) != null) {
                throw new UsageException(argument + " is given twice");
            }
        }
        return new BenchmarkArguments(declared, given, false);
    }

    /** Whether {@code --help} was asked for; nothing should run then. */
    boolean help() {
        return help;
    }

    /** The value of {@code name} as given, else its default; {@code null} if it has neither. */
    String text(String name) {
        Option option = declared.get(name);
        if (option == null) {
            throw new IllegalArgumentException("No option " + name + " is declared");
        }
        return given.getOrDefault(name, option.defaultValue());
    }

    /**
     * The value of {@code name} as a whole number above 0.
     *
     * @throws UsageException if it is not one
     */
    int positive(String name) {
        String text = text(name);
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, with the same message as for zero or less
        }
        throw new UsageException(name + " must be a whole number above 0, not '" + text + "'");
    }

    /**
     * The comma-separated value of {@code name}, each one of {@code known}.
     *
     * @throws UsageException for an empty list or a name not known
     */
    Set<String> oneOf(String name, List<String> known) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String part : text(name).split(",", -1)) {
            if (!known.contains(part)) {
                throw new UsageException(name + " names '" + part + "'; choose from " + String.join(", ", known));
            }
            chosen.add(part);
        }
        return chosen;
    }

    /** The usage text: every option with its default, and {@code --help}. */
    static String usage(List<Option> options) {
        StringBuilder out = new StringBuilder("Usage: io.amiboot.benchmarks.Benchmarks [OPTION VALUE]... | --help\n");
        for (Option option : options) {
            String defaultValue = option.defaultValue() == null ? "" : " (default " + option.defaultValue() + ")";
            out.append(String.format(Locale.ROOT, "  %-36s %s%s%n", option.name() + " " + option.value(),
                    option.description(), defaultValue));
        }
        return out.append(String.format(Locale.ROOT, "  %-36s %s%n", HELP, "prints this and runs nothing")).toString();
    }
}
