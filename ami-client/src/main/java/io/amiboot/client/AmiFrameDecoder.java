package io.amiboot.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits the byte stream into the banner line (an {@link AmiBanner}) and then one {@link AmiFrame} per AMI
 * message: its lines up to, not including, the blank line that ends it. The frames of one read go on as one
 * {@link InboundBatch}. It looks for line ends only; where the headers lie is found later, by whoever reads them
 * ({@link AmiHeaders}), so the event loop does the least work per byte.
 *
 * <p>Lines may end in CRLF or a bare LF. Blank lines between messages are skipped. A legacy {@code Response: Follows} message (Asterisk
 * before 14) runs to its {@code --END COMMAND--} line instead, since its raw output may contain blank lines;
 * it is passed on as a plain {@code byte[]} for {@link AmiMessageDecoder} to take apart. A line over {@code maxLineLength} or a message over {@code maxMessageSize} bytes
 * fails the connection with an {@link AmiProtocolException}; everything after that is discarded.
 */
final class AmiFrameDecoder extends ByteToMessageDecoder {

    private final int maxLineLength;

    private final int maxMessageSize;

    private boolean bannerRead;

    /** How many bytes of the current message, from the reader index, were already split into lines. */
    private int scanned;

    private boolean legacyCommand;

    /** Where the first line of the current message ends, relative to its first byte. */
    private int firstLineEnd;

    /** The bytes being scanned, and the buffer index of {@code bytes[0]} negated ({@code bytes[i - shift]}). */
    private byte[] bytes;

    private int shift;

    private byte[] scratch = new byte[8192];

    private boolean failed;

    /** The scan of the view: the array index of the next word to read, and where the view ends. */
    private int scanAt;

    private int scanEnd;

    /** The array index of the word read last, and its line feeds not handed out yet (one high bit each). */
    private int word;

    private long lineFeeds;

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
        InboundBatch batch = new InboundBatch();
        try {
            decodeMessages(in, batch);
        }
        finally {
            bytes = null;
            // Also when a limit was hit: the messages before the offending one still go on.
            if (!batch.isEmpty()) {
                out.add(batch);
            }
        }
    }

    private void decodeMessages(ByteBuf in, InboundBatch out) {
        int writerIndex = in.writerIndex();
        int start = in.readerIndex();
        int lineStart = start + scanned;
        view(in, lineStart, writerIndex);
        while (true) {
            int lf = nextLineFeed();
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
                if (lineEnd == lineStart) {
                    // A blank line outside a message: tolerated, as Asterisk and other clients do.
                    start = lf + 1;
                    lineStart = start;
                    in.readerIndex(start);
                    continue;
                }
                legacyCommand = AmiWire.isFollowsLine(bytes, lineStart - shift, lineEnd - shift);
                firstLineEnd = lineEnd - start;
            }
            int frameEnd = -1;
            if (legacyCommand) {
                if (AmiWire.endsWithEndCommand(bytes, lineStart - shift, lineEnd - shift)) {
                    frameEnd = lf + 1;
                }
            }
            else if (lineEnd == lineStart) {
                frameEnd = lineStart;
            }
            if (frameEnd >= 0) {
                byte[] data = new byte[frameEnd - start];
                in.getBytes(start, data);
                out.add(legacyCommand ? data : new AmiFrame(data, firstLineEnd));
                start = lf + 1;
                in.readerIndex(start);
                scanned = 0;
                legacyCommand = false;
            }
            lineStart = lf + 1;
        }
    }

    /**
     * The buffer index of the next line feed in the view, or -1 when there is none before its end. Reads the
     * view eight bytes at a time (SWAR) and hands out every line feed of a word before reading the next one, so
     * each byte is looked at once however short the lines.
     */
    private int nextLineFeed() {
        while (lineFeeds == 0) {
            if (scanAt + Long.BYTES <= scanEnd) {
                word = scanAt;
                lineFeeds = Swar.zeroBytes(Swar.word(bytes, scanAt) ^ Swar.LINE_FEEDS);
                scanAt += Long.BYTES;
            }
            else if (scanAt < scanEnd) {
                if (bytes[scanAt++] == '\n') {
                    return scanAt - 1 + shift;
                }
            }
            else {
                return -1;
            }
        }
        int lf = word + Swar.byteIndex(lineFeeds);
        lineFeeds &= lineFeeds - 1;
        return lf + shift;
    }

    /**
     * Points {@link #bytes} at the buffer's bytes from {@code from} to {@code to}: its own array when it has one,
     * else a copy in {@link #scratch}. Scanning a {@code byte[]} costs far less than a bounds-checked ByteBuf
     * call per line.
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
        scanAt = from - shift;
        scanEnd = to - shift;
        lineFeeds = 0;
    }

    private byte byteAt(int index) {
        return bytes[index - shift];
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

    static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 80));
        for (int i = 0; i < text.length() && i < 80; i++) {
            char c = text.charAt(i);
            out.append(c < ' ' || c == 0x7f ? '?' : c);
        }
        return text.length() > 80 ? out.append("...").toString() : out.toString();
    }
}
