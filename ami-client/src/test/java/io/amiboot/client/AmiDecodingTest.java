package io.amiboot.client;

import static io.amiboot.client.Wire.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmiDecodingTest {

    private static final byte[] CAPTURE = Wire.capture();

    @Test
    void captureDecodesToItsBannerEventsAndResponsesInWireOrder() {
        List<Object> messages = Wire.decode(List.of(CAPTURE));

        assertThat(messages.get(0)).isEqualTo(new AmiBanner("Asterisk Call Manager/11.0.0", "11.0.0"));
        List<Object> rest = messages.subList(1, messages.size());
        assertThat(rest).hasSize(531);
        assertThat(rest.stream().filter(AmiEvent.class::isInstance)).hasSize(503);
        assertThat(rest.stream().filter(AmiResponse.class::isInstance)).hasSize(28);

        // An independent oracle: the capture split on blank lines gives each message's first line, in order.
        String text = new String(CAPTURE, StandardCharsets.UTF_8);
        List<String> firstLines = Arrays.stream(text.substring(text.indexOf("\r\n") + 2).split("\r\n\r\n"))
                .filter(block -> !block.isBlank())
                .map(block -> block.split("\r\n", 2)[0])
                .toList();
        List<String> decodedFirstLines = rest.stream().map(AmiDecodingTest::firstLine).toList();
        assertThat(decodedFirstLines).isEqualTo(firstLines);
    }

    @Test
    void eachReadGoesOnAsOneBatchAndAMessageCutByTheReadEndGoesWithTheNext() {
        EmbeddedChannel channel = Wire.decodingChannel();
        channel.writeInbound(Unpooled.wrappedBuffer(ascii("Asterisk Call Manager/11.0.0\r\n"
                + "Event: One\r\n\r\nResponse: Success\r\nActionID: 7\r\n\r\nEvent: Thr")));
        assertThat(channel.<Object>readInbound()).isInstanceOf(AmiBanner.class);
        InboundBatch first = channel.readInbound();
        assertThat(first.size()).isEqualTo(2);
        assertThat(((AmiEvent) first.get(0)).name()).isEqualTo("One");
        assertThat(((AmiResponse) first.get(1)).actionId()).isEqualTo("7");
        assertThat(channel.<Object>readInbound()).isNull();

        channel.writeInbound(Unpooled.wrappedBuffer(ascii("ee\r\n\r\nbogus line\r\n\r\n")));
        InboundBatch second = channel.readInbound();
        // The frame with neither Event nor Response was dropped from the batch, not passed on as a gap.
        assertThat(second.size()).isEqualTo(1);
        assertThat(((AmiEvent) second.get(0)).name()).isEqualTo("Three");

        channel.writeInbound(Unpooled.wrappedBuffer(ascii("bogus line only\r\n\r\n")));
        assertThat(channel.<Object>readInbound()).as("an empty batch is not passed on").isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void captureKeepsRepeatedKeysEmptyValuesAndCommandOutput() {
        List<Object> messages = Wire.decode(List.of(CAPTURE));
        AmiEvent testEvent = events(messages).stream().filter(e -> e.is("TestEvent")).findFirst().orElseThrow();
        assertThat(testEvent.getAll("State")).hasSize(2);
        assertThat(testEvent.getAll("state")).isEqualTo(testEvent.getAll("STATE"));

        AmiEvent newchannel = events(messages).stream().filter(e -> e.is("Newchannel")).findFirst().orElseThrow();
        assertThat(newchannel.get("AccountCode")).isEmpty();
        assertThat(newchannel.headers().name(0)).isEqualTo("Event");

        AmiEvent originateResponse = events(messages).stream().filter(e -> e.is("OriginateResponse")).findFirst().orElseThrow();
        assertThat(originateResponse.actionId()).startsWith("o");

        List<AmiResponse> responses = messages.stream().filter(AmiResponse.class::isInstance).map(AmiResponse.class::cast).toList();
        AmiResponse command = responses.stream().filter(r -> "c4".equals(r.actionId())).findFirst().orElseThrow();
        assertThat(command.output()).hasSize(2).first().asString().startsWith("System uptime:");
        AmiResponse goodbye = responses.get(responses.size() - 1);
        assertThat(goodbye.type()).isEqualTo("Goodbye");
        assertThat(goodbye.isSuccess()).isTrue();
        assertThat(responses.stream().filter(AmiResponse::isListStart).map(AmiResponse::actionId)).containsExactly("c1", "c2", "c3");
    }

    @Test
    void captureFedOneByteAtATimeDecodesTheSame() {
        List<byte[]> chunks = new ArrayList<>(CAPTURE.length);
        for (byte b : CAPTURE) {
            chunks.add(new byte[] {b});
        }
        assertThat(Wire.decode(chunks)).isEqualTo(Wire.decode(List.of(CAPTURE)));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946})
    void captureFedInRandomChunksDecodesTheSame(long seed) {
        Random random = new Random(seed);
        List<byte[]> chunks = new ArrayList<>();
        int offset = 0;
        while (offset < CAPTURE.length) {
            int size = Math.min(CAPTURE.length - offset, 1 + random.nextInt(random.nextBoolean() ? 16 : 2048));
            chunks.add(Arrays.copyOfRange(CAPTURE, offset, offset + size));
            offset += size;
        }
        assertThat(Wire.decode(chunks)).isEqualTo(Wire.decode(List.of(CAPTURE)));
    }

    @Test
    void bannerMayShareAReadWithTheFirstMessage() {
        List<Object> messages = Wire.decode(List.of(ascii("Asterisk Call Manager/7.0.3\r\nResponse: Success\r\nActionID: 1\r\n\r\n")));
        assertThat(messages).hasSize(2);
        assertThat(((AmiBanner) messages.get(0)).version()).isEqualTo("7.0.3");
        assertThat(((AmiResponse) messages.get(1)).actionId()).isEqualTo("1");
    }

    @Test
    void acceptsKeyWithoutSpaceKeepsEmptyValuesAndBareLfLines() {
        List<Object> messages = Wire.decode(List.of(ascii("Asterisk Call Manager/11.0.0\r\n"
                + "Event:Custom\r\nKey:value\r\nEmpty:\r\nSpaced:  two\r\nno colon here\r\nLf: only\n\r\n")));
        AmiEvent event = (AmiEvent) messages.get(1);
        assertThat(event.name()).isEqualTo("Custom");
        assertThat(event.get("key")).isEqualTo("value");
        assertThat(event.get("Empty")).isEmpty();
        assertThat(event.get("Spaced")).isEqualTo(" two");
        assertThat(event.get("Lf")).isEqualTo("only");
        assertThat(event.get("Missing")).isNull();
        assertThat(event.headers().size()).isEqualTo(5);
        assertThat(event).hasToString("AmiEvent[Event: Custom, Key: value, Empty: , Spaced:  two, Lf: only]");
    }

    @Test
    void skipsBlankLinesBetweenMessages() {
        List<Object> messages = Wire.decode(List.of(ascii("Asterisk Call Manager/11.0.0\r\n\r\n\r\n"
                + "Event: A\r\n\r\n\r\n\n\r\nEvent: B\n\n\r\n")));
        assertThat(messages.subList(1, messages.size())).extracting(m -> ((AmiEvent) m).name()).containsExactly("A", "B");
    }

    @Test
    void decodesLegacyCommandOutputWithBlankAndColonLines() {
        String legacy = "Asterisk Call Manager/1.1\r\n"
                + "Response: Follows\r\nPrivilege: Command\r\nActionID: 7\r\n"
                + "Channel              Location\n\nName: not a header\n2 active channels\n"
                + "--END COMMAND--\r\n\r\n"
                + "Response: Follows\r\nActionID: 8\r\npartial line--END COMMAND--\r\n\r\n"
                + "Response: Follows\r\nActionID: 9\r\n--END COMMAND--\r\n\r\n"
                + "Event: After\r\n\r\n";
        List<Object> messages = Wire.decode(List.of(ascii(legacy)));
        assertThat(messages).hasSize(5);
        AmiResponse first = (AmiResponse) messages.get(1);
        assertThat(first.type()).isEqualTo("Follows");
        assertThat(first.isSuccess()).isTrue();
        assertThat(first.actionId()).isEqualTo("7");
        assertThat(first.get("Privilege")).isEqualTo("Command");
        assertThat(first.get("Name")).isNull();
        assertThat(first.output()).containsExactly("Channel              Location", "", "Name: not a header", "2 active channels");
        assertThat(((AmiResponse) messages.get(2)).output()).containsExactly("partial line");
        assertThat(((AmiResponse) messages.get(3)).output()).isEmpty();
        assertThat(((AmiEvent) messages.get(4)).name()).isEqualTo("After");
    }

    @Test
    void legacyCommandOutputSurvivesAnySplit() {
        byte[] legacy = ascii("Asterisk Call Manager/1.1\r\nResponse: Follows\r\nActionID: 7\r\none\n\ntwo\n--END COMMAND--\r\n\r\nEvent: X\r\n\r\n");
        List<Object> whole = Wire.decode(List.of(legacy));
        for (int cut = 1; cut < legacy.length; cut++) {
            assertThat(Wire.decode(List.of(Arrays.copyOfRange(legacy, 0, cut), Arrays.copyOfRange(legacy, cut, legacy.length))))
                    .as("cut at %d", cut).isEqualTo(whole);
        }
    }

    @Test
    void dropsMessagesWithNeitherEventNorResponse() {
        List<Object> messages = Wire.decode(List.of(ascii("Asterisk Call Manager/11.0.0\r\nFoo: bar\r\n\r\nEvent: Kept\r\n\r\n")));
        assertThat(messages).hasSize(2);
        assertThat(((AmiEvent) messages.get(1)).name()).isEqualTo("Kept");
    }

    @Test
    void refusesAServerThatIsNotAmi() {
        EmbeddedChannel channel = Wire.decodingChannel();
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(ascii("SSH-2.0-OpenSSH_9.2\r\nEvent: X\r\n\r\n"))))
                .isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(AmiProtocolException.class)
                .hasMessageContaining("SSH-2.0-OpenSSH_9.2");
        assertThat(Wire.drain(channel)).isEmpty();
    }

    @Test
    void oversizedLineFailsAndDiscardsTheRest() {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiFrameDecoder(100, 1000), new AmiMessageDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(ascii("Asterisk Call Manager/11.0.0\r\nEvent: Ok\r\n\r\n")));
        assertThat(Wire.drain(channel)).hasSize(2);
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(ascii("Event: Long\r\nValue: " + "x".repeat(150)))))
                .isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(AmiProtocolException.class)
                .hasMessageContaining("line longer than 100 bytes");
        channel.writeInbound(Unpooled.wrappedBuffer(ascii("\r\n\r\nEvent: AfterFailure\r\n\r\n")));
        assertThat(Wire.drain(channel)).isEmpty();
    }

    @Test
    void oversizedLineIsDetectedEvenWhenItsEndArrivesLater() {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiFrameDecoder(100, 1000), new AmiMessageDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(ascii("Asterisk Call Manager/11.0.0\r\nEvent: Long\r\nValue: " + "x".repeat(60))));
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(ascii("x".repeat(60) + "\r\n\r\n"))))
                .hasCauseInstanceOf(AmiProtocolException.class);
    }

    @Test
    void oversizedMessageFails() {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiFrameDecoder(100, 1000), new AmiMessageDecoder());
        StringBuilder message = new StringBuilder("Asterisk Call Manager/11.0.0\r\nEvent: Big\r\n");
        for (int i = 0; i < 100; i++) {
            message.append("Header").append(i).append(": value\r\n");
        }
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(ascii(message.toString()))))
                .hasCauseInstanceOf(AmiProtocolException.class)
                .hasMessageContaining("message larger than 1000 bytes");
    }

    @Test
    void tenThousandHeadersWithinTheLimitsDecode() {
        StringBuilder message = new StringBuilder("Asterisk Call Manager/11.0.0\r\nEvent: Many\r\n");
        for (int i = 0; i < 10_000; i++) {
            message.append("H").append(i).append(": ").append(i).append("\r\n");
        }
        List<Object> messages = Wire.decode(List.of(ascii(message.append("\r\n").toString())));
        AmiEvent event = (AmiEvent) messages.get(1);
        assertThat(event.headers().size()).isEqualTo(10_001);
        assertThat(event.get("H9999")).isEqualTo("9999");
    }

    private static List<AmiEvent> events(List<Object> messages) {
        return messages.stream().filter(AmiEvent.class::isInstance).map(AmiEvent.class::cast).toList();
    }

    private static String firstLine(Object message) {
        AmiHeaders headers = message instanceof AmiEvent event ? event.headers() : ((AmiResponse) message).headers();
        return headers.name(0) + ": " + headers.value(0);
    }
}
