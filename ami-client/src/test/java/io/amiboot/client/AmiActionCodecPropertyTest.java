package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any action whose headers hold no CR or LF is written and read back unchanged. */
class AmiActionCodecPropertyTest {

    @Property(tries = 500)
    void actionsEncodeAndDecodeBackEqual(@ForAll("actions") AmiAction action, @ForAll("actionIds") String actionId) {
        EmbeddedChannel encoder = new EmbeddedChannel(new AmiActionEncoder());
        PendingAction pending = new PendingAction(action, new CompletableFuture<>(), Duration.ofSeconds(1));
        pending.actionId = actionId;
        encoder.writeOutbound(pending);
        ByteBuf bytes = encoder.readOutbound();

        EmbeddedChannel decoder = new EmbeddedChannel(new AmiFrameDecoder(64 * 1024, 4 * 1024 * 1024));
        decoder.writeInbound(Unpooled.wrappedBuffer("Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII)), bytes);
        List<Object> read = Wire.drain(decoder);
        assertThat(read).hasSize(2).first().isInstanceOf(AmiBanner.class);
        AmiFrame frame = (AmiFrame) read.get(1);

        AmiHeaders headers = new AmiHeaders(frame.data());
        List<String> expected = new ArrayList<>(List.of("Action", action.name(), "ActionID", actionId));
        for (int i = 0; i < action.size(); i++) {
            expected.add(action.headerName(i));
            expected.add(action.headerValue(i));
        }
        List<String> decoded = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            decoded.add(headers.name(i));
            decoded.add(headers.value(i));
        }
        assertThat(decoded).isEqualTo(expected);
        encoder.finishAndReleaseAll();
        decoder.finishAndReleaseAll();
    }

    @Provide
    Arbitrary<String> actionIds() {
        return Arbitraries.longs().greaterOrEqual(1).map(id -> Long.toString(id));
    }

    @Provide
    Arbitrary<AmiAction> actions() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('!', '~').excludeChars(':').ofMinLength(1).ofMaxLength(24);
        Arbitrary<String> values = Arbitraries.strings().all().excludeChars('\r', '\n', '\0').ofMaxLength(60)
                .filter(value -> value.chars().noneMatch(c -> Character.isSurrogate((char) c)));
        Arbitrary<String[]> header = Combinators.combine(names, values).as((name, value) -> new String[] {name, value})
                .filter(pair -> !pair[0].equalsIgnoreCase("Action") && !pair[0].equalsIgnoreCase("ActionID"));
        return Combinators.combine(names, header.list().ofMaxSize(20)).as((name, headers) -> {
            AmiAction.Builder builder = AmiAction.builder(name);
            headers.forEach(pair -> builder.header(pair[0], pair[1]));
            return builder.build();
        });
    }
}
