package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: the recorded Asterisk 22 session, and feeding bytes through the decoding handlers. */
final class Wire {

    private Wire() {
    }

    /** The byte-exact AMI capture of a real Asterisk 22 session (see src/test/resources/fixtures). */
    static byte[] capture() {
        try (InputStream in = Wire.class.getResourceAsStream("/fixtures/asterisk-22-session.ami")) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static EmbeddedChannel decodingChannel() {
        return new EmbeddedChannel(new AmiFrameDecoder(64 * 1024, 4 * 1024 * 1024), new AmiMessageDecoder());
    }

    /** Feeds the chunks, in order, into a fresh decoding pipeline and returns everything it produced. */
    static List<Object> decode(List<byte[]> chunks) {
        EmbeddedChannel channel = decodingChannel();
        for (byte[] chunk : chunks) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        List<Object> messages = drain(channel);
        channel.finishAndReleaseAll();
        return messages;
    }

    /** Everything the channel passed on, one item per message: the batches of each read taken apart. */
    static List<Object> drain(EmbeddedChannel channel) {
        List<Object> messages = new ArrayList<>();
        Object message;
        while ((message = channel.readInbound()) != null) {
            if (message instanceof InboundBatch batch) {
                assertThat(batch.isEmpty()).as("a batch passed on empty").isFalse();
                for (int i = 0; i < batch.size(); i++) {
                    messages.add(batch.get(i));
                }
            }
            else {
                messages.add(message);
            }
        }
        return messages;
    }
}
