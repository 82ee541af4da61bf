package io.amiboot.live;

/** One change of the live model; {@link #version()} increases by one per change. */
public sealed interface LiveDelta {

    /** {@return the change's sequence number} */
    long version();

    /** Calls the visitor's method for this kind of change. */
    void accept(Visitor visitor);

    /**
     * One method per kind of change, for code that must handle every kind. Java 17, which the library targets, has
     * pattern matching for {@code switch} only as a preview, so an exhaustive {@code switch} over this sealed
     * interface does not compile there; a visitor gives the same check: a new kind of change adds a method here,
     * and every visitor fails to compile until it handles it (an {@code instanceof} chain would silently skip it).
     */
    interface Visitor {

        /** The model was rebuilt or cleared. */
        void resynced(Resynced delta);

        /** A call appeared. */
        void callAdded(CallAdded delta);

        /** A call changed. */
        void callUpdated(CallUpdated delta);

        /** A call ended. */
        void callRemoved(CallRemoved delta);

        /** A queue changed. */
        void queueUpdated(QueueUpdated delta);

        /** An endpoint changed. */
        void endpointUpdated(EndpointUpdated delta);
    }

    /** The model was rebuilt (after a (re)connect or dropped events) or cleared (disconnected). */
    record Resynced(long version, LiveSnapshot snapshot) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.resynced(this);
        }
    }

    /** A call appeared. */
    record CallAdded(long version, LiveCall call) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.callAdded(this);
        }
    }

    /** A call changed. */
    record CallUpdated(long version, LiveCall call) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.callUpdated(this);
        }
    }

    /** A call ended. */
    record CallRemoved(long version, String callId) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.callRemoved(this);
        }
    }

    /** A queue changed. */
    record QueueUpdated(long version, LiveQueue queue) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.queueUpdated(this);
        }
    }

    /** An endpoint changed. */
    record EndpointUpdated(long version, LiveEndpoint endpoint) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.endpointUpdated(this);
        }
    }
}
