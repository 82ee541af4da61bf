package io.amiboot.client;

import io.amiboot.benchmarks.Capture;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The two decoding handlers alone, on the capture's 531 messages per invocation: framing bytes into messages
 * and messages into {@link AmiEvent}/{@link AmiResponse} (what the event loop does), and the same plus locating
 * every header (what the first read of a header adds, off the event loop). Scores are messages per second; run with
 * {@code -prof gc} for bytes allocated per message ({@code gc.alloc.rate.norm}, normalised per operation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecoderBenchmark {

    /** Messages in the capture after its banner. */
    public static final int MESSAGES = 531;

    /** Where the bytes are: {@code direct} is what a socket read gives the client, {@code heap} a Java array. */
    @Param({"direct", "heap"})
    public String buffer;

    private ByteBuf bodyBuffer;

    private AmiFrameDecoder frames;

    private AmiMessageDecoder messages;

    private final List<Object> out = new ArrayList<>(MESSAGES);

    @Setup
    public void setUp() {
        byte[] capture = Capture.bytes();
        int bannerEnd = new String(capture, StandardCharsets.ISO_8859_1).indexOf('\n') + 1;
        byte[] body = java.util.Arrays.copyOfRange(capture, bannerEnd, capture.length);
        bodyBuffer = buffer.equals("direct") ? Unpooled.directBuffer(body.length).writeBytes(body) : Unpooled.wrappedBuffer(body);
        frames = new AmiFrameDecoder(64 * 1024, 4 * 1024 * 1024);
        messages = new AmiMessageDecoder();
        frames.decode(null, Unpooled.wrappedBuffer("Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII)), out);
        out.clear();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void decodeCapture(Blackhole blackhole) {
        InboundBatch batch = frames();
        for (int i = 0; i < batch.size(); i++) {
            blackhole.consume(messages.decode((AmiFrame) batch.get(i)));
        }
    }

    /**
     * As {@link #decodeCapture}, and then where every header lies, as the first read of a header finds it (on
     * the subscriber's thread in the client): the whole decoding cost of a message that is read.
     */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void decodeCaptureAndLocateHeaders(Blackhole blackhole) {
        InboundBatch batch = frames();
        for (int i = 0; i < batch.size(); i++) {
            blackhole.consume(((AmiMessage) messages.decode((AmiFrame) batch.get(i))).headers().size());
        }
    }

    /** The capture's frames, as one read of it gives them. */
    private InboundBatch frames() {
        frames.decode(null, bodyBuffer.readerIndex(0), out);
        InboundBatch batch = (InboundBatch) out.get(0);
        out.clear();
        return batch;
    }
}
