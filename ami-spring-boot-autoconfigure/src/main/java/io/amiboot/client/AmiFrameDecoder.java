package io.amiboot.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits the byte stream into the banner line (an {@link AmiBanner}) and then one {@code byte[]} per AMI
 * message: its lines up to, not including, the blank line that ends it.
 *
 * <p>Lines may end in CRLF or a bare LF. Blank lines between messages are skipped. A legacy {@code Response:
 * Follows} message (Asterisk before 14) runs to its {@code --END COMMAND--} line instead, since its raw output
 * may contain blank lines. A line over {@code maxLineLength} or a message over {@code maxMessageSize} bytes
 * fails the connection with an {@link AmiProtocolException}; everything after that is discarded.
 */
final class AmiFrameDecoder extends ByteToMessageDecoder {

    private static final byte[] FOLLOWS = "Response: Follows".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] END_COMMAND = "--END COMMAND--".getBytes(StandardCharsets.US_ASCII);

    private final int maxLineLength;

    private final int maxMessageSize;

    private boolean bannerRead;

    /** How many bytes of the current message, from the reader index, were already split into lines. */
    private int scanned;

    private boolean legacyCommand;

    private boolean failed;

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
        int writerIndex = in.writerIndex();
        int start = in.readerIndex();
        int lineStart = start + scanned;
        while (true) {
            int lf = in.indexOf(lineStart, writerIndex, (byte) '\n');
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
            int lineEnd = lf > lineStart && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
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
                legacyCommand = startsWith(in, lineStart, lineEnd, FOLLOWS);
            }
            int frameEnd = -1;
            if (legacyCommand) {
                if (endsWith(in, lineStart, lineEnd, END_COMMAND)) {
                    frameEnd = lf + 1;
                }
            }
            else if (lineEnd == lineStart) {
                frameEnd = lineStart;
            }
            if (frameEnd >= 0) {
                byte[] frame = new byte[frameEnd - start];
                in.getBytes(start, frame);
                out.add(frame);
                start = lf + 1;
                in.readerIndex(start);
                scanned = 0;
                legacyCommand = false;
            }
            lineStart = lf + 1;
        }
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

    private static boolean startsWith(ByteBuf in, int start, int end, byte[] prefix) {
        if (end - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (in.getByte(start + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(ByteBuf in, int start, int end, byte[] suffix) {
        if (end - start < suffix.length) {
            return false;
        }
        int offset = end - suffix.length;
        for (int i = 0; i < suffix.length; i++) {
            if (in.getByte(offset + i) != suffix[i]) {
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
