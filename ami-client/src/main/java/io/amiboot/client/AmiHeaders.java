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

    /** The message bytes; headers point into it. */
    private final byte[] data;

    /**
     * Where each header lies, as {@link AmiWire}'s four ints per header, exactly as many as there are headers;
     * {@code null} until first needed. Any thread may compute it; all compute the same.
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

    private int[] bounds() {
        int[] located = bounds;
        if (located == null) {
            located = HeaderLocator.locate(data);
            bounds = located;
        }
        return located;
    }

    /**
     * Builds a header block, e.g. {@code of("Event", "Hangup", "Cause", "16")}.
     *
     * @param namesAndValues alternating header names and values, in wire order
     * @return the headers
     * @throws IllegalArgumentException for an odd number of strings
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
        int[] bounds = new int[names.size() * AmiWire.INTS_PER_HEADER];
        int offset = 0;
        for (int i = 0; i < names.size(); i++) {
            System.arraycopy(encodedNames[i], 0, data, offset, encodedNames[i].length);
            int nameStart = offset;
            offset += encodedNames[i].length;
            System.arraycopy(encodedValues[i], 0, data, offset, encodedValues[i].length);
            AmiWire.setHeader(bounds, i, nameStart, offset, offset, offset + encodedValues[i].length);
            offset += encodedValues[i].length;
        }
        return new AmiHeaders(data, bounds);
    }

    /** {@return the number of headers, repeated names counted each time} */
    public int size() {
        return AmiWire.headerCount(bounds());
    }

    /**
     * {@return the name of the header at {@code index}, in wire order}
     * @param index from 0 to {@link #size()} - 1
     * @throws IndexOutOfBoundsException outside that range
     */
    public String name(int index) {
        int[] bounds = checkIndex(index);
        return string(AmiWire.nameStart(bounds, index), AmiWire.nameEnd(bounds, index));
    }

    /**
     * {@return the value of the header at {@code index}, in wire order; an empty value is an empty string}
     * @param index from 0 to {@link #size()} - 1
     * @throws IndexOutOfBoundsException outside that range
     */
    public String value(int index) {
        int[] bounds = checkIndex(index);
        return string(AmiWire.valueStart(bounds, index), AmiWire.valueEnd(bounds, index));
    }

    /**
     * {@return the value of the first header called {@code name}, or null if there is none}
     * @param name the header's name, compared ignoring case
     */
    public String get(String name) {
        int index = indexOf(name, 0);
        return index < 0 ? null : value(index);
    }

    /**
     * {@return whether a header called {@code name} is present}
     * @param name the header's name, compared ignoring case
     */
    public boolean contains(String name) {
        return indexOf(name, 0) >= 0;
    }

    /**
     * {@return every value of the headers called {@code name}, in wire order; empty when there is none}
     * @param name the header's name, compared ignoring case
     */
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

    /** Whether the header at {@code index} is called {@code name}, ignoring case. */
    boolean nameIs(int index, String name) {
        int[] bounds = bounds();
        int start = AmiWire.nameStart(bounds, index);
        return AmiWire.nameEnd(bounds, index) - start == name.length() && AmiWire.regionMatchesIgnoreCase(data, start, name);
    }

    int valueStart(int index) {
        return AmiWire.valueStart(bounds(), index);
    }

    int valueEnd(int index) {
        return AmiWire.valueEnd(bounds(), index);
    }

    /** The index of the first header called {@code name} (ignoring case) at or after {@code from}, or -1. */
    int indexOf(String name, int from) {
        int size = AmiWire.headerCount(bounds());
        for (int i = from; i < size; i++) {
            if (nameIs(i, name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the value of the header at {@code index} equals the ASCII string {@code text}, ignoring case. */
    boolean valueEqualsIgnoreCase(int index, String text) {
        int[] bounds = bounds();
        int start = AmiWire.valueStart(bounds, index);
        return AmiWire.valueEnd(bounds, index) - start == text.length() && AmiWire.regionMatchesIgnoreCase(data, start, text);
    }

    private String string(int start, int end) {
        return new String(data, start, end - start, StandardCharsets.UTF_8);
    }

    private int[] checkIndex(int index) {
        int[] bounds = bounds();
        if (index < 0 || index >= AmiWire.headerCount(bounds)) {
            throw new IndexOutOfBoundsException("Header index " + index + " out of " + AmiWire.headerCount(bounds));
        }
        return bounds;
    }

    /** {@return the headers as an unmodifiable list of name/value entries, in wire order} */
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
        for (int i = 0; i < AmiWire.headerCount(bounds); i++) {
            if (!Arrays.equals(data, AmiWire.nameStart(bounds, i), AmiWire.nameEnd(bounds, i),
                    headers.data, AmiWire.nameStart(theirs, i), AmiWire.nameEnd(theirs, i))
                    || !Arrays.equals(data, AmiWire.valueStart(bounds, i), AmiWire.valueEnd(bounds, i),
                    headers.data, AmiWire.valueStart(theirs, i), AmiWire.valueEnd(theirs, i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int[] bounds = bounds();
        int hash = 1;
        for (int i = 0; i < AmiWire.headerCount(bounds); i++) {
            hash = hash(hash, AmiWire.nameStart(bounds, i), AmiWire.nameEnd(bounds, i));
            hash = hash(hash, AmiWire.valueStart(bounds, i), AmiWire.valueEnd(bounds, i));
        }
        return hash;
    }

    private int hash(int hash, int start, int end) {
        for (int j = start; j < end; j++) {
            hash = 31 * hash + data[j];
        }
        return 31 * hash + ':';
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
