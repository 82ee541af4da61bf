package io.amiboot.live;

import io.amiboot.client.AmiEvent;
import io.amiboot.client.CapturedEvents;
import io.amiboot.event.ChannelEvent;
import io.amiboot.event.ChannelSnapshot.ChannelStateDesc;
import io.amiboot.event.EventCatalogue;
import io.amiboot.event.HangupEvent;
import io.amiboot.event.NewExtenEvent;
import java.util.Set;
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
 * How the live model reads the channel events it tracks (the capture's 213 {@code Newexten}, {@code Newchannel},
 * {@code Newstate}, {@code NewCallerid}, {@code NewConnectedLine}, {@code BridgeEnter}, {@code BridgeLeave} and
 * {@code Hangup}): {@code Uniqueid}, for all but {@code Hangup} the ten channel headers
 * {@code CallTracker.ChannelState.update} copies, into the strings {@link LiveChannel} holds, and for
 * {@code Newexten} its {@code Application}. Three ways: as {@code CallTracker} did until 2026-12-01 (each header
 * looked up twice, see {@code orKeep}), raw with each header looked up once (as it does since), and through the typed view. Headers are
 * located beforehand, so only the reading differs. Scores are events per second; {@code -prof gc} gives bytes per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LiveModelReadBenchmark {

    /** The capture's events of the kinds {@code CallTracker} copies channel headers from, plus its hangups. */
    public static final int TRACKED_EVENTS = 213;

    private static final Set<String> TRACKED = Set.of("Newexten", "Newchannel", "Newstate", "NewCallerid", "NewConnectedLine",
            "BridgeEnter", "BridgeLeave", "Hangup");

    private AmiEvent[] events;

    /** What {@code CallTracker.ChannelState} keeps of a channel. */
    private final Channel channel = new Channel();

    @Setup
    public void setUp() {
        events = CapturedEvents.decoded(event -> TRACKED.contains(event.name()), TRACKED_EVENTS);
    }

    /** As {@code CallTracker.apply} and {@code ChannelState.update} read today: {@code get}, then {@code Headers.text}. */
    @Benchmark
    @OperationsPerInvocation(TRACKED_EVENTS)
    public void rawLookedUpTwice(Blackhole blackhole) {
        for (AmiEvent event : events) {
            blackhole.consume(event.get("Uniqueid"));
            if (!event.name().equals("Hangup")) {
                channel.linkedId = orKeepLookedUpTwice(event, "Linkedid", channel.linkedId);
                channel.name = orKeepLookedUpTwice(event, "Channel", channel.name);
                channel.state = orKeepLookedUpTwice(event, "ChannelStateDesc", channel.state);
                channel.callerIdNum = orKeepLookedUpTwice(event, "CallerIDNum", channel.callerIdNum);
                channel.callerIdName = orKeepLookedUpTwice(event, "CallerIDName", channel.callerIdName);
                channel.connectedLineNum = orKeepLookedUpTwice(event, "ConnectedLineNum", channel.connectedLineNum);
                channel.connectedLineName = orKeepLookedUpTwice(event, "ConnectedLineName", channel.connectedLineName);
                channel.context = orKeepLookedUpTwice(event, "Context", channel.context);
                channel.exten = orKeepLookedUpTwice(event, "Exten", channel.exten);
                channel.priority = orKeepLookedUpTwice(event, "Priority", channel.priority);
                if (event.name().equals("Newexten")) {
                    channel.application = Headers.text(event, "Application");
                }
            }
        }
        blackhole.consume(channel);
    }

    /** The same, each header looked up once. */
    @Benchmark
    @OperationsPerInvocation(TRACKED_EVENTS)
    public void rawOnce(Blackhole blackhole) {
        for (AmiEvent event : events) {
            blackhole.consume(event.get("Uniqueid"));
            if (!event.name().equals("Hangup")) {
                channel.linkedId = orKeep(event.get("Linkedid"), channel.linkedId);
                channel.name = orKeep(event.get("Channel"), channel.name);
                channel.state = orKeep(event.get("ChannelStateDesc"), channel.state);
                channel.callerIdNum = orKeep(event.get("CallerIDNum"), channel.callerIdNum);
                channel.callerIdName = orKeep(event.get("CallerIDName"), channel.callerIdName);
                channel.connectedLineNum = orKeep(event.get("ConnectedLineNum"), channel.connectedLineNum);
                channel.connectedLineName = orKeep(event.get("ConnectedLineName"), channel.connectedLineName);
                channel.context = orKeep(event.get("Context"), channel.context);
                channel.exten = orKeep(event.get("Exten"), channel.exten);
                channel.priority = orKeep(event.get("Priority"), channel.priority);
                if (event.name().equals("Newexten")) {
                    channel.application = Headers.text(event, "Application");
                }
            }
        }
        blackhole.consume(channel);
    }

    /**
     * Through the typed view: {@link HangupEvent#uniqueid()} and the {@link ChannelEvent} accessors, turned into
     * the strings {@link LiveChannel} holds (the state from its enum, an undocumented one from the raw header; the
     * priority from its number).
     */
    @Benchmark
    @OperationsPerInvocation(TRACKED_EVENTS)
    public void typed(Blackhole blackhole) {
        for (AmiEvent event : events) {
            ChannelEvent typed = (ChannelEvent) EventCatalogue.typed(event, "bench");
            blackhole.consume(typed.uniqueid());
            if (!(typed instanceof HangupEvent)) {
                channel.linkedId = orKeep(typed.linkedid(), channel.linkedId);
                channel.name = orKeep(typed.channel(), channel.name);
                channel.state = state(typed, channel.state);
                channel.callerIdNum = orKeep(typed.callerIDNum(), channel.callerIdNum);
                channel.callerIdName = orKeep(typed.callerIDName(), channel.callerIdName);
                channel.connectedLineNum = orKeep(typed.connectedLineNum(), channel.connectedLineNum);
                channel.connectedLineName = orKeep(typed.connectedLineName(), channel.connectedLineName);
                channel.context = orKeep(typed.context(), channel.context);
                channel.exten = orKeep(typed.exten(), channel.exten);
                Integer priority = typed.priority();
                channel.priority = priority == null ? channel.priority : priority.toString();
                if (typed instanceof NewExtenEvent newExten) {
                    channel.application = orKeep(newExten.application(), "");
                }
            }
        }
        blackhole.consume(channel);
    }

    /** {@code CallTracker.ChannelState.orKeep} as it is: the header is looked up (and made a string) twice. */
    private static String orKeepLookedUpTwice(AmiEvent event, String header, String current) {
        return event.get(header) == null ? current : Headers.text(event, header);
    }

    /** {@code orKeep} on a value read once, with {@code Headers.text}'s rule ({@code <unknown>} reads as empty). */
    private static String orKeep(String value, String current) {
        return value == null ? current : value.equals("<unknown>") ? "" : value;
    }

    private static String state(ChannelEvent typed, String current) {
        ChannelStateDesc state = typed.channelStateDesc();
        if (state == null) {
            return current;
        }
        return state == ChannelStateDesc.UNRECOGNIZED ? typed.raw().get("ChannelStateDesc") : state.wireValue();
    }

    /** The channel headers {@code CallTracker.ChannelState} keeps. */
    static final class Channel {

        String linkedId = "";

        String name = "";

        String state = "";

        String callerIdNum = "";

        String callerIdName = "";

        String connectedLineNum = "";

        String connectedLineName = "";

        String context = "";

        String exten = "";

        String priority = "";

        String application = "";
    }
}
