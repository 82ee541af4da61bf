package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The keepalive on the channel's own clock, frozen and advanced by the test: the exact moments, without waiting. */
class KeepaliveHandlerTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);

    private static final Duration NANO = Duration.ofNanos(1);

    private final List<Throwable> failures = new ArrayList<>();

    private EmbeddedChannel channel;

    @BeforeEach
    void pipeline() {
        // As the client's pipeline: the keepalive sees every read before the correlator, whose Ping timeout it uses.
        channel = new EmbeddedChannel(new AmiActionEncoder(),
                new ActionCorrelator(Runnable::run, AmiClientObserver.NONE, ActionIds.withPrefix("k"), Long.MAX_VALUE),
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        // What the session handler does with a failure: report it and close.
                        failures.add(cause);
                        ctx.close();
                    }
                });
        channel.freezeTime();
        // Added once the clock is frozen, as the client adds it after the login: its silence counts from here.
        channel.pipeline().addFirst("keepalive", new KeepaliveHandler(INTERVAL));
    }

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aSilentPeerGetsAPingAfterOneIntervalAndIsClosedAfterTwo() {
        advance(INTERVAL.minus(NANO));
        assertThat(written()).as("1 ns before the interval of silence is over").isEmpty();
        advance(NANO);
        assertThat(written()).containsExactly("Ping k-1");

        advance(INTERVAL.minus(NANO));
        assertThat(channel.isActive()).as("1 ns before the Ping's timeout").isTrue();
        assertThat(failures).isEmpty();
        advance(NANO);
        assertThat(channel.isActive()).isFalse();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOf(AmiConnectionException.class).hasMessage("No answer from Asterisk to a keepalive Ping within PT30S after PT30S of silence"
                        + " (dead peer or half-open TCP)");
        assertThat(written()).as("one Ping, not one per idle check").isEmpty();
    }

    @Test
    void anAnsweredPingKeepsTheConnectionAndTheNextSilenceCountsFromTheAnswer() {
        advance(INTERVAL);
        assertThat(written()).containsExactly("Ping k-1");
        advance(Duration.ofSeconds(1));
        channel.writeInbound(InboundBatch.of(AmiResponse.of("Response", "Success", "ActionID", "k-1", "Ping", "Pong")));

        advance(INTERVAL.minus(NANO));
        assertThat(written()).as("1 ns before an interval after the answer").isEmpty();
        advance(NANO);
        assertThat(written()).containsExactly("Ping k-2");
        assertThat(channel.isActive()).isTrue();
        assertThat(failures).isEmpty();
    }

    @Test
    void anyMessageFromAsteriskPostponesThePing() {
        advance(Duration.ofSeconds(20));
        channel.writeInbound(InboundBatch.of(AmiEvent.of("Event", "Newchannel", "Channel", "PJSIP/1001-1")));
        advance(INTERVAL.minus(NANO));
        assertThat(written()).as("1 ns before an interval after the event").isEmpty();
        advance(NANO);
        assertThat(written()).containsExactly("Ping k-1");
    }

    /** Moves the channel's frozen clock on and runs what became due, then what that handed to the event loop. */
    private void advance(Duration by) {
        channel.advanceTimeBy(by.toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }

    /** The actions written since the last call, as "name ActionID". */
    private List<String> written() {
        List<String> actions = new ArrayList<>();
        ByteBuf bytes;
        while ((bytes = channel.readOutbound()) != null) {
            String[] lines = bytes.toString(StandardCharsets.US_ASCII).split("\r\n");
            bytes.release();
            actions.add(lines[0].substring("Action: ".length()) + " " + lines[1].substring("ActionID: ".length()));
        }
        return actions;
    }
}
