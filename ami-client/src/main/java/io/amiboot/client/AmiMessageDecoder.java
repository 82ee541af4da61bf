package io.amiboot.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each message of an {@link InboundBatch} from {@link AmiFrameDecoder} into an {@link AmiEvent} or an
 * {@link AmiResponse}, in place: for an
 * {@link AmiFrame} only its first line is read here (it names the message in all but odd cases), the rest is
 * located when first read (see {@link AmiHeaders}); a raw {@code byte[]} (a legacy {@code Response: Follows})
 * is taken apart here, its output lines kept. Strings are made only when read.
 * {@code Key:value} without a space is accepted, one space after the colon is dropped, empty values are kept,
 * and a line without a colon is skipped. A message with neither an {@code Event} nor a {@code Response}
 * header is logged and dropped.
 */
final class AmiMessageDecoder extends ChannelInboundHandlerAdapter {

    private static final Logger logger = LoggerFactory.getLogger(AmiMessageDecoder.class);

    private final NameCache eventNames = new NameCache();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof InboundBatch batch) {
            boolean dropped = false;
            for (int i = 0; i < batch.size(); i++) {
                Object item = batch.get(i);
                Object message = item instanceof AmiFrame frame ? decode(frame) : decode((byte[]) item);
                batch.set(i, message);
                dropped |= message == null;
            }
            if (dropped) {
                batch.compact();
            }
            if (!batch.isEmpty()) {
                ctx.fireChannelRead(batch);
            }
        }
        else {
            ctx.fireChannelRead(msg);
        }
    }

    /** Decodes a frame from its first line; {@code null} when neither event nor response. */
    Object decode(AmiFrame frame) {
        byte[] data = frame.data();
        AmiHeaders headers = new AmiHeaders(data);
        int lineEnd = frame.firstLineEnd();
        if (AmiWire.firstLineIsHeader(data, lineEnd, AmiWire.EVENT)) {
            return new AmiEvent(eventNames.get(data, AmiWire.valueStartAfterColon(data, AmiWire.EVENT.length(), lineEnd), lineEnd), headers);
        }
        if (AmiWire.firstLineIsHeader(data, lineEnd, AmiWire.RESPONSE)) {
            return new AmiResponse(eventNames.get(data, AmiWire.valueStartAfterColon(data, AmiWire.RESPONSE.length(), lineEnd), lineEnd), headers);
        }
        return toMessage(headers, data, false, null);
    }

    /** Decodes one frame of raw bytes (a legacy command response); {@code null} when neither event nor response. */
    Object decode(byte[] data) {
        Frame frame = parse(data);
        return toMessage(frame.headers(), data, frame.legacyCommand(), frame.legacyOutput());
    }

    /** A frame split into headers, plus the raw output lines of a legacy {@code Response: Follows}. */
    record Frame(AmiHeaders headers, boolean legacyCommand, List<String> legacyOutput) {
    }

    /**
     * Splits a frame into headers (and legacy command output) in one pass; header lines follow the same rules as
     * {@link HeaderLocator#locate}, which also notes them.
     */
    Frame parse(byte[] data) {
        HeaderLocator.Located headers = new HeaderLocator.Located();
        int length = data.length;
        int pos = 0;
        boolean legacyCommand = false;
        List<String> legacyOutput = null;
        while (pos < length) {
            int lf = indexOf(data, (byte) '\n', pos, length);
            int next = lf < 0 ? length : lf + 1;
            int lineEnd = lf < 0 ? length : lf;
            boolean crlf = lineEnd > pos && data[lineEnd - 1] == '\r';
            if (crlf) {
                lineEnd--;
            }
            int colon = indexOf(data, (byte) ':', pos, lineEnd);
            if (legacyCommand && legacyOutput == null && (!crlf || colon <= pos)) {
                // Legacy Command output starts at the first raw (LF-only) line or line without a colon.
                legacyOutput = new ArrayList<>();
            }
            if (legacyOutput != null) {
                if (AmiWire.endsWithEndCommand(data, pos, lineEnd)) {
                    int outputEnd = lineEnd - AmiWire.END_COMMAND.length;
                    if (outputEnd > pos) {
                        legacyOutput.add(new String(data, pos, outputEnd - pos, StandardCharsets.UTF_8));
                    }
                    break;
                }
                legacyOutput.add(new String(data, pos, lineEnd - pos, StandardCharsets.UTF_8));
            }
            else {
                headers.line(data, pos, colon, lf < 0 ? length : lf);
                if (headers.count == 1 && !legacyCommand && isFollowsResponse(data, headers.bounds)) {
                    legacyCommand = true;
                }
            }
            pos = next;
        }
        return new Frame(new AmiHeaders(data, headers.toArray()), legacyCommand, legacyOutput);
    }

    private Object toMessage(AmiHeaders headers, byte[] data, boolean legacyCommand, List<String> legacyOutput) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.nameIs(i, AmiWire.EVENT)) {
                return new AmiEvent(eventNames.get(data, headers.valueStart(i), headers.valueEnd(i)), headers);
            }
            if (headers.nameIs(i, AmiWire.RESPONSE)) {
                String type = eventNames.get(data, headers.valueStart(i), headers.valueEnd(i));
                if (legacyCommand) {
                    return new AmiResponse(type, headers,
                            legacyOutput == null ? List.of() : Collections.unmodifiableList(legacyOutput), List.of(), null);
                }
                return new AmiResponse(type, headers);
            }
        }
        logger.debug("Dropping an AMI message with neither Event nor Response header: {}", headers);
        return null;
    }

    /** Whether the first header located is exactly {@code Response: Follows}, case included. */
    private static boolean isFollowsResponse(byte[] data, int[] bounds) {
        return AmiWire.equalsAscii(data, AmiWire.nameStart(bounds, 0), AmiWire.nameEnd(bounds, 0), AmiWire.RESPONSE)
                && AmiWire.equalsAscii(data, AmiWire.valueStart(bounds, 0), AmiWire.valueEnd(bounds, 0), AmiWire.FOLLOWS);
    }

    private static int indexOf(byte[] data, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Remembers the strings of recent event names and response types, so that the few dozen names Asterisk
     * uses are decoded once instead of once per event. Used by one event loop thread only.
     */
    static final class NameCache {

        private static final int SIZE = 256;

        private final byte[][] keys = new byte[SIZE][];

        private final String[] values = new String[SIZE];

        String get(byte[] data, int start, int end) {
            // Length and three bytes tell Asterisk's names apart well enough for a cache; equality is checked below.
            int length = end - start;
            int hash = length == 0 ? 0 : length * 31 + data[start] * 961 + data[start + length / 2] * 29791 + data[end - 1];
            int slot = (hash ^ (hash >>> 16)) & (SIZE - 1);
            byte[] key = keys[slot];
            if (key != null && Arrays.equals(key, 0, key.length, data, start, end)) {
                return values[slot];
            }
            String value = new String(data, start, end - start, StandardCharsets.UTF_8);
            keys[slot] = Arrays.copyOfRange(data, start, end);
            values[slot] = value;
            return value;
        }
    }
}
