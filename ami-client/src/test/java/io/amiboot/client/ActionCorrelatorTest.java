package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActionCorrelatorTest {

    private final List<String> outcomes = new ArrayList<>();

    private final AmiClientObserver observer = new AmiClientObserver() {
        @Override
        public void actionCompleted(String actionName, long nanos, Outcome outcome) {
            outcomes.add(actionName + ":" + outcome);
        }
    };

    private final EmbeddedChannel channel = new EmbeddedChannel(new AmiActionEncoder(),
            new ActionCorrelator(Runnable::run, observer, ActionIds.withPrefix("t"), Long.MAX_VALUE));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private CompletableFuture<AmiResponse> send(AmiAction action, Duration timeout) {
        CompletableFuture<AmiResponse> future = new CompletableFuture<>();
        channel.writeAndFlush(new PendingAction(action, future, timeout, null, channel.eventLoop().ticker()));
        return future;
    }

    private CompletableFuture<AmiResponse> send(String name) {
        return send(AmiAction.of(name), Duration.ofSeconds(5));
    }

    /** Hands the messages to the correlator as the message decoder does: as the batch of one read. */
    private void receive(AmiMessage... messages) {
        channel.writeInbound(InboundBatch.of((Object[]) messages));
    }

    private String written() {
        ByteBuf buf = channel.readOutbound();
        try {
            return buf.toString(StandardCharsets.UTF_8);
        }
        finally {
            buf.release();
        }
    }

    @Test
    void pipelinedActionsGetIncreasingIdsAfterTheConnectionsPrefixAndCompleteInAnyOrder() {
        CompletableFuture<AmiResponse> first = send("Ping");
        CompletableFuture<AmiResponse> second = send("CoreStatus");
        assertThat(written()).startsWith("Action: Ping\r\nActionID: t-1\r\n");
        assertThat(written()).startsWith("Action: CoreStatus\r\nActionID: t-2\r\n");

        receive(AmiResponse.of("Response", "Success", "ActionID", "t-2", "CoreCurrentCalls", "0"));
        assertThat(first).isNotDone();
        assertThat(second).isCompletedWithValueMatching(r -> "0".equals(r.get("CoreCurrentCalls")));
        receive(AmiResponse.of("Response", "Success", "ActionID", "t-1", "Ping", "Pong"));
        assertThat(first).isCompletedWithValueMatching(r -> "Pong".equals(r.get("Ping")));
        assertThat(outcomes).containsExactly("CoreStatus:SUCCESS", "Ping:SUCCESS");
    }

    @Test
    void errorResponseFailsWithTheWholeResponse() {
        CompletableFuture<AmiResponse> hangup = send(AmiAction.builder("Hangup").header("Channel", "nope").build(), Duration.ofSeconds(5));
        receive(AmiResponse.of("Response", "Error", "ActionID", "t-1", "Message", "No such channel"));
        assertThatThrownBy(hangup::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(AmiActionException.class)
                .hasMessage("Action Hangup failed: No such channel")
                .satisfies(ex -> assertThat(((AmiActionException) ex).response().message()).isEqualTo("No such channel"));
        assertThat(outcomes).containsExactly("Hangup:ERROR");
    }

    @Test
    void goodbyeCompletesLogoffSuccessfully() {
        CompletableFuture<AmiResponse> logoff = send("Logoff");
        receive(AmiResponse.of("Response", "Goodbye", "ActionID", "t-1", "Message", "Thanks for all the fish."));
        assertThat(logoff).isCompletedWithValueMatching(r -> r.type().equals("Goodbye"));
    }

    @Test
    void listActionGathersItsEventsByActionIdAndLetsOthersThrough() {
        CompletableFuture<AmiResponse> channels = send("CoreShowChannels");
        receive(AmiResponse.of("Response", "Success", "ActionID", "t-1", "EventList", "start", "Message", "Channels will follow"));
        assertThat(channels).isNotDone();
        // One read: list entries and unrelated events interleaved, the passed ones keep their order.
        receive(AmiEvent.of("Event", "CoreShowChannel", "ActionID", "t-1", "Channel", "Local/100@test-1;1"),
                AmiEvent.of("Event", "Newchannel", "Channel", "PJSIP/1001-1"),
                AmiEvent.of("Event", "OriginateResponse", "ActionID", "99", "Response", "Success"),
                AmiEvent.of("Event", "CoreShowChannel", "ActionID", "t-1", "Channel", "Local/100@test-1;2"));
        assertThat(channels).isNotDone();
        receive(AmiEvent.of("Event", "CoreShowChannelsComplete", "ActionID", "t-1", "EventList", "Complete", "ListItems", "2"));

        AmiResponse response = channels.join();
        assertThat(response.events()).extracting(e -> e.get("Channel")).containsExactly("Local/100@test-1;1", "Local/100@test-1;2");
        assertThat(response.completion().name()).isEqualTo("CoreShowChannelsComplete");
        assertThat(response.message()).isEqualTo("Channels will follow");
        assertThat(Wire.drain(channel)).extracting(message -> ((AmiEvent) message).name())
                .containsExactly("Newchannel", "OriginateResponse");
    }

    @Test
    void broadcastEventsCarryingTheListsActionIdAreEventsNotEntries() {
        // Another AMI session's Originate or UserEvent may carry the very ActionID of a pending list.
        CompletableFuture<AmiResponse> channels = send("CoreShowChannels");
        receive(AmiResponse.of("Response", "Success", "ActionID", "t-1", "EventList", "start"),
                AmiEvent.of("Event", "CoreShowChannel", "ActionID", "t-1", "Channel", "PJSIP/1001-1"),
                AmiEvent.of("Event", "UserEvent", "Privilege", "user,all", "UserEvent", "Ping", "ActionID", "t-1"),
                AmiEvent.of("Event", "OriginateResponse", "Privilege", "call,all", "ActionID", "t-1", "Response", "Success",
                        "Channel", "Local/200@test-2;1"),
                AmiEvent.of("Event", "userevent", "ActionID", "t-1", "EventList", "Complete"),
                AmiEvent.of("Event", "CoreShowChannel", "ActionID", "t-1", "Channel", "PJSIP/1002-2"));
        assertThat(channels).as("a UserEvent saying EventList: Complete ends no list").isNotDone();
        receive(AmiEvent.of("Event", "CoreShowChannelsComplete", "ActionID", "t-1", "EventList", "Complete", "ListItems", "2"));

        assertThat(channels.join().events()).extracting(e -> e.get("Channel")).containsExactly("PJSIP/1001-1", "PJSIP/1002-2");
        assertThat(Wire.drain(channel)).extracting(message -> ((AmiEvent) message).name())
                .containsExactly("UserEvent", "OriginateResponse", "userevent");
    }

    @Test
    void aListPastItsByteBoundFailsClearlyDropsTheRestAndKeepsTheConnection() {
        AmiEvent entry = AmiEvent.of("Event", "CoreShowChannel", "ActionID", "b-1", "Channel", "PJSIP/1001-00000001");
        EmbeddedChannel bounded = new EmbeddedChannel(new AmiActionEncoder(), new ActionCorrelator(Runnable::run, observer,
                ActionIds.withPrefix("b"), 2L * entry.wireSize()));
        CompletableFuture<AmiResponse> channels = new CompletableFuture<>();
        bounded.writeAndFlush(new PendingAction(AmiAction.of("CoreShowChannels"), channels, Duration.ofSeconds(5)));
        bounded.writeInbound(InboundBatch.of(AmiResponse.of("Response", "Success", "ActionID", "b-1", "EventList", "start"),
                entry, entry));
        assertThat(channels).as("two entries fit exactly").isNotDone();
        bounded.writeInbound(InboundBatch.of(entry, AmiEvent.of("Event", "Newchannel", "Channel", "PJSIP/1003-3"), entry));
        assertThat(channels).isCompletedExceptionally();
        assertThatThrownBy(channels::join).cause().isInstanceOf(AmiListTooLargeException.class)
                .hasMessage("Action CoreShowChannels (ActionID b-1) failed: its list grew past " + 2 * entry.wireSize()
                        + " bytes (maxListBytes) after 2 entries; the rest of the list is dropped");
        bounded.writeInbound(InboundBatch.of(entry,
                AmiEvent.of("Event", "CoreShowChannelsComplete", "ActionID", "b-1", "EventList", "Complete", "ListItems", "5")));
        assertThat(Wire.drain(bounded)).as("the rest of the list is not passed on as events")
                .extracting(message -> ((AmiEvent) message).name()).containsExactly("Newchannel");

        CompletableFuture<AmiResponse> ping = new CompletableFuture<>();
        bounded.writeAndFlush(new PendingAction(AmiAction.of("Ping"), ping, Duration.ofSeconds(5)));
        bounded.writeInbound(InboundBatch.of(AmiResponse.of("Response", "Success", "ActionID", "b-2", "Ping", "Pong")));
        assertThat(ping).isCompletedWithValueMatching(r -> "Pong".equals(r.get("Ping")));
        assertThat(bounded.isActive()).isTrue();
        assertThat(outcomes).containsExactly("CoreShowChannels:ERROR", "Ping:SUCCESS");
        bounded.finishAndReleaseAll();
    }

    @Test
    void listNamesDoNotMatterOnlyActionIdAndEventList() {
        CompletableFuture<AmiResponse> list = send("SomeFutureListAction");
        receive(AmiResponse.of("Response", "Success", "ActionID", "t-1", "EventList", "Start"));
        receive(AmiEvent.of("Event", "Whatever", "ActionID", "t-1"));
        receive(AmiEvent.of("Event", "AllDone", "ActionID", "t-1", "EventList", "complete"));
        assertThat(list.join().events()).hasSize(1);
    }

    @Test
    void timeoutFailsTheFutureAtItsDeadlineNotBeforeAndALateReplyIsDropped() {
        channel.freezeTime();
        CompletableFuture<AmiResponse> ping = send(AmiAction.of("Ping"), Duration.ofSeconds(5));
        channel.advanceTimeBy(Duration.ofSeconds(5).toNanos() - 1, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        assertThat(ping).as("1 ns before its timeout").isNotDone();
        assertThat(outcomes).isEmpty();
        channel.advanceTimeBy(1, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        assertThat(ping).as("at its timeout").isCompletedExceptionally();
        assertThatThrownBy(ping::get).cause().isInstanceOf(AmiTimeoutException.class)
                .hasMessageContaining("Ping (ActionID t-1)").hasMessageContaining("PT5S");
        receive(AmiResponse.of("Response", "Success", "ActionID", "t-1", "Ping", "Pong"));
        assertThat(channel.<Object>readInbound()).isNull();
        assertThat(outcomes).containsExactly("Ping:TIMEOUT");
    }

    @Test
    void disconnectFailsEveryActionInFlightAtOnce() {
        CompletableFuture<AmiResponse> ping = send("Ping");
        CompletableFuture<AmiResponse> list = send("QueueStatus");
        receive(AmiResponse.of("Response", "Success", "ActionID", "t-2", "EventList", "start"));
        channel.close();
        assertThatThrownBy(ping::join).cause().isInstanceOf(AmiConnectionException.class).hasMessageContaining("closed");
        assertThatThrownBy(list::join).cause().isInstanceOf(AmiConnectionException.class);
        assertThat(outcomes).containsExactlyInAnyOrder("Ping:DISCONNECTED", "QueueStatus:DISCONNECTED");
    }

    @Test
    void responseToUnknownActionIsDroppedQuietly() {
        receive(AmiResponse.of("Response", "Success", "ActionID", "12345"));
        assertThat(channel.<Object>readInbound()).isNull();
    }
}
