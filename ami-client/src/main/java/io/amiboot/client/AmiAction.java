package io.amiboot.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable AMI action: a name and headers in the order they will be written (repeated names allowed, e.g.
 * several {@code Variable} headers of an {@code Originate}).
 *
 * <p>Every name and value is checked when the action is built, so a bad one fails where it was written and no
 * byte of it reaches Asterisk: a CR or LF would let a value inject headers (Asterisk splits lines on a bare LF
 * too), a ':' in a name would shift the name/value split, and Asterisk drops lines over
 * {@value #MAX_LINE_LENGTH} bytes and headers past {@value #MAX_HEADERS}. The client owns {@code ActionID}.
 */
public final class AmiAction {

    /** The longest header line, CRLF included, that Asterisk reads whole (its manager input buffer). */
    public static final int MAX_LINE_LENGTH = 1024;

    /** The most headers Asterisk reads from one action, {@code Action} and {@code ActionID} included. */
    public static final int MAX_HEADERS = 128;

    private static final List<String> HIDDEN_VALUES = List.of("Secret", "Key");

    private final String name;

    private final List<String> headerNames;

    private final List<String> headerValues;

    private AmiAction(String name, List<String> headerNames, List<String> headerValues) {
        this.name = name;
        this.headerNames = headerNames;
        this.headerValues = headerValues;
    }

    /**
     * An action without headers, such as {@code Ping} or {@code CoreShowChannels}.
     *
     * @param name the action's name
     * @return the action
     * @throws IllegalArgumentException when the name could not be sent safely
     */
    public static AmiAction of(String name) {
        return builder(name).build();
    }

    /**
     * An action with headers from a map, written in the map's iteration order.
     *
     * @param name the action's name
     * @param headers header names to values; not null, no null value
     * @return the action
     * @throws IllegalArgumentException naming the header whose name or value could not be sent safely
     */
    public static AmiAction of(String name, Map<String, String> headers) {
        Builder builder = builder(name);
        headers.forEach(builder::header);
        return builder.build();
    }

    /**
     * Starts an action, for repeated or optional headers.
     *
     * @param name the action's name
     * @return a builder without headers
     * @throws IllegalArgumentException when the name could not be sent safely
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** {@return the action's name, the value of its {@code Action} header} */
    public String name() {
        return name;
    }

    /** {@return the number of headers besides {@code Action} and {@code ActionID}} */
    public int size() {
        return headerNames.size();
    }

    /**
     * {@return the name of header {@code index}, in the order written}
     *
     * @param index from 0 to {@link #size()} - 1
     * @throws IndexOutOfBoundsException outside that range
     */
    public String headerName(int index) {
        return headerNames.get(index);
    }

    /**
     * {@return the value of header {@code index}, in the order written}
     *
     * @param index from 0 to {@link #size()} - 1
     * @throws IndexOutOfBoundsException outside that range
     */
    public String headerValue(int index) {
        return headerValues.get(index);
    }

    /**
     * {@return the first value of a header, or null when there is none}
     *
     * @param headerName the header's name, compared ignoring case
     */
    public String get(String headerName) {
        for (int i = 0; i < headerNames.size(); i++) {
            if (headerNames.get(i).equalsIgnoreCase(headerName)) {
                return headerValues.get(i);
            }
        }
        return null;
    }

    /** {@return a new builder holding this action's name and headers, to derive a changed copy} */
    public Builder toBuilder() {
        Builder builder = new Builder(name);
        for (int i = 0; i < headerNames.size(); i++) {
            builder.header(headerNames.get(i), headerValues.get(i));
        }
        return builder;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AmiAction action && action.name.equals(name)
                && action.headerNames.equals(headerNames) && action.headerValues.equals(headerValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, headerNames, headerValues);
    }

    /** Renders the action with the values of {@code Secret} and {@code Key} hidden. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(64).append("AmiAction[Action: ").append(name);
        for (int i = 0; i < headerNames.size(); i++) {
            String headerName = headerNames.get(i);
            boolean hidden = HIDDEN_VALUES.stream().anyMatch(headerName::equalsIgnoreCase);
            text.append(", ").append(headerName).append(": ").append(hidden ? "******" : headerValues.get(i));
        }
        return text.append(']').toString();
    }

    /** Collects the headers of an action, checking each as it is added. */
    public static final class Builder {

        private final String name;

        private final List<String> names = new ArrayList<>();

        private final List<String> values = new ArrayList<>();

        private Builder(String name) {
            checkName("Action", name);
            checkValue("Action", name);
            checkLine("Action", name);
            this.name = name;
        }

        /**
         * Appends a header; a repeated name adds another header, it does not replace the first.
         *
         * @param headerName the header's name: not {@code Action} or {@code ActionID}, no colon, space or control
         *        character
         * @param value the header's value: not null, no CR, LF or NUL
         * @return this builder
         * @throws IllegalArgumentException naming the header when its name or value could not be sent safely
         */
        public Builder header(String headerName, String value) {
            Objects.requireNonNull(value, () -> "Header '" + headerName + "' has a null value");
            checkName(headerName, headerName);
            if (headerName.equalsIgnoreCase("Action") || headerName.equalsIgnoreCase("ActionID")) {
                throw new IllegalArgumentException("Header '" + headerName + "' is set by the client, not by the caller");
            }
            checkValue(headerName, value);
            checkLine(headerName, value);
            if (names.size() + 2 >= MAX_HEADERS) {
                throw new IllegalArgumentException("Action " + name + " has more than " + MAX_HEADERS
                        + " headers (Action and ActionID included); Asterisk would ignore the rest");
            }
            names.add(headerName);
            values.add(value);
            return this;
        }

        /**
         * Appends a header when {@code value} is not null; convenient for optional parameters.
         *
         * @param headerName the header's name, checked as by {@link #header(String, String)}
         * @param value the value, written as its {@code toString()}; or null to add nothing
         * @return this builder
         * @throws IllegalArgumentException naming the header when its name or value could not be sent safely
         */
        public Builder headerIfPresent(String headerName, Object value) {
            return value == null ? this : header(headerName, value.toString());
        }

        /** {@return the action with the headers added so far; the builder may go on and build again} */
        public AmiAction build() {
            return new AmiAction(name, Collections.unmodifiableList(new ArrayList<>(names)),
                    Collections.unmodifiableList(new ArrayList<>(values)));
        }

        private static void checkName(String label, String headerName) {
            if (headerName == null || headerName.isEmpty()) {
                throw new IllegalArgumentException("Header name of '" + label + "' is empty");
            }
            for (int i = 0; i < headerName.length(); i++) {
                char c = headerName.charAt(i);
                if (c == ':' || c <= ' ' || c == 0x7f) {
                    throw new IllegalArgumentException("Header name '" + printable(headerName)
                            + "' contains " + describe(c) + ", which AMI header names may not contain");
                }
            }
        }

        private static void checkValue(String headerName, String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' || c == 0) {
                    throw new IllegalArgumentException("Header '" + printable(headerName) + "' contains "
                            + describe(c) + " at index " + i + "; it would end the AMI line and inject headers");
                }
            }
        }

        private static void checkLine(String headerName, String value) {
            int length = headerName.getBytes(StandardCharsets.UTF_8).length + 2
                    + value.getBytes(StandardCharsets.UTF_8).length + 2;
            if (length > MAX_LINE_LENGTH) {
                throw new IllegalArgumentException("Header '" + printable(headerName) + "' makes a line of " + length
                        + " bytes; Asterisk reads at most " + MAX_LINE_LENGTH + " bytes per line");
            }
        }

        private static String describe(char c) {
            return switch (c) {
                case '\r' -> "a carriage return (CR)";
                case '\n' -> "a line feed (LF)";
                case 0 -> "a NUL byte";
                case ':' -> "a colon";
                default -> String.format("the control or space character U+%04X", (int) c);
            };
        }

        private static String printable(String text) {
            StringBuilder out = new StringBuilder(Math.min(text.length(), 64));
            for (int i = 0; i < text.length() && i < 64; i++) {
                char c = text.charAt(i);
                out.append(c < ' ' || c == 0x7f ? '?' : c);
            }
            return text.length() > 64 ? out.append("...").toString() : out.toString();
        }
    }
}
