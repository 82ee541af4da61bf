package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.test.asterisk.Reliability;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.constraints.Size;

/**
 * Property-based and mutation fuzzing of the decoding pipeline ({@link AmiFrameDecoder} then
 * {@link AmiMessageDecoder}): arbitrary bytes, the Asterisk 22 capture with bytes flipped, cut and duplicated,
 * lines of 1 MB and messages of 10,000 headers. Whatever comes in, the only exception that leaves the pipeline is
 * the documented {@link AmiProtocolException} (wrapped by Netty in a {@link DecoderException}) with a clear
 * message; the decoded output is bounded by the limits; after a failure nothing more is decoded.
 */
class AmiDecoderFuzzTest {

    private static final byte[] CAPTURE = Wire.capture();

    private static final byte[] BANNER = Wire.ascii("Asterisk Call Manager/11.0.0\r\n");

    private static final int SMALL_LINE = 256;

    private static final int SMALL_MESSAGE = 2048;

    private static final AtomicLong INPUTS = new AtomicLong();

    private static final AtomicLong BYTES = new AtomicLong();

    private static final AtomicLong MESSAGES = new AtomicLong();

    private static final AtomicLong FAILURES = new AtomicLong();

    @AfterContainer
    static void report() {
        Reliability.row("Decoder fuzzing (jqwik)", "single pipeline, inputs fed in random chunks",
                INPUTS.get() + " inputs, " + BYTES.get() / 1024 + " KiB: random bytes, AMI-token noise, capture with bytes"
                        + " flipped/cut/duplicated/truncated, 1 MB lines, 10,000 headers",
                MESSAGES.get() + " messages decoded, " + FAILURES.get() + " inputs refused with AmiProtocolException,"
                        + " 0 other exceptions",
                "nothing beyond the limits (every decoded message within maxLineLength/maxMessageSize)");
    }

    /** What a pipeline made of some input: the messages, and the failure if there was one. */
    record Outcome(List<Object> messages, AmiProtocolException failure, int bytesFedWhenFailed) {
    }

    @Property(tries = 1000)
    void arbitraryBytesNeverEscapeAsAnythingButAProtocolError(@ForAll @Size(max = 4096) byte[] bytes,
            @ForAll boolean withBanner, @ForAll long chunkSeed) {
        byte[] input = withBanner ? concat(BANNER, bytes) : bytes;
        Outcome outcome = feed(chunks(input, chunkSeed), SMALL_LINE, SMALL_MESSAGE);
        assertBounded(outcome, input.length, SMALL_LINE, SMALL_MESSAGE);
    }

    @Property(tries = 1000)
    void headerLikeNoiseNeverEscapesAsAnythingButAProtocolError(@ForAll("headerNoise") String noise, @ForAll long chunkSeed) {
        // Bytes drawn from the AMI alphabet reach far deeper into the decoders than uniformly random ones.
        byte[] input = concat(BANNER, noise.getBytes(StandardCharsets.ISO_8859_1));
        Outcome outcome = feed(chunks(input, chunkSeed), SMALL_LINE, SMALL_MESSAGE);
        assertBounded(outcome, input.length, SMALL_LINE, SMALL_MESSAGE);
    }

    @Provide
    Arbitrary<String> headerNoise() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("Event: ", "Response: ", "Response: Follows\r\n", "Response: Success\r\n", "ActionID: 1\r\n",
                        "EventList: start\r\n", "EventList: Complete\r\n", "--END COMMAND--", "Output: x\r\n", ":", " ",
                        "\r\n", "\n", "\r", "\r\n\r\n", "\0", "\u00ff", "Key:value"),
                Arbitraries.strings().withChars("abcXYZ:- \r\n\0\u00e9").ofMaxLength(40));
        return token.list().ofMaxSize(300).map(tokens -> String.join("", tokens));
    }

    @Property(tries = 200)
    void theCaptureWithBytesFlippedCutAndDuplicatedNeverEscapes(@ForAll("mutations") List<Mutation> mutations,
            @ForAll long chunkSeed, @ForAll boolean smallLimits) {
        byte[] input = CAPTURE;
        for (Mutation mutation : mutations) {
            input = mutation.apply(input);
        }
        int line = smallLimits ? SMALL_LINE : 64 * 1024;
        int message = smallLimits ? SMALL_MESSAGE : 4 * 1024 * 1024;
        Outcome outcome = feed(chunks(input, chunkSeed), line, message);
        assertBounded(outcome, input.length, line, message);
    }

    /** One change to the capture, at relative positions so that it fits any length. */
    record Mutation(int kind, double at, double to, int value) {

        byte[] apply(byte[] input) {
            if (input.length < 2) {
                return input;
            }
            int from = (int) (at * input.length);
            int until = Math.min(input.length, from + 1 + (int) (to * Math.min(4096, input.length - from)));
            return switch (kind) {
                case 0 -> { // flip one byte
                    byte[] copy = input.clone();
                    copy[from] ^= (byte) value;
                    yield copy;
                }
                case 1 -> concat(Arrays.copyOf(input, from), Arrays.copyOfRange(input, until, input.length)); // cut a range
                case 2 -> concat(Arrays.copyOf(input, until), Arrays.copyOfRange(input, from, input.length)); // duplicate a range
                default -> Arrays.copyOf(input, from); // truncate
            };
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.doubles().between(0, 0.999).ofScale(4),
                Arbitraries.doubles().between(0, 1).ofScale(4),
                Arbitraries.integers().between(1, 255)).as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 20)
    void aLineOfOneMegabyteFailsClearlyOnceItPassesTheLimit(@ForAll @IntRange(min = 512, max = 65_536) int chunkSize,
            @ForAll boolean inAHeaderValue) {
        int limit = 64 * 1024;
        byte[] line = new byte[1024 * 1024];
        Arrays.fill(line, (byte) 'x');
        byte[] head = Wire.ascii(inAHeaderValue ? "Event: Big\r\nValue: " : "Event: Big\r\n");
        byte[] input = concat(concat(BANNER, head), concat(line, Wire.ascii("\r\n\r\nEvent: After\r\n\r\n")));
        List<byte[]> chunks = new ArrayList<>();
        for (int offset = 0; offset < input.length; offset += chunkSize) {
            chunks.add(Arrays.copyOfRange(input, offset, Math.min(input.length, offset + chunkSize)));
        }
        Outcome outcome = feed(chunks, limit, 4 * 1024 * 1024);
        assertThat(outcome.failure()).isNotNull();
        assertThat(outcome.failure()).hasMessage("Asterisk sent a line longer than 65536 bytes; closing the connection"
                + " (limits are set by maxLineLength and maxMessageSize)");
        // Buffered bytes are bounded: the failure comes within one chunk after the line passes the limit.
        assertThat(outcome.bytesFedWhenFailed()).isLessThanOrEqualTo(BANNER.length + head.length + limit + 2 + chunkSize);
        assertThat(outcome.messages()).hasSize(1).first().isInstanceOf(AmiBanner.class);
    }

    @Example
    void tenThousandHeadersBeyondTheMessageLimitFailClearly() {
        StringBuilder message = new StringBuilder("Event: Many\r\n");
        for (int i = 0; i < 10_000; i++) {
            message.append("H").append(i).append(": ").append(i).append("\r\n");
        }
        byte[] input = concat(BANNER, Wire.ascii(message.append("\r\nEvent: After\r\n\r\n").toString()));
        Outcome outcome = feed(chunks(input, 7), 1024, 64 * 1024);
        assertThat(outcome.failure()).hasMessageContaining("a message larger than 65536 bytes");
        assertThat(outcome.messages()).hasSize(1);
        assertBounded(outcome, input.length, 1024, 64 * 1024);
    }

    @Example
    void aFailureIsWrappedInADecoderExceptionAndEverythingAfterItIsDiscarded() {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiFrameDecoder(64, 256), new AmiMessageDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(BANNER));
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(Wire.ascii("Event: X\r\nV: " + "y".repeat(100)))))
                .isInstanceOf(DecoderException.class).cause().isInstanceOf(AmiProtocolException.class);
        for (int i = 0; i < 100; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(Wire.ascii("\r\n\r\nEvent: Later\r\n\r\n")));
        }
        assertThat(Wire.drain(channel)).hasSize(1).first().isInstanceOf(AmiBanner.class);
        channel.finishAndReleaseAll();
    }

    /** Feeds the chunks through a fresh pipeline; fails the property on any exception but the documented one. */
    static Outcome feed(List<byte[]> chunks, int maxLine, int maxMessage) {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiFrameDecoder(maxLine, maxMessage), new AmiMessageDecoder());
        List<Object> messages = new ArrayList<>();
        AmiProtocolException failure = null;
        int fed = 0;
        int fedWhenFailed = -1;
        for (byte[] chunk : chunks) {
            fed += chunk.length;
            try {
                channel.writeInbound(Unpooled.wrappedBuffer(chunk));
            }
            catch (DecoderException ex) {
                assertThat(failure).as("a second failure after the first: %s", ex).isNull();
                assertThat(ex.getCause()).isInstanceOf(AmiProtocolException.class);
                failure = (AmiProtocolException) ex.getCause();
                fedWhenFailed = fed;
            }
            List<Object> decoded = Wire.drain(channel);
            if (failure != null && fedWhenFailed != fed) {
                assertThat(decoded).as("messages decoded after the failure").isEmpty();
            }
            messages.addAll(decoded);
        }
        try {
            channel.finish();
        }
        catch (DecoderException ex) {
            assertThat(failure).as("a failure at close after the first: %s", ex).isNull();
            assertThat(ex.getCause()).isInstanceOf(AmiProtocolException.class);
            failure = (AmiProtocolException) ex.getCause();
        }
        if (failure == null) {
            messages.addAll(Wire.drain(channel));
        }
        channel.finishAndReleaseAll();
        INPUTS.incrementAndGet();
        BYTES.addAndGet(fed);
        MESSAGES.addAndGet(messages.size());
        if (failure != null) {
            FAILURES.incrementAndGet();
        }
        return new Outcome(messages, failure, fedWhenFailed);
    }

    private static void assertBounded(Outcome outcome, int inputLength, int maxLine, int maxMessage) {
        if (outcome.failure() != null) {
            assertThat(outcome.failure().getMessage()).satisfiesAnyOf(
                    message -> assertThat(message).startsWith("Asterisk sent a ").endsWith("(limits are set by maxLineLength and maxMessageSize)"),
                    message -> assertThat(message).startsWith("The server is not an Asterisk Manager Interface: it greeted with '"));
        }
        // The smallest message that is passed on is "Event:" and a blank line: 8 bytes, with bare LFs.
        assertThat(outcome.messages().size()).isLessThanOrEqualTo(1 + inputLength / 8);
        for (int i = 0; i < outcome.messages().size(); i++) {
            Object message = outcome.messages().get(i);
            if (message instanceof AmiBanner banner) {
                assertThat(i).as("the banner comes first, once").isZero();
                assertThat(banner.line().length()).isLessThanOrEqualTo(maxLine);
                continue;
            }
            assertThat(message).isInstanceOfAny(AmiEvent.class, AmiResponse.class);
            AmiHeaders headers = ((AmiMessage) message).headers();
            assertThat(headers.size()).isLessThanOrEqualTo(maxMessage / 2);
            long chars = 0;
            for (int h = 0; h < headers.size(); h++) {
                int line = headers.name(h).length() + headers.value(h).length();
                assertThat(line).isLessThanOrEqualTo(maxLine);
                chars += line;
            }
            assertThat(chars).isLessThanOrEqualTo(maxMessage);
            if (message instanceof AmiResponse response) {
                assertThat(response.output().stream().mapToLong(String::length).sum()).isLessThanOrEqualTo(maxMessage);
            }
        }
    }

    private static List<byte[]> chunks(byte[] input, long seed) {
        Random random = new Random(seed);
        List<byte[]> chunks = new ArrayList<>();
        int offset = 0;
        while (offset < input.length) {
            int size = Math.min(input.length - offset, 1 + random.nextInt(random.nextBoolean() ? 16 : 8192));
            chunks.add(Arrays.copyOfRange(input, offset, offset + size));
            offset += size;
        }
        return chunks;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
