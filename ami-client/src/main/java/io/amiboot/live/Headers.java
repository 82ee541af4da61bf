package io.amiboot.live;

import io.amiboot.client.AmiEvent;

/** Null-safe reads of AMI event headers. */
final class Headers {

    private Headers() {
    }

    /** The header's value, or empty when absent; Asterisk's {@code <unknown>} also reads as empty. */
    static String text(AmiEvent event, String name) {
        return text(event.get(name));
    }

    /** A header's value with Asterisk's {@code <unknown>} and absence both as {@code ""}. */
    static String text(String value) {
        return value == null || value.equals("<unknown>") ? "" : value;
    }

    /** The header as an int, or {@code fallback} when absent or not a number. */
    static int number(AmiEvent event, String name, int fallback) {
        String value = event.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        }
        catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    /** The header as a boolean ({@code 1}, {@code true}, {@code yes}). */
    static boolean flag(AmiEvent event, String name) {
        String value = text(event, name).trim();
        return value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes");
    }
}
