package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.TestAsterisk;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A burst of events from the real Asterisk (hundreds of originated Local calls) against a listener that sleeps
 * on every event, with a small event buffer: the connection stays up (the socket is read on, so Asterisk does not
 * drop the client), and the drops are counted exactly: events delivered + {@code droppedEvents()} = events the
 * pipeline read, counted by a handler placed right before the client's session handler.
 */
@RealAsterisk
class AmiEventBurstIT {

    private static final int CALLS = 300;

    private static final int BUFFER = 64;

    @ParameterizedTest
    @EnumSource(value = EventOverflowPolicy.class, names = {"DROP_NEWEST", "DROP_OLDEST"})
    void hundredsOfOriginatedCallsAgainstASleepingListenerDropExactlyWhatIsCounted(EventOverflowPolicy policy,
            TestAsterisk asterisk) throws Exception {
        AtomicLong read = new AtomicLong();
        CountingGroup group = new CountingGroup(read);
        AtomicLong delivered = new AtomicLong();
        AtomicLong reportedDrops = new AtomicLong();
        BlockingQueue<AmiConnectionEvent> notices = new LinkedBlockingQueue<>();
        AmiClient client = AmiClient.create(AmiClientResources.builder().eventLoopGroup(group).build(),
                AmiClientOptions.builder(asterisk.amiUrl()).name("burst")
                .eventBufferSize(BUFFER).overflowPolicy(policy)
                .observer(new AmiClientObserver() {
                    @Override
                    public void eventsDropped(long count) {
                        reportedDrops.addAndGet(count);
                    }
                })
                .build());
        try {
            client.addEventListener(event -> {
                delivered.incrementAndGet();
                try {
                    Thread.sleep(1);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            client.addConnectionListener(notices::add);
            client.connect().get(30, TimeUnit.SECONDS);
            long attemptsBefore = client.reconnectAttempts();
            long started = System.nanoTime();

            List<CompletableFuture<AmiResponse>> originates = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                originates.add(client.send(AmiAction.builder("Originate").header("Channel", "Local/100@test")
                        .header("Application", "Wait").header("Data", "30")
                        .header("CallerID", "\"BurstIT\" <" + i + ">").header("Async", "true").build(), Duration.ofSeconds(30)));
            }
            CompletableFuture.allOf(originates.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            // Then a second burst: every call hung up at once.
            client.send(AmiAction.builder("Hangup").header("Channel", "/^Local\\/100@test-.*$/").build(), Duration.ofSeconds(30))
                    .get(30, TimeUnit.SECONDS);
            awaitQuiet(client, read);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

            assertThat(client.state()).isEqualTo(AmiConnectionState.CONNECTED);
            assertThat(client.reconnectAttempts()).isEqualTo(attemptsBefore);
            assertThat(notices).extracting(AmiConnectionEvent::state).doesNotContain(AmiConnectionState.DISCONNECTED);
            assertThat(client.droppedEvents()).as("events dropped by a listener this slow").isPositive();
            assertThat(delivered.get() + client.droppedEvents()).as("delivered + dropped vs read (%d)", read.get())
                    .isEqualTo(read.get());
            assertThat(reportedDrops.get()).as("drops reported to the observer").isEqualTo(client.droppedEvents());
            Reliability.row("Event burst, slow listener, " + policy,
                    CALLS + " Local calls originated then hung up at once (" + read.get() + " events in " + seconds
                            + " s), listener sleeping 1 ms per event, buffer " + BUFFER,
                    "subscriber far slower than Asterisk",
                    "connection stayed up (0 disconnects), " + delivered.get() + " delivered + " + client.droppedEvents()
                            + " dropped = " + read.get() + " read",
                    client.droppedEvents() + " events dropped, exactly as counted by droppedEvents() and the observer");
        }
        finally {
            client.send(AmiAction.builder("Hangup").header("Channel", "/^Local\\/100@test-.*$/").build())
                    .exceptionally(ignored -> null).get(30, TimeUnit.SECONDS);
            client.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Waits until no event was read for a second and the listener has taken everything buffered. */
    private static void awaitQuiet(AmiClient client, AtomicLong read) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = read.get();
            if (now == last && client.bufferedEvents() == 0) {
                return;
            }
            last = now;
            Thread.sleep(1000);
        }
        throw new AssertionError("Events still flowing after 120 s");
    }

    /** An event loop that puts a counter of every event the client's session handler gets in each channel. */
    private static final class CountingGroup extends MultiThreadIoEventLoopGroup {

        private final AtomicLong read;

        CountingGroup(AtomicLong read) {
            super(1, new DefaultThreadFactory("ami-io-burst-counting", true), NioIoHandler.newFactory());
            this.read = read;
        }

        @Override
        public ChannelFuture register(Channel channel) {
            channel.pipeline().addFirst("count-hook", new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRegistered(ChannelHandlerContext ctx) {
                    // The client's initializer ran on registration, before this: its handlers are in place.
                    ctx.pipeline().addBefore("session", "count-events", new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext counter, Object msg) {
                            if (msg instanceof InboundBatch events) {
                                // Past the correlator, a read's batch holds only the events for subscribers.
                                read.addAndGet(events.size());
                            }
                            counter.fireChannelRead(msg);
                        }
                    });
                    ctx.pipeline().remove(this);
                    ctx.fireChannelRegistered();
                }
            });
            return super.register(channel);
        }
    }
}
