package io.amiboot.autoconfigure.live;

/** One change of the live model; {@link #version()} increases by one per change. */
public sealed interface LiveDelta {

    /** {@return the change's sequence number} */
    long version();

    /** The model was rebuilt (after a (re)connect or dropped events) or cleared (disconnected). */
    record Resynced(long version, LiveSnapshot snapshot) implements LiveDelta {
    }

    /** A call appeared. */
    record CallAdded(long version, LiveCall call) implements LiveDelta {
    }

    /** A call changed. */
    record CallUpdated(long version, LiveCall call) implements LiveDelta {
    }

    /** A call ended. */
    record CallRemoved(long version, String callId) implements LiveDelta {
    }

    /** A queue changed. */
    record QueueUpdated(long version, LiveQueue queue) implements LiveDelta {
    }

    /** An endpoint changed. */
    record EndpointUpdated(long version, LiveEndpoint endpoint) implements LiveDelta {
    }
}
