package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    private static PendingAction ping(CompletableFuture<AmiResponse> future) {
        return new PendingAction(AmiAction.of("Ping"), future, Duration.ofSeconds(5));
    }

    @Test
    void writesQueuedActionsInOrderWithOneFlush() {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiActionEncoder(), new ActionCorrelator(Runnable::run, AmiClientObserver.NONE));
        OutboundQueue queue = new OutboundQueue(channel, Runnable::run);
        queue.send(ping(new CompletableFuture<>()));
        queue.send(new PendingAction(AmiAction.of("CoreStatus"), new CompletableFuture<>(), Duration.ofSeconds(5)));
        channel.runPendingTasks();
        ByteBuf first = channel.readOutbound();
        ByteBuf second = channel.readOutbound();
        assertThat(first.toString(StandardCharsets.UTF_8)).startsWith("Action: Ping\r\nActionID: 1\r\n");
        assertThat(second.toString(StandardCharsets.UTF_8)).startsWith("Action: CoreStatus\r\nActionID: 2\r\n");
        first.release();
        second.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void anActionThatFindsTheChannelClosedFailsInsteadOfHanging() {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiActionEncoder(), new ActionCorrelator(Runnable::run, AmiClientObserver.NONE));
        OutboundQueue queue = new OutboundQueue(channel, Runnable::run);
        channel.close();
        CompletableFuture<AmiResponse> late = new CompletableFuture<>();
        queue.send(ping(late));
        channel.runPendingTasks();
        assertThat(late).isCompletedExceptionally();
        assertThatThrownBy(late::join).cause().isInstanceOf(AmiConnectionException.class)
                .hasMessageContaining("Action Ping failed: the connection to Asterisk closed before it was sent");
    }
}
