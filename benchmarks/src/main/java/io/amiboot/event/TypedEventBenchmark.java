package io.amiboot.event;

import io.amiboot.client.AmiEvent;
import io.amiboot.client.CapturedEvents;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading three fields of the capture's 329 channel events, raw ({@code get}) and through the typed view
 * ({@link EventCatalogue#typed} and its accessors); headers are located beforehand, as after a first read, so only
 * the reading differs. Scores are events per second; run with {@code -prof gc} for bytes allocated per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TypedEventBenchmark {

    /** The capture's events that are {@link ChannelEvent}s. */
    public static final int CHANNEL_EVENTS = 329;

    private AmiEvent[] events;

    @Setup
    public void setUp() {
        events = CapturedEvents.decoded(event -> EventCatalogue.typed(event, "bench") instanceof ChannelEvent, CHANNEL_EVENTS);
    }

    /** {@code Channel}, {@code Uniqueid} and {@code ChannelStateDesc} as strings from the raw event. */
    @Benchmark
    @OperationsPerInvocation(CHANNEL_EVENTS)
    public void raw(Blackhole blackhole) {
        for (AmiEvent event : events) {
            blackhole.consume(event.get("Channel"));
            blackhole.consume(event.get("Uniqueid"));
            blackhole.consume(event.get("ChannelStateDesc"));
        }
    }

    /** The same fields through the typed view, {@code ChannelStateDesc} as its enum. */
    @Benchmark
    @OperationsPerInvocation(CHANNEL_EVENTS)
    public void typed(Blackhole blackhole) {
        for (AmiEvent event : events) {
            ChannelEvent typed = (ChannelEvent) EventCatalogue.typed(event, "bench");
            blackhole.consume(typed.channel());
            blackhole.consume(typed.uniqueid());
            blackhole.consume(typed.channelStateDesc());
        }
    }
}
