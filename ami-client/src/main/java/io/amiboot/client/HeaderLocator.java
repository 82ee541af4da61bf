package io.amiboot.client;

import java.util.Arrays;

/**
 * Finds where the headers of one message lie, for {@link AmiHeaders} (on the thread that first reads them, not
 * the event loop) and for the legacy parser in {@link AmiMessageDecoder}: one pass over the bytes, eight at a
 * time, noting each header as {@link AmiWire}'s four ints.
 */
final class HeaderLocator {

    /** Initial room for headers when locating them; grown as needed. */
    private static final int TYPICAL_HEADERS = 24;

    /** Per thread, where {@link #locate} notes headers before copying them out at their exact size. */
    private static final ThreadLocal<Located> SCRATCH = ThreadLocal.withInitial(Located::new);

    private HeaderLocator() {
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
        if (located.bounds.length > AmiWire.INTS_PER_HEADER * 1024) {
            SCRATCH.remove(); // a message with a thousand headers: do not keep its room for ever
        }
        return bounds;
    }

    /** The header lines found so far: {@link #locate}'s, and those of the legacy parser in {@link AmiMessageDecoder}. */
    static final class Located {

        int[] bounds = new int[AmiWire.INTS_PER_HEADER * TYPICAL_HEADERS];

        int count;

        /** Adds the line from {@code start} to the line feed at {@code lf} if it is a header (has a colon after its first byte). */
        void line(byte[] data, int start, int colon, int lf) {
            int lineEnd = lf > start && data[lf - 1] == '\r' ? lf - 1 : lf;
            if (colon <= start || colon >= lineEnd) {
                return;
            }
            if ((count + 1) * AmiWire.INTS_PER_HEADER > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            AmiWire.setHeader(bounds, count, start, colon, AmiWire.valueStartAfterColon(data, colon, lineEnd), lineEnd);
            count++;
        }

        /** The bounds found, four ints per header, at their exact size. */
        int[] toArray() {
            return Arrays.copyOf(bounds, count * AmiWire.INTS_PER_HEADER);
        }
    }
}
