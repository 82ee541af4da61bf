package io.amiboot.event;

import io.amiboot.client.AmiEvent;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How the generated events read header values: leniently, so a missing or malformed header is {@code null}. */
final class EventValues {

    private EventValues() {
    }

    static AmiEvent named(AmiEvent raw, String name) {
        if (!raw.is(name)) {
            throw new IllegalArgumentException("A " + raw.name() + " event is no " + name + " event");
        }
        return raw;
    }

    static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    static Long longValue(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    /** Asterisk writes booleans as Yes/No, true/false, 1/0 or on/off, depending on the module. */
    static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "on", "y" -> Boolean.TRUE;
            case "no", "false", "0", "off", "n" -> Boolean.FALSE;
            default -> null;
        };
    }

    static Set<String> headerSet(String... names) {
        return Stream.of(names).map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** From each name in lower case to the name. */
    static Map<String, String> namesIgnoringCase(Set<String> names) {
        return names.stream().collect(Collectors.toUnmodifiableMap(name -> name.toLowerCase(Locale.ROOT), name -> name));
    }
}
