package io.amiboot.action;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a channel variable set by an {@code Originate} may be, and which names Asterisk itself acts on.
 *
 * <p>Asterisk splits one {@code Variable:} header on commas (honouring parentheses), so a value holding
 * {@code x,TRANSFER_CONTEXT=trunk} would set a second variable; {@link #check} refuses that. Names Asterisk reads or
 * sets ({@link #isReservedByAsterisk}) can move a call to other dialplan, which a caller who may only originate into
 * some contexts must not be able to do; the list is {@code asterisk-channel-variables.txt} beside this class, with
 * where it comes from.
 */
public final class ChannelVariables {

    private static final String RESERVED_RESOURCE = "asterisk-channel-variables.txt";

    /** Families Asterisk reads by prefix or keeps adding to: any name starting with one of them is reserved. */
    private static final List<String> RESERVED_PREFIXES = List.of("AGI", "AST", "BRIDGE", "CDR", "CEL", "DIAL",
            "FORWARD", "GOSUB", "LIMIT_", "LOCAL_", "MACRO", "MEETME", "MIXMONITOR", "MONITOR", "PARK", "PJSIP_",
            "QUEUE", "SIP", "SPY", "SS7_", "MFCR2_", "TOUCH_", "TRANSFER");

    /** {@code ARG1}, {@code ARG2}, …: the arguments of {@code Gosub}. */
    private static final Pattern GOSUB_ARGUMENT = Pattern.compile("ARG[0-9]+");

    private static final Set<String> RESERVED = load();

    private ChannelVariables() {
    }

    /**
     * The name without the {@code _} or {@code __} Asterisk reads as "inherit once" or "inherit always": the name
     * Asterisk looks the variable up by.
     *
     * @param name a variable name, perhaps with an inheritance prefix; not null
     * @return the name without it
     */
    public static String baseName(String name) {
        if (name.startsWith("__")) {
            return name.substring(2);
        }
        return name.startsWith("_") ? name.substring(1) : name;
    }

    /**
     * Whether Asterisk gives the variable a meaning of its own (compared without inheritance prefixes and ignoring
     * case, so that near misses are refused too).
     *
     * @param name a variable name, perhaps with an inheritance prefix; not null
     * @return true for a name in Asterisk's list, a {@code Gosub} argument, or a reserved family's prefix
     */
    public static boolean isReservedByAsterisk(String name) {
        String base = baseName(name).toUpperCase(Locale.ROOT);
        return RESERVED.contains(base) || GOSUB_ARGUMENT.matcher(base).matches()
                || RESERVED_PREFIXES.stream().anyMatch(base::startsWith);
    }

    /**
     * Refuses what would not reach Asterisk as one variable: a name that is empty or holds {@code =}, {@code ,},
     * {@code (} or {@code )} (a function call or a second variable), and a value holding {@code ,}.
     *
     * @param name the variable's name; not null
     * @param value its value; not null
     * @throws IllegalArgumentException naming the variable
     */
    public static void check(String name, String value) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A channel variable needs a name");
        }
        for (char refused : new char[] { '=', ',', '(', ')' }) {
            if (name.indexOf(refused) >= 0) {
                throw new IllegalArgumentException("Variable name '" + name + "' contains '" + refused + "'");
            }
        }
        if (value.indexOf(',') >= 0) {
            throw new IllegalArgumentException("Variable '" + name
                    + "' has a ',' in its value: Asterisk would read what follows as another variable");
        }
    }

    private static Set<String> load() {
        try (InputStream in = ChannelVariables.class.getResourceAsStream(RESERVED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESERVED_RESOURCE + " is missing beside " + ChannelVariables.class);
            }
            Set<String> names = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(names::add);
            return Set.copyOf(names);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
