package io.amiboot.client;

import io.amiboot.benchmarks.Capture;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The capture's events as the client decodes them, each header already located (as after its first read). */
public final class CapturedEvents {

    private CapturedEvents() {
    }

    /**
     * Decodes the capture's events with the client's own decoders.
     * @param wanted which events to keep
     * @return the events kept, in wire order
     */
    public static List<AmiEvent> decoded(Predicate<AmiEvent> wanted) {
        AmiFrameDecoder frames = new AmiFrameDecoder(64 * 1024, 4 * 1024 * 1024);
        AmiMessageDecoder messages = new AmiMessageDecoder();
        List<Object> out = new ArrayList<>();
        frames.decode(null, Unpooled.wrappedBuffer("Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII)), out);
        out.clear();
        frames.decode(null, Unpooled.wrappedBuffer(Capture.events()), out);
        InboundBatch batch = (InboundBatch) out.get(0);
        List<AmiEvent> events = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            AmiEvent event = (AmiEvent) messages.decode((AmiFrame) batch.get(i));
            event.headers().size(); // locates every header, so that the benchmarks measure reading only
            if (wanted.test(event)) {
                events.add(event);
            }
        }
        return events;
    }

    /**
     * As {@link #decoded(Predicate)}, checking that as many were kept as a benchmark's operations per invocation say.
     * @param wanted which events to keep
     * @param expected how many the benchmark expects
     * @return the events kept, as an array
     */
    public static AmiEvent[] decoded(Predicate<AmiEvent> wanted, int expected) {
        List<AmiEvent> events = decoded(wanted);
        if (events.size() != expected) {
            throw new IllegalStateException("Expected " + expected + " events of the capture but it has " + events.size());
        }
        return events.toArray(AmiEvent[]::new);
    }
}
