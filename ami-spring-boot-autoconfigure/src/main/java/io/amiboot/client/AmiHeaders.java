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
 * <p>Headers stay as the bytes that came off the socket; a name or value becomes a {@link String} only when
 * asked for, which keeps decoding cheap for the many events nobody reads in full.
 */
public final class AmiHeaders implements Iterable<Map.Entry<String, String>> {

    static final AmiHeaders EMPTY = new AmiHeaders(new byte[0], new int[0], 0);

    /** The message bytes; headers point into it. */
    private final byte[] data;

    /** Four ints per header: name start, name end, value start, value end (ends exclusive). */
    private final int[] bounds;

    private final int size;

    AmiHeaders(byte[] data, int[] bounds, int size) {
        this.data = data;
        this.bounds = bounds;
        this.size = size;
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
        return new AmiHeaders(data, bounds, names.size());
    }

    /** The number of headers, repeated keys counted each time. */
    public int size() {
        return size;
    }

    /** The name of the header at {@code index}, in wire order. */
    public String name(int index) {
        checkIndex(index);
        return string(bounds[index * 4], bounds[index * 4 + 1]);
    }

    /** The value of the header at {@code index}, in wire order; empty values stay empty strings. */
    public String value(int index) {
        checkIndex(index);
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

    int nameLength(int index) {
        return bounds[index * 4 + 1] - bounds[index * 4];
    }

    int valueStart(int index) {
        return bounds[index * 4 + 2];
    }

    int valueEnd(int index) {
        return bounds[index * 4 + 3];
    }

    /** The index of the first header called {@code name} (ignoring case) at or after {@code from}, or -1. */
    int indexOf(String name, int from) {
        int length = name.length();
        for (int i = from; i < size; i++) {
            int start = bounds[i * 4];
            if (bounds[i * 4 + 1] - start == length && equalsIgnoreAsciiCase(start, name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the value of the header at {@code index} equals the ASCII string {@code text}, ignoring case. */
    boolean valueEqualsIgnoreCase(int index, String text) {
        int start = bounds[index * 4 + 2];
        return bounds[index * 4 + 3] - start == text.length() && equalsIgnoreAsciiCase(start, text);
    }

    private boolean equalsIgnoreAsciiCase(int start, String text) {
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

    private String string(int start, int end) {
        return new String(data, start, end - start, StandardCharsets.UTF_8);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Header index " + index + " out of " + size);
        }
    }

    /** The headers as an ordered list of name/value entries. */
    public List<Map.Entry<String, String>> toList() {
        List<Map.Entry<String, String>> entries = new ArrayList<>(size);
        for (Map.Entry<String, String> entry : this) {
            entries.add(entry);
        }
        return Collections.unmodifiableList(entries);
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
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
        if (!(other instanceof AmiHeaders headers) || headers.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!Arrays.equals(data, bounds[i * 4], bounds[i * 4 + 1], headers.data, headers.bounds[i * 4], headers.bounds[i * 4 + 1])
                    || !Arrays.equals(data, bounds[i * 4 + 2], bounds[i * 4 + 3], headers.data, headers.bounds[i * 4 + 2], headers.bounds[i * 4 + 3])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < size; i++) {
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
        StringBuilder text = new StringBuilder(data.length + size * 4);
        appendTo(text);
        return text.toString();
    }

    void appendTo(StringBuilder text) {
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(name(i)).append(": ").append(value(i));
        }
    }
}
