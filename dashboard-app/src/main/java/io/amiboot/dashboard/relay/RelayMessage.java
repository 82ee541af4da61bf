package io.amiboot.dashboard.relay;

import io.amiboot.live.LiveCall;
import io.amiboot.live.LiveEndpoint;
import io.amiboot.live.LiveQueue;
import java.util.List;

/** A JSON message of the WebSocket relay; {@code type} tells them apart. */
public sealed interface RelayMessage {

    /** The message's kind. */
    String type();

    /** The whole (filtered) model; the client replaces what it shows. */
    record Snapshot(String type, long version, boolean connected, List<LiveCall> calls, List<LiveQueue> queues,
            List<LiveEndpoint> endpoints) implements RelayMessage {
    }

    /** A call was added or changed: the client inserts or replaces it. */
    record Call(String type, long version, LiveCall call) implements RelayMessage {
    }

    /** A call ended. */
    record CallRemoved(String type, long version, String callId) implements RelayMessage {
    }

    /** A queue changed. */
    record Queue(String type, long version, LiveQueue queue) implements RelayMessage {
    }

    /** An endpoint changed. */
    record Endpoint(String type, long version, LiveEndpoint endpoint) implements RelayMessage {
    }

    /**
     * A raw AMI event for the event log, already rendered as {@code {"type":"event","event":{headers in wire
     * order}}}: rendered once for every session that shows it.
     */
    record Event(String json) implements RelayMessage {

        @Override
        public String type() {
            return "event";
        }
    }

    /** How much this session's backlog coalesced or dropped so far. */
    record Stats(String type, long coalesced, long droppedEvents) implements RelayMessage {
    }
}
