package io.amiboot.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the byte stream into the banner line (an {@link AmiBanner}) and then one {@link AmiFrame} per AMI
 * message: its lines up to, not including, the blank line that ends it, with the offsets of each header's name
 * and value found on the way, so that no later step scans the bytes again.
 *
 * <p>Lines may end in CRLF or a bare LF; one space after the colon is dropped; a line without a colon is
 * skipped. Blank lines between messages are skipped. A legacy {@code Response: Follows} message (Asterisk
 * before 14) runs to its {@code --END COMMAND--} line instead, since its raw output may contain blank lines;
 * it is passed on as a plain {@code byte[]} for {@link AmiMessageDecoder} to take apart. A line over {@code maxLineLength} or a message over {@code maxMessageSize} bytes
 * fails the connection with an {@link AmiProtocolException}; everything after that is discarded.
 */
final class AmiFrameDecoder extends ByteToMessageDecoder {

    /** Reads eight bytes of a {@code byte[]} as one little-endian long, for {@link #lineFeed}. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long LINE_FEEDS = 0x0a0a0a0a0a0a0a0aL;

    private static final long COLONS = 0x3a3a3a3a3a3a3a3aL;

    private static final byte[] FOLLOWS = "Response: Follows".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] END_COMMAND = "--END COMMAND--".getBytes(StandardCharsets.US_ASCII);

    private final int maxLineLength;

    private final int maxMessageSize;

    private boolean bannerRead;

    /** How many bytes of the current message, from the reader index, were already split into lines. */
    private int scanned;

    private boolean legacyCommand;

    /** Header offsets of the current message, relative to its first byte; four per header. */
    private int[] bounds = new int[4 * 32];

    private int headerCount;

    /** The bytes being scanned, and the buffer index of {@code bytes[0]} negated ({@code bytes[i - shift]}). */
    private byte[] bytes;

    private int shift;

    private byte[] scratch = new byte[8192];

    private boolean failed;

    /** The first colon of the line {@link #lineFeed} found last, or -1. */
    private int colon;

    AmiFrameDecoder(int maxLineLength, int maxMessageSize) {
        this.maxLineLength = maxLineLength;
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (!bannerRead && !readBanner(in, out)) {
            return;
        }
        try {
            decodeMessages(in, out);
        }
        finally {
            bytes = null;
        }
    }

    private void decodeMessages(ByteBuf in, List<Object> out) {
        int writerIndex = in.writerIndex();
        int start = in.readerIndex();
        int lineStart = start + scanned;
        view(in, lineStart, writerIndex);
        while (true) {
            int lf = lineFeed(lineStart, writerIndex);
            if (lf < 0) {
                if (writerIndex - lineStart > maxLineLength) {
                    fail(in, "a line longer than " + maxLineLength + " bytes");
                }
                else if (writerIndex - start > maxMessageSize) {
                    fail(in, "a message larger than " + maxMessageSize + " bytes");
                }
                else {
                    scanned = lineStart - start;
                }
                return;
            }
            int lineEnd = lf > lineStart && byteAt(lf - 1) == '\r' ? lf - 1 : lf;
            if (lineEnd - lineStart > maxLineLength) {
                fail(in, "a line longer than " + maxLineLength + " bytes");
                return;
            }
            if (lf + 1 - start > maxMessageSize) {
                fail(in, "a message larger than " + maxMessageSize + " bytes");
                return;
            }
            if (lineStart == start) {
                headerCount = 0;
                if (lineEnd == lineStart) {
                    // A blank line outside a message: tolerated, as Asterisk and other clients do.
                    start = lf + 1;
                    lineStart = start;
                    in.readerIndex(start);
                    continue;
                }
                legacyCommand = startsWith(lineStart, lineEnd, FOLLOWS);
            }
            int frameEnd = -1;
            if (legacyCommand) {
                if (endsWith(lineStart, lineEnd, END_COMMAND)) {
                    frameEnd = lf + 1;
                }
            }
            else if (lineEnd == lineStart) {
                frameEnd = lineStart;
            }
            else {
                addHeader(start, lineStart, lineEnd, colon);
            }
            if (frameEnd >= 0) {
                byte[] data = new byte[frameEnd - start];
                in.getBytes(start, data);
                out.add(legacyCommand ? data : new AmiFrame(data, Arrays.copyOf(bounds, headerCount * 4), headerCount));
                start = lf + 1;
                in.readerIndex(start);
                scanned = 0;
                headerCount = 0;
                legacyCommand = false;
            }
            lineStart = lf + 1;
        }
    }

    /** Records the name and value offsets of a {@code Name: value} line; a line without a colon is skipped. */
    private void addHeader(int messageStart, int lineStart, int lineEnd, int colon) {
        if (colon <= lineStart || colon >= lineEnd) {
            return;
        }
        int valueStart = colon + 1;
        if (valueStart < lineEnd && byteAt(valueStart) == ' ') {
            valueStart++;
        }
        int index = headerCount * 4;
        if (index + 4 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[index] = lineStart - messageStart;
        bounds[index + 1] = colon - messageStart;
        bounds[index + 2] = valueStart - messageStart;
        bounds[index + 3] = lineEnd - messageStart;
        headerCount++;
    }

    /**
     * Points {@link #bytes} at the buffer's bytes from {@code from} to {@code to}: its own array when it has one,
     * else a copy in {@link #scratch}. Scanning a {@code byte[]} costs far less than a bounds-checked ByteBuf
     * call per line and per colon.
     */
    private void view(ByteBuf in, int from, int to) {
        if (in.hasArray()) {
            bytes = in.array();
            shift = -in.arrayOffset();
        }
        else {
            int length = to - from;
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            in.getBytes(from, scratch, 0, length);
            bytes = scratch;
            shift = from;
        }
    }

    private byte byteAt(int index) {
        return bytes[index - shift];
    }

    /**
     * The buffer index of the first line feed in [from, to), or -1, noting the first colon before it in
     * {@link #colon} (-1 if none): one pass over a header line finds both, eight bytes per step (SWAR).
     */
    private int lineFeed(int from, int to) {
        byte[] data = bytes;
        int i = from - shift;
        int end = to - shift;
        int firstColon = -1;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = (long) LONGS.get(data, i);
            long lineFeeds = zeroBytes(word ^ LINE_FEEDS);
            if (firstColon < 0) {
                long colons = zeroBytes(word ^ COLONS);
                // A colon counts only before the line feed of the same word.
                if (colons != 0 && (lineFeeds == 0 || Long.numberOfTrailingZeros(colons) < Long.numberOfTrailingZeros(lineFeeds))) {
                    firstColon = i + (Long.numberOfTrailingZeros(colons) >>> 3);
                }
            }
            if (lineFeeds != 0) {
                colon = firstColon < 0 ? -1 : firstColon + shift;
                return i + (Long.numberOfTrailingZeros(lineFeeds) >>> 3) + shift;
            }
        }
        for (; i < end; i++) {
            byte b = data[i];
            if (b == '\n') {
                colon = firstColon < 0 ? -1 : firstColon + shift;
                return i + shift;
            }
            if (b == ':' && firstColon < 0) {
                firstColon = i;
            }
        }
        return -1;
    }

    /** A high bit in each byte of {@code word} that is zero, and nothing else (exact, no false positives). */
    private static long zeroBytes(long word) {
        return ~((word & 0x7f7f7f7f7f7f7f7fL) + 0x7f7f7f7f7f7f7f7fL | word | 0x7f7f7f7f7f7f7f7fL);
    }

    private boolean readBanner(ByteBuf in, List<Object> out) {
        int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (lf < 0) {
            if (in.readableBytes() > maxLineLength) {
                fail(in, "a first line longer than " + maxLineLength + " bytes instead of the AMI banner");
            }
            return false;
        }
        int lineEnd = lf > in.readerIndex() && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        String line = in.toString(in.readerIndex(), lineEnd - in.readerIndex(), StandardCharsets.UTF_8);
        in.readerIndex(lf + 1);
        if (!line.startsWith(AmiBanner.PREFIX)) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw new AmiProtocolException("The server is not an Asterisk Manager Interface: it greeted with '"
                    + printable(line) + "' instead of '" + AmiBanner.PREFIX + "x.y.z'");
        }
        bannerRead = true;
        out.add(new AmiBanner(line, line.substring(AmiBanner.PREFIX.length()).trim()));
        return true;
    }

    private void fail(ByteBuf in, String what) {
        failed = true;
        in.skipBytes(in.readableBytes());
        throw new AmiProtocolException("Asterisk sent " + what + "; closing the connection (limits are set by"
                + " maxLineLength and maxMessageSize)");
    }

    private boolean startsWith(int start, int end, byte[] prefix) {
        if (end - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (byteAt(start + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean endsWith(int start, int end, byte[] suffix) {
        if (end - start < suffix.length) {
            return false;
        }
        int offset = end - suffix.length;
        for (int i = 0; i < suffix.length; i++) {
            if (byteAt(offset + i) != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 80));
        for (int i = 0; i < text.length() && i < 80; i++) {
            char c = text.charAt(i);
            out.append(c < ' ' || c == 0x7f ? '?' : c);
        }
        return text.length() > 80 ? out.append("...").toString() : out.toString();
    }
}
