package io.amiboot.dashboard.relay;

import io.amiboot.live.LiveCall;
import io.amiboot.live.LiveConference;
import io.amiboot.live.LiveDelta;
import io.amiboot.live.LiveEndpoint;
import io.amiboot.live.LiveParkedCall;
import io.amiboot.live.LiveQueue;
import java.util.List;

/** A JSON message of the WebSocket relay; {@code type} tells them apart, {@code server} says whose model it is. */
public sealed interface RelayMessage {

    /** {@return the message's kind, the JSON {@code type} the browser switches on} */
    String type();

    /** A message about one server's live model; its version counts that server's changes only. */
    sealed interface OfServer extends RelayMessage {

        /** {@return the name of the server whose model it is about} */
        String server();
    }

    /**
     * The whole (filtered) model of one server; the client replaces what it shows of that server.
     *
     * @param type {@code snapshot}
     * @param server the server's name
     * @param version the live model's version
     * @param connected whether the live model is connected to Asterisk and in sync
     * @param calls the calls the session's filter wants
     * @param queues the queues the session's filter wants
     * @param endpoints the endpoints the session's filter wants
     * @param conferences the conference rooms, if the session's filter wants them
     * @param parkedCalls the parked calls, when the session's filter wants parking
     */
    record Snapshot(String type, String server, long version, boolean connected, List<LiveCall> calls, List<LiveQueue> queues,
            List<LiveEndpoint> endpoints, List<LiveConference> conferences, List<LiveParkedCall> parkedCalls)
            implements OfServer {
    }

    /**
     * A call was added or changed: the client inserts or replaces it.
     *
     * @param type {@code call}
     * @param server the server's name
     * @param version the live model's version after the change
     * @param call the call as it is now
     */
    record Call(String type, String server, long version, LiveCall call) implements OfServer {
    }

    /**
     * A call ended.
     *
     * @param type {@code callRemoved}
     * @param server the server's name
     * @param version the live model's version after the change
     * @param callId the ended call's ID
     */
    record CallRemoved(String type, String server, long version, String callId) implements OfServer {
    }

    /**
     * A queue changed.
     *
     * @param type {@code queue}
     * @param server the server's name
     * @param version the live model's version after the change
     * @param queue the queue as it is now
     */
    record Queue(String type, String server, long version, LiveQueue queue) implements OfServer {
    }

    /**
     * An endpoint changed.
     *
     * @param type {@code endpoint}
     * @param server the server's name
     * @param version the live model's version after the change
     * @param endpoint the endpoint as it is now
     */
    record Endpoint(String type, String server, long version, LiveEndpoint endpoint) implements OfServer {
    }

    /**
     * A conference room started or changed: the client inserts or replaces it.
     *
     * @param type {@code conference}
     * @param server the server's name
     * @param version the live model's version after the change
     * @param conference the room as it is now
     */
    record Conference(String type, String server, long version, LiveConference conference) implements OfServer {
    }

    /**
     * A conference room ended.
     *
     * @param type {@code conferenceEnded}
     * @param server the server's name
     * @param version the live model's version after the change
     * @param name the ended room's name
     */
    record ConferenceEnded(String type, String server, long version, String name) implements OfServer {
    }

    /**
     * A call was parked, or another channel took its space: the client puts it into its lot and space.
     *
     * @param type {@code parkedCall}
     * @param server the server's name
     * @param version the live model's version after the change
     * @param parkedCall the parked call as it is now
     */
    record ParkedCall(String type, String server, long version, LiveParkedCall parkedCall) implements OfServer {
    }

    /**
     * A parked call left its space: the client empties that space.
     *
     * @param type {@code parkedCallRemoved}
     * @param server the server's name
     * @param version the live model's version after the change
     * @param parkedCall the call as it was parked
     * @param outcome why it left: {@code PICKED_UP}, {@code TIMED_OUT} or {@code GAVE_UP}
     */
    record ParkedCallRemoved(String type, String server, long version, LiveParkedCall parkedCall,
            LiveDelta.ParkingOutcome outcome) implements OfServer {
    }

    /**
     * A raw AMI event for the event log, already rendered as {@code {"type":"event","server":name,"event":{headers
     * in wire order}}}: rendered once for every session that shows it.
     *
     * @param json the whole message, as sent
     */
    record Event(String json) implements RelayMessage {

        @Override
        public String type() {
            return "event";
        }
    }

    /**
     * How much this session's backlog coalesced or dropped so far.
     *
     * @param type {@code stats}
     * @param coalesced the pending updates replaced by a later one or by a fresh snapshot since the session opened
     * @param droppedEvents the event-log entries dropped since the session opened
     */
    record Stats(String type, long coalesced, long droppedEvents) implements RelayMessage {
    }
}
