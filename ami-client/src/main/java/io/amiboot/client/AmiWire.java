package io.amiboot.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The rules of the AMI wire format, written once for the frame decoder, the message decoder and
 * {@link AmiHeaders}: the marker lines of a legacy command response, the header names that say what a message
 * is, how a value starts after its colon, the byte comparisons, and the layout of located headers (four ints
 * each). All static and allocation-free: the decoders call them per line on the event loop.
 */
final class AmiWire {

    /** The header that makes a message an event. */
    static final String EVENT = "Event";

    /** The header that makes a message a response. */
    static final String RESPONSE = "Response";

    /** The first line of a legacy (Asterisk before 14) {@code Command} response, whose output may hold blank lines. */
    static final byte[] FOLLOWS_LINE = "Response: Follows".getBytes(StandardCharsets.US_ASCII);

    /** The value of {@link #FOLLOWS_LINE}'s {@code Response} header. */
    static final String FOLLOWS = "Follows";

    /** Where a legacy command response's output ends (alone on its line, or after the last output line). */
    static final byte[] END_COMMAND = "--END COMMAND--".getBytes(StandardCharsets.US_ASCII);

    /** The event Asterisk sends before it stops, whose headers say whether it restarts. */
    static final String SHUTDOWN = "Shutdown";

    /** The event that says Asterisk has loaded all its modules. */
    static final String FULLY_BOOTED = "FullyBooted";

    /** Ints per located header in a bounds array: name start, name end, value start, value end (ends exclusive). */
    static final int INTS_PER_HEADER = 4;

    private AmiWire() {
    }

    /** Whether the line from {@code start} to {@code end} (line end excluded) is exactly {@link #FOLLOWS_LINE}. */
    static boolean isFollowsLine(byte[] data, int start, int end) {
        return end - start == FOLLOWS_LINE.length && Arrays.equals(data, start, end, FOLLOWS_LINE, 0, FOLLOWS_LINE.length);
    }

    /** Whether the line from {@code start} to {@code end} ends with {@link #END_COMMAND}. */
    static boolean endsWithEndCommand(byte[] data, int start, int end) {
        return end - start >= END_COMMAND.length
                && Arrays.equals(data, end - END_COMMAND.length, end, END_COMMAND, 0, END_COMMAND.length);
    }

    /**
     * Whether the message's first line, ending at {@code lineEnd}, is the header {@code name} (ignoring case)
     * with its colon right after the name, as Asterisk writes {@code Event:} and {@code Response:}.
     */
    static boolean firstLineIsHeader(byte[] data, int lineEnd, String name) {
        int colon = name.length();
        return lineEnd > colon && data[colon] == ':' && regionMatchesIgnoreCase(data, 0, name);
    }

    /** Where the value after the colon at {@code colon} starts: one space after the colon is dropped. */
    static int valueStartAfterColon(byte[] data, int colon, int lineEnd) {
        return colon + 1 < lineEnd && data[colon + 1] == ' ' ? colon + 2 : colon + 1;
    }

    /** Whether {@code data} from {@code start} to {@code end} is exactly the ASCII {@code text}, case included. */
    static boolean equalsAscii(byte[] data, int start, int end, String text) {
        if (end - start != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (data[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code data} from {@code start} holds the ASCII {@code text}, ignoring case. */
    static boolean regionMatchesIgnoreCase(byte[] data, int start, String text) {
        for (int i = 0; i < text.length(); i++) {
            int b = data[start + i];
            int c = text.charAt(i);
            if (b != c && toLowerAscii(b) != toLowerAscii(c)) {
                return false;
            }
        }
        return true;
    }

    private static int toLowerAscii(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    // --- located headers: four ints each, see INTS_PER_HEADER --------------------------------------------

    /** How many headers a bounds array holds. */
    static int headerCount(int[] bounds) {
        return bounds.length / INTS_PER_HEADER;
    }

    static int nameStart(int[] bounds, int header) {
        return bounds[header * INTS_PER_HEADER];
    }

    static int nameEnd(int[] bounds, int header) {
        return bounds[header * INTS_PER_HEADER + 1];
    }

    static int valueStart(int[] bounds, int header) {
        return bounds[header * INTS_PER_HEADER + 2];
    }

    static int valueEnd(int[] bounds, int header) {
        return bounds[header * INTS_PER_HEADER + 3];
    }

    /** Records header number {@code header} in {@code bounds}, which must have room for it. */
    static void setHeader(int[] bounds, int header, int nameStart, int nameEnd, int valueStart, int valueEnd) {
        int at = header * INTS_PER_HEADER;
        bounds[at] = nameStart;
        bounds[at + 1] = nameEnd;
        bounds[at + 2] = valueStart;
        bounds[at + 3] = valueEnd;
    }
}
