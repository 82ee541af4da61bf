package io.amiboot.client;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The immutable, ordered header block of one AMI message: repeated keys are kept, lookups ignore case.
 *
 * <p>Headers stay as the bytes that came off the socket: where each header lies in them is found on the first
 * lookup (on the thread that reads them, not the event loop), and a name or value becomes a {@link String} only
 * when asked for, which keeps decoding cheap for the many events nobody reads in full.
 */
public final class AmiHeaders implements Iterable<Map.Entry<String, String>> {

    static final AmiHeaders EMPTY = new AmiHeaders(new byte[0], new int[0]);

    /** Initial room for headers when locating them; grown as needed. */
    private static final int TYPICAL_HEADERS = 24;

    /** Per thread, where {@link #locate} notes headers before copying them out at their exact size. */
    private static final ThreadLocal<Located> SCRATCH = ThreadLocal.withInitial(Located::new);

    /** The message bytes; headers point into it. */
    private final byte[] data;

    /**
     * Four ints per header, exactly as many as there are headers: name start, name end, value start, value end
     * (ends exclusive); {@code null} until first needed. Any thread may compute it; all compute the same.
     */
    private volatile int[] bounds;

    /** Headers whose places are already known. */
    AmiHeaders(byte[] data, int[] bounds) {
        this.data = data;
        this.bounds = bounds;
    }

    /** The headers of {@code data}, {@code Name: value} lines each ended by LF or CRLF, located when first read. */
    AmiHeaders(byte[] data) {
        this.data = data;
    }

    /**
     * Where the headers of {@code data} lie: a line's first colon ends its name, one space after it is dropped,
     * empty values are kept, and a line without a colon (or starting with one) is skipped.
     */
    static int[] locate(byte[] data) {
        Located located = SCRATCH.get();
        located.count = 0;
        int length = data.length;
        int lineStart = 0;
        while (lineStart < length) {
            // One line: its line feed and its first colon in one pass, eight bytes at a time (SWAR).
            int colon = -1;
            int lf = -1;
            int i = lineStart;
            for (; i + Long.BYTES <= length; i += Long.BYTES) {
                long word = Swar.word(data, i);
                long lineFeeds = Swar.zeroBytes(word ^ Swar.LINE_FEEDS);
                if (colon < 0) {
                    long colons = Swar.zeroBytes(word ^ Swar.COLONS);
                    // A colon counts only before the line feed of the same word.
                    if (colons != 0 && (lineFeeds == 0 || Swar.byteIndex(colons) < Swar.byteIndex(lineFeeds))) {
                        colon = i + Swar.byteIndex(colons);
                    }
                }
                if (lineFeeds != 0) {
                    lf = i + Swar.byteIndex(lineFeeds);
                    break;
                }
            }
            if (lf < 0) {
                for (; i < length; i++) {
                    byte b = data[i];
                    if (b == '\n') {
                        break;
                    }
                    if (b == ':' && colon < 0) {
                        colon = i;
                    }
                }
                lf = i;
            }
            located.line(data, lineStart, colon, lf);
            lineStart = lf + 1;
        }
        int[] bounds = located.toArray();
        if (located.bounds.length > 4 * 1024) {
            SCRATCH.remove(); // a message with a thousand headers: do not keep its room for ever
        }
        return bounds;
    }

    /** The header lines found so far: {@link #locate}'s, and those of the legacy parser in {@link AmiMessageDecoder}. */
    static final class Located {

        int[] bounds = new int[4 * TYPICAL_HEADERS];

        int count;

        /** Adds the line from {@code start} to the line feed at {@code lf} if it is a header (has a colon after its first byte). */
        void line(byte[] data, int start, int colon, int lf) {
            int lineEnd = lf > start && data[lf - 1] == '\r' ? lf - 1 : lf;
            if (colon <= start || colon >= lineEnd) {
                return;
            }
            if (count * 4 + 4 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[count * 4] = start;
            bounds[count * 4 + 1] = colon;
            bounds[count * 4 + 2] = valueStartAfterColon(data, colon, lineEnd);
            bounds[count * 4 + 3] = lineEnd;
            count++;
        }

        /** The bounds found, four ints per header, at their exact size. */
        int[] toArray() {
            return Arrays.copyOf(bounds, count * 4);
        }
    }

    /** Where the value after the colon at {@code colon} starts: one space after the colon is dropped. */
    static int valueStartAfterColon(byte[] data, int colon, int lineEnd) {
        return colon + 1 < lineEnd && data[colon + 1] == ' ' ? colon + 2 : colon + 1;
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

    private int[] bounds() {
        int[] located = bounds;
        if (located == null) {
            located = locate(data);
            bounds = located;
        }
        return located;
    }

    /**
     * Builds a header block from alternating names and values, e.g. {@code of("Event", "Hangup", "Cause", "16")}.
     */
    public static AmiHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Expected name/value pairs but got " + namesAndValues.length + " strings");
        }
        List<String> names = new ArrayList<>(namesAndValues.length / 2);
        List<String> values = new ArrayList<>(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            names.add(namesAndValues[i]);
            values.add(namesAndValues[i + 1]);
        }
        return of(names, values);
    }

    static AmiHeaders of(List<String> names, List<String> values) {
        byte[][] encodedNames = new byte[names.size()][];
        byte[][] encodedValues = new byte[names.size()][];
        int length = 0;
        for (int i = 0; i < names.size(); i++) {
            encodedNames[i] = names.get(i).getBytes(StandardCharsets.UTF_8);
            encodedValues[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
            length += encodedNames[i].length + encodedValues[i].length;
        }
        byte[] data = new byte[length];
        int[] bounds = new int[names.size() * 4];
        int offset = 0;
        for (int i = 0; i < names.size(); i++) {
            System.arraycopy(encodedNames[i], 0, data, offset, encodedNames[i].length);
            bounds[i * 4] = offset;
            offset += encodedNames[i].length;
            bounds[i * 4 + 1] = offset;
            System.arraycopy(encodedValues[i], 0, data, offset, encodedValues[i].length);
            bounds[i * 4 + 2] = offset;
            offset += encodedValues[i].length;
            bounds[i * 4 + 3] = offset;
        }
        return new AmiHeaders(data, bounds);
    }

    /** The number of headers, repeated keys counted each time. */
    public int size() {
        return bounds().length >> 2;
    }

    /** The name of the header at {@code index}, in wire order. */
    public String name(int index) {
        int[] bounds = checkIndex(index);
        return string(bounds[index * 4], bounds[index * 4 + 1]);
    }

    /** The value of the header at {@code index}, in wire order; empty values stay empty strings. */
    public String value(int index) {
        int[] bounds = checkIndex(index);
        return string(bounds[index * 4 + 2], bounds[index * 4 + 3]);
    }

    /** The value of the first header called {@code name} (ignoring case), or {@code null} if there is none. */
    public String get(String name) {
        int index = indexOf(name, 0);
        return index < 0 ? null : value(index);
    }

    /** Whether a header called {@code name} (ignoring case) is present. */
    public boolean contains(String name) {
        return indexOf(name, 0) >= 0;
    }

    /** Every value of the headers called {@code name} (ignoring case), in wire order. */
    public List<String> getAll(String name) {
        int index = indexOf(name, 0);
        if (index < 0) {
            return Collections.emptyList();
        }
        List<String> values = new ArrayList<>(4);
        while (index >= 0) {
            values.add(value(index));
            index = indexOf(name, index + 1);
        }
        return Collections.unmodifiableList(values);
    }

    /** The bytes these headers take: the message's header lines as read, line ends included. */
    int byteSize() {
        return data.length;
    }

    int nameLength(int index) {
        int[] bounds = bounds();
        return bounds[index * 4 + 1] - bounds[index * 4];
    }

    int valueStart(int index) {
        return bounds()[index * 4 + 2];
    }

    int valueEnd(int index) {
        return bounds()[index * 4 + 3];
    }

    /** The index of the first header called {@code name} (ignoring case) at or after {@code from}, or -1. */
    int indexOf(String name, int from) {
        int[] bounds = bounds();
        int size = bounds.length >> 2;
        int length = name.length();
        for (int i = from; i < size; i++) {
            int start = bounds[i * 4];
            if (bounds[i * 4 + 1] - start == length && regionMatchesIgnoreCase(data, start, name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the value of the header at {@code index} equals the ASCII string {@code text}, ignoring case. */
    boolean valueEqualsIgnoreCase(int index, String text) {
        int[] bounds = bounds();
        int start = bounds[index * 4 + 2];
        return bounds[index * 4 + 3] - start == text.length() && regionMatchesIgnoreCase(data, start, text);
    }

    private static int toLowerAscii(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private String string(int start, int end) {
        return new String(data, start, end - start, StandardCharsets.UTF_8);
    }

    private int[] checkIndex(int index) {
        int[] bounds = bounds();
        if (index < 0 || index >= bounds.length >> 2) {
            throw new IndexOutOfBoundsException("Header index " + index + " out of " + (bounds.length >> 2));
        }
        return bounds;
    }

    /** The headers as an ordered list of name/value entries. */
    public List<Map.Entry<String, String>> toList() {
        List<Map.Entry<String, String>> entries = new ArrayList<>(size());
        for (Map.Entry<String, String> entry : this) {
            entries.add(entry);
        }
        return Collections.unmodifiableList(entries);
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
            private final int size = size();

            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Map.Entry<String, String> next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                int index = next++;
                return new AbstractMap.SimpleImmutableEntry<>(name(index), value(index));
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof AmiHeaders headers)) {
            return false;
        }
        int[] bounds = bounds();
        int[] theirs = headers.bounds();
        if (theirs.length != bounds.length) {
            return false;
        }
        for (int i = 0; i < bounds.length >> 2; i++) {
            if (!Arrays.equals(data, bounds[i * 4], bounds[i * 4 + 1], headers.data, theirs[i * 4], theirs[i * 4 + 1])
                    || !Arrays.equals(data, bounds[i * 4 + 2], bounds[i * 4 + 3], headers.data, theirs[i * 4 + 2], theirs[i * 4 + 3])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int[] bounds = bounds();
        int hash = 1;
        for (int i = 0; i < bounds.length >> 2; i++) {
            for (int part = 0; part < 4; part += 2) {
                for (int j = bounds[i * 4 + part]; j < bounds[i * 4 + part + 1]; j++) {
                    hash = 31 * hash + data[j];
                }
                hash = 31 * hash + ':';
            }
        }
        return hash;
    }

    /** Renders the headers as {@code Name: value} pairs separated by commas, in wire order. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(data.length + size() * 4);
        appendTo(text);
        return text.toString();
    }

    void appendTo(StringBuilder text) {
        int size = size();
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(name(i)).append(": ").append(value(i));
        }
    }
}
