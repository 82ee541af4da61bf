package io.amiboot.autoconfigure.events;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.CapturedEvents;
import io.amiboot.event.ChannelEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

/**
 * The starter's publication alone, without the socket: {@link AmiEventPublisher} publishes each of the capture's
 * 503 events (raw and typed, each when {@link AmiEventInterest} says a listener takes it) into a context whose one
 * {@code @EventListener} takes the raw event (reading nothing) or a {@link ChannelEvent} (reading three fields).
 * Scores are AMI events per second; {@code -prof gc} gives bytes allocated per AMI event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AmiEventPublisherBenchmark {

    /** The capture's events. */
    public static final int EVENTS = 503;

    /** Which listener the context has: on {@code AmiApplicationEvent} or on {@link ChannelEvent}. */
    @Param({"raw", "typed"})
    public String listener;

    private AnnotationConfigApplicationContext context;

    private AmiClient client;

    private AmiEventPublisher publisher;

    private AmiEvent[] events;

    @Setup
    public void setUp() {
        events = CapturedEvents.decoded(event -> true, EVENTS);
        client = AmiClient.create(AmiClientOptions.builder("ami://bench:bench@127.0.0.1:5038").name("bench").build());
        context = new AnnotationConfigApplicationContext(listener.equals("raw") ? RawListener.class : TypedListener.class);
        // As AmiEventsConfiguration makes them; the client is never connected, publish() stands in for its events.
        AmiEventInterest interest = new AmiEventInterest(context);
        interest.onApplicationEvent(new ContextRefreshedEvent(context));
        publisher = new AmiEventPublisher(context, List.of(client), any -> true, interest);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        publisher.close();
        context.close();
        client.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void publish() {
        for (AmiEvent event : events) {
            publisher.publish(client, "bench", event);
        }
    }

    /** A listener on every raw AMI event, reading none of its headers (as the end-to-end raw row). */
    static class RawListener {

        long events;

        @EventListener
        public void on(AmiApplicationEvent event) {
            events++;
        }
    }

    /** A listener on channel events reading three typed fields (as the end-to-end typed row). */
    static class TypedListener {

        long fieldsRead;

        @EventListener
        public void on(ChannelEvent event) {
            fieldsRead += (event.channel() == null ? 0 : 1) + (event.uniqueid() == null ? 0 : 1)
                    + (event.channelStateDesc() == null ? 0 : 1);
        }
    }
}
