package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    private static PendingAction ping(CompletableFuture<AmiResponse> future) {
        return new PendingAction(AmiAction.of("Ping"), future, Duration.ofSeconds(5));
    }

    @Test
    void writesQueuedActionsInOrderWithOneFlush() {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiActionEncoder(), new ActionCorrelator(Runnable::run, AmiClientObserver.NONE, ActionIds.withPrefix("t"), Long.MAX_VALUE));
        OutboundQueue queue = new OutboundQueue(channel, Runnable::run);
        queue.send(ping(new CompletableFuture<>()));
        queue.send(new PendingAction(AmiAction.of("CoreStatus"), new CompletableFuture<>(), Duration.ofSeconds(5)));
        channel.runPendingTasks();
        ByteBuf first = channel.readOutbound();
        ByteBuf second = channel.readOutbound();
        assertThat(first.toString(StandardCharsets.UTF_8)).startsWith("Action: Ping\r\nActionID: t-1\r\n");
        assertThat(second.toString(StandardCharsets.UTF_8)).startsWith("Action: CoreStatus\r\nActionID: t-2\r\n");
        first.release();
        second.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void anActionThatFindsTheChannelClosedFailsInsteadOfHanging() {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiActionEncoder(), new ActionCorrelator(Runnable::run, AmiClientObserver.NONE, ActionIds.withPrefix("t"), Long.MAX_VALUE));
        OutboundQueue queue = new OutboundQueue(channel, Runnable::run);
        channel.close();
        CompletableFuture<AmiResponse> late = new CompletableFuture<>();
        queue.send(ping(late));
        channel.runPendingTasks();
        assertThat(late).isCompletedExceptionally();
        assertThatThrownBy(late::join).cause().isInstanceOf(AmiConnectionException.class)
                .hasMessageContaining("Action Ping failed: the connection to Asterisk closed before it was sent");
    }

    @Test
    void atMostTheWindowIsUnansweredAndAnswersMakeRoomInOrder() {
        ActionCorrelator correlator = new ActionCorrelator(Runnable::run, AmiClientObserver.NONE, ActionIds.withPrefix("t"), Long.MAX_VALUE);
        EmbeddedChannel channel = new EmbeddedChannel(new AmiFrameDecoder(1024, 65536), new AmiMessageDecoder(),
                new AmiActionEncoder(), correlator);
        OutboundQueue queue = new OutboundQueue(channel, Runnable::run, 2, correlator::inFlight);
        correlator.onSettled(queue::resume);
        channel.writeInbound(Unpooled.copiedBuffer("Asterisk Call Manager/11.0.0\r\n", StandardCharsets.US_ASCII));
        List<CompletableFuture<AmiResponse>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CompletableFuture<AmiResponse> future = new CompletableFuture<>();
            futures.add(future);
            queue.send(ping(future));
        }
        channel.runPendingTasks();
        assertThat(written(channel)).containsExactly("t-1", "t-2");
        channel.writeInbound(Unpooled.copiedBuffer("Response: Success\r\nActionID: t-1\r\nPing: Pong\r\n\r\n",
                StandardCharsets.US_ASCII));
        assertThat(futures.get(0)).isCompleted();
        assertThat(written(channel)).as("one answer, one more written").containsExactly("t-3");
        channel.writeInbound(Unpooled.copiedBuffer("Response: Success\r\nActionID: t-2\r\n\r\nResponse: Success\r\n"
                + "ActionID: t-3\r\n\r\n", StandardCharsets.US_ASCII));
        assertThat(written(channel)).containsExactly("t-4", "t-5");
        assertThat(futures.subList(0, 3)).allMatch(CompletableFuture::isDone);
        assertThat(futures.subList(3, 5)).noneMatch(CompletableFuture::isDone);
        channel.finishAndReleaseAll();
    }

    @Test
    void anActionWaitingForRoomFailsWhenItsTimeoutRunsOut() {
        ActionCorrelator correlator = new ActionCorrelator(Runnable::run, AmiClientObserver.NONE, ActionIds.withPrefix("t"), Long.MAX_VALUE);
        EmbeddedChannel channel = new EmbeddedChannel(new AmiActionEncoder(), correlator);
        OutboundQueue queue = new OutboundQueue(channel, Runnable::run, 1, correlator::inFlight);
        correlator.onSettled(queue::resume);
        channel.freezeTime();
        CompletableFuture<AmiResponse> first = new CompletableFuture<>();
        CompletableFuture<AmiResponse> waiting = new CompletableFuture<>();
        queue.send(onClockOf(channel, AmiAction.of("Ping"), first, Duration.ofSeconds(30)));
        queue.send(onClockOf(channel, AmiAction.of("CoreStatus"), waiting, Duration.ofSeconds(5)));
        channel.runPendingTasks();
        assertThat(written(channel)).containsExactly("t-1");
        advance(channel, Duration.ofSeconds(5).minusNanos(1));
        assertThat(waiting).as("1 ns before its timeout").isNotDone();
        advance(channel, Duration.ofNanos(1));
        assertThat(waiting).isCompletedExceptionally();
        assertThatThrownBy(waiting::join).cause().isInstanceOf(AmiTimeoutException.class)
                .hasMessage("Action CoreStatus was not sent within PT5S: the 1 actions before it stayed unanswered"
                        + " (maxUnansweredActions)");
        assertThat(first).isNotDone();
        assertThat(written(channel)).as("the timed-out action is never written").isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    void waitingActionsExpireByTheirOwnDeadlinesAndTheOthersKeepTheirOrder() {
        ActionCorrelator correlator = new ActionCorrelator(Runnable::run, AmiClientObserver.NONE, ActionIds.withPrefix("t"), Long.MAX_VALUE);
        EmbeddedChannel channel = new EmbeddedChannel(new AmiFrameDecoder(1024, 65536), new AmiMessageDecoder(),
                new AmiActionEncoder(), correlator);
        OutboundQueue queue = new OutboundQueue(channel, Runnable::run, 1, correlator::inFlight);
        correlator.onSettled(queue::resume);
        channel.freezeTime();
        channel.writeInbound(Unpooled.copiedBuffer("Asterisk Call Manager/11.0.0\r\n", StandardCharsets.US_ASCII));
        List<CompletableFuture<AmiResponse>> longOnes = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            queue.send(numberedPing(channel, n, longOnes));
        }
        channel.runPendingTasks();
        assertThat(written(channel)).as("the first fills the window").containsExactly("t-1");
        // Queued once the check for the 30 s deadlines is scheduled: shorter timeouts must still count, each its own.
        List<Duration> timeouts = List.of(Duration.ofSeconds(5), Duration.ofSeconds(7));
        List<CompletableFuture<AmiResponse>> shortOnes = new ArrayList<>();
        for (int n = 3; n < 5; n++) {
            CompletableFuture<AmiResponse> expiring = new CompletableFuture<>();
            shortOnes.add(expiring);
            queue.send(onClockOf(channel, AmiAction.of("CoreStatus"), expiring, timeouts.get(n - 3)));
            queue.send(numberedPing(channel, n, longOnes));
        }
        channel.runPendingTasks();
        advance(channel, Duration.ofSeconds(5).minusNanos(1));
        assertThat(shortOnes).as("1 ns before the first timeout").noneMatch(CompletableFuture::isDone);
        advance(channel, Duration.ofNanos(1));
        assertTimedOutWaiting(shortOnes.get(0), "PT5S");
        advance(channel, Duration.ofSeconds(2).minusNanos(1));
        assertThat(shortOnes.get(1)).as("1 ns before its own, later timeout").isNotDone();
        advance(channel, Duration.ofNanos(1));
        assertTimedOutWaiting(shortOnes.get(1), "PT7S");
        assertThat(longOnes).noneMatch(CompletableFuture::isDone);

        List<String> order = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            channel.writeInbound(Unpooled.copiedBuffer("Response: Success\r\nActionID: t-" + i + "\r\n\r\n",
                    StandardCharsets.US_ASCII));
            order.addAll(writtenHeader(channel, "N"));
        }
        assertThat(order).as("the long ones, written one by one as answers make room").containsExactly("1", "2", "3", "4");
        assertThat(longOnes).allMatch(CompletableFuture::isDone);
        channel.finishAndReleaseAll();
    }

    /** An action whose deadline is on the clock of {@code channel}'s event loop, which the test freezes and advances. */
    private static PendingAction onClockOf(EmbeddedChannel channel, AmiAction action, CompletableFuture<AmiResponse> future,
            Duration timeout) {
        return new PendingAction(action, future, timeout, null, channel.eventLoop().ticker());
    }

    /** Asserts that {@code action} failed, unwritten, for its timeout of {@code timeout} (ISO-8601) that ran out. */
    private static void assertTimedOutWaiting(CompletableFuture<AmiResponse> action, String timeout) {
        assertThat(action).isCompletedExceptionally();
        assertThatThrownBy(action::join).cause().isInstanceOf(AmiTimeoutException.class)
                .hasMessageStartingWith("Action CoreStatus was not sent within " + timeout);
    }

    /** Moves the channel's frozen clock on and runs what became due. */
    private static void advance(EmbeddedChannel channel, Duration by) {
        channel.advanceTimeBy(by.toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
    }

    /** A Ping with header {@code N: n} and a 30 s timeout, its future added to {@code futures}. */
    private static PendingAction numberedPing(EmbeddedChannel channel, int n, List<CompletableFuture<AmiResponse>> futures) {
        CompletableFuture<AmiResponse> future = new CompletableFuture<>();
        futures.add(future);
        return onClockOf(channel, AmiAction.builder("Ping").header("N", Integer.toString(n)).build(), future, Duration.ofSeconds(30));
    }

    /** The values of {@code header} in the actions written since the last call. */
    private static List<String> writtenHeader(EmbeddedChannel channel, String header) {
        List<String> values = new ArrayList<>();
        ByteBuf bytes;
        while ((bytes = channel.readOutbound()) != null) {
            String text = bytes.toString(StandardCharsets.US_ASCII);
            bytes.release();
            int at = text.indexOf(header + ": ") + header.length() + 2;
            values.add(text.substring(at, text.indexOf('\r', at)));
        }
        return values;
    }

    /** The ActionIDs of the actions written since the last call. */
    private static List<String> written(EmbeddedChannel channel) {
        return writtenHeader(channel, "ActionID");
    }
}
