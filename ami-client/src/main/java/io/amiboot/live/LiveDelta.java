package io.amiboot.live;

/** One change of the live model; {@link #version()} increases by one per change. */
public sealed interface LiveDelta {

    /** {@return the change's sequence number} */
    long version();

    /**
     * Calls the visitor's method for this kind of change, on the calling thread.
     *
     * @param visitor the visitor; not null
     */
    void accept(Visitor visitor);

    /**
     * One method per kind of change, for code that must handle every kind. Java 17, which the library targets, has
     * pattern matching for {@code switch} only as a preview, so an exhaustive {@code switch} over this sealed
     * interface does not compile there; a visitor gives the same check: a new kind of change adds a method here,
     * and every visitor fails to compile until it handles it (an {@code instanceof} chain would silently skip it).
     */
    interface Visitor {

        /**
         * The model was rebuilt or cleared.
         *
         * @param delta the whole new model
         */
        void resynced(Resynced delta);

        /**
         * A call appeared.
         *
         * @param delta the new call
         */
        void callAdded(CallAdded delta);

        /**
         * A call changed.
         *
         * @param delta the call as it is now
         */
        void callUpdated(CallUpdated delta);

        /**
         * A call ended.
         *
         * @param delta the ended call's ID
         */
        void callRemoved(CallRemoved delta);

        /**
         * A queue changed.
         *
         * @param delta the queue as it is now
         */
        void queueUpdated(QueueUpdated delta);

        /**
         * An endpoint changed.
         *
         * @param delta the endpoint as it is now
         */
        void endpointUpdated(EndpointUpdated delta);

        /**
         * A conference room started or changed.
         *
         * @param delta the room as it is now
         */
        void conferenceUpdated(ConferenceUpdated delta);

        /**
         * A conference room ended.
         *
         * @param delta the ended room's name
         */
        void conferenceEnded(ConferenceEnded delta);

        /**
         * A call was parked, or another channel took its parking space.
         *
         * @param delta the parked call as it is now
         */
        void parkedCallUpdated(ParkedCallUpdated delta);

        /**
         * A parked call left its parking space.
         *
         * @param delta the call as it was parked, and why it left
         */
        void parkedCallRemoved(ParkedCallRemoved delta);
    }

    /**
     * The model was rebuilt (after a (re)connect or dropped events) or cleared (disconnected).
     *
     * @param version the change's sequence number, one above the change before
     * @param snapshot the whole model as it is now
     */
    record Resynced(long version, LiveSnapshot snapshot) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.resynced(this);
        }
    }

    /**
     * A call appeared.
     *
     * @param version the change's sequence number, one above the change before
     * @param call the new call
     */
    record CallAdded(long version, LiveCall call) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.callAdded(this);
        }
    }

    /**
     * A call changed.
     *
     * @param version the change's sequence number, one above the change before
     * @param call the call as it is now
     */
    record CallUpdated(long version, LiveCall call) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.callUpdated(this);
        }
    }

    /**
     * A call ended.
     *
     * @param version the change's sequence number, one above the change before
     * @param callId the ended call's ID (its {@code Linkedid})
     */
    record CallRemoved(long version, String callId) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.callRemoved(this);
        }
    }

    /**
     * A queue changed.
     *
     * @param version the change's sequence number, one above the change before
     * @param queue the queue as it is now
     */
    record QueueUpdated(long version, LiveQueue queue) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.queueUpdated(this);
        }
    }

    /**
     * An endpoint changed.
     *
     * @param version the change's sequence number, one above the change before
     * @param endpoint the endpoint as it is now
     */
    record EndpointUpdated(long version, LiveEndpoint endpoint) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.endpointUpdated(this);
        }
    }

    /**
     * A conference room started or changed (participants, mute, talking, lock).
     *
     * @param version the change's sequence number, one above the change before
     * @param conference the room as it is now
     */
    record ConferenceUpdated(long version, LiveConference conference) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.conferenceUpdated(this);
        }
    }

    /**
     * A call was parked ({@code ParkedCall}), or another channel took its space ({@code ParkedCallSwap}).
     *
     * @param version the change's sequence number, one above the change before
     * @param parkedCall the parked call as it is now; its lot and space say which one it replaces
     */
    record ParkedCallUpdated(long version, LiveParkedCall parkedCall) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.parkedCallUpdated(this);
        }
    }

    /**
     * A conference room ended.
     *
     * @param version the change's sequence number, one above the change before
     * @param name the ended room's name
     */
    record ConferenceEnded(long version, String name) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.conferenceEnded(this);
        }
    }

    /**
     * A parked call left its space.
     *
     * @param version the change's sequence number, one above the change before
     * @param parkedCall the call as it was parked
     * @param outcome why it left
     */
    record ParkedCallRemoved(long version, LiveParkedCall parkedCall, ParkingOutcome outcome) implements LiveDelta {

        @Override
        public void accept(Visitor visitor) {
            visitor.parkedCallRemoved(this);
        }
    }

    /** Why a parked call left its space. */
    enum ParkingOutcome {

        /** Someone dialled its space and took it ({@code UnParkedCall}). */
        PICKED_UP,

        /** Nobody picked it up in time; Asterisk rings the parker or the lot's comeback context ({@code ParkedCallTimeOut}). */
        TIMED_OUT,

        /** The parked caller hung up ({@code ParkedCallGiveUp}). */
        GAVE_UP
    }
}
