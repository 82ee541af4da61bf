package io.amiboot.benchmarks;

import io.amiboot.event.ChannelEvent;
import io.amiboot.event.EventCatalogue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/** The recorded Asterisk 22 session, and the events of it that the replay peer sends. */
public final class Capture {

    private Capture() {
    }

    /** The byte-exact capture, banner included. */
    public static byte[] bytes() {
        try (InputStream in = Capture.class.getResourceAsStream("/asterisk-22-session.ami")) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Only the event messages of the capture, each with its blank line, in wire order. */
    public static byte[] events() {
        String text = new String(bytes(), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (String block : text.substring(text.indexOf("\r\n") + 2).split("\r\n\r\n")) {
            if (block.startsWith("Event:")) {
                out.writeBytes((block + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads until {@code expected} CRLF CRLF-terminated messages have arrived (or the stream ends), looking at
     * nothing but those four bytes: the least work that still frames AMI.
     * @return the messages read
     */
    public static long readMessages(InputStream in, byte[] buffer, long expected) throws IOException {
        return readMessages(in, buffer, expected, null);
    }

    /** As {@link #readMessages(InputStream, byte[], long)}, telling {@code progress} the count so far after every read. */
    public static long readMessages(InputStream in, byte[] buffer, long expected, LongConsumer progress) throws IOException {
        long messages = 0;
        int tail = 0; // the last bytes seen, packed
        while (messages < expected) {
            int read = in.read(buffer);
            if (read < 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                tail = (tail << 8) | (buffer[i] & 0xff);
                if (tail == 0x0d0a0d0a) {
                    messages++;
                }
            }
            if (progress != null) {
                progress.accept(messages);
            }
        }
        return messages;
    }

    /** How many of the events in {@code events} (as {@link #events()} gives them) are {@link ChannelEvent}s. */
    public static long channelEvents(byte[] events) {
        return Stream.of(new String(events, StandardCharsets.UTF_8).split("\r\n\r\n"))
                .map(block -> EventCatalogue.type(block.substring("Event:".length(), block.indexOf('\r')).strip()))
                .filter(type -> type != null && ChannelEvent.class.isAssignableFrom(type))
                .count();
    }

    /** How many messages (blank-line terminated blocks) {@code bytes} holds. */
    public static int countMessages(byte[] bytes) {
        int count = 0;
        for (int i = 3; i < bytes.length; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                count++;
            }
        }
        return count;
    }
}
