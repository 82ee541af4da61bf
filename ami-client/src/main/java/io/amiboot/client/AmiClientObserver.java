package io.amiboot.client;

/**
 * Instrumentation hooks for metrics, called on the Netty event loop (and, for drops of an
 * {@link AmiClient#events()} subscriber, on the client's event thread): implementations must be quick and must
 * not block (a counter increment or a timer record is the intended use).
 */
public interface AmiClientObserver {

    /** An observer that records nothing. */
    AmiClientObserver NONE = new AmiClientObserver() {
    };

    /** The outcome of an action, as recorded by metrics. */
    enum Outcome {
        /** Asterisk accepted the action. */
        SUCCESS,
        /** Asterisk answered {@code Response: Error}. */
        ERROR,
        /** No response within the timeout. */
        TIMEOUT,
        /** The connection closed before the response came. */
        DISCONNECTED
    }

    /**
     * An action is being written to the socket: its {@code ActionID} is assigned and its timeout runs.
     *
     * @param actionName the action's name, e.g. {@code Ping}
     */
    default void actionSent(String actionName) {
    }

    /**
     * An action completed, one way or another.
     *
     * @param actionName the action's name
     * @param nanos the time from sending to completion, in nanoseconds
     * @param outcome how it completed
     */
    default void actionCompleted(String actionName, long nanos, Outcome outcome) {
    }

    /**
     * A reconnect attempt starts.
     *
     * @param attempt the number of the attempt since the backoff last started over, 1 for the first
     */
    default void reconnecting(int attempt) {
    }

    /**
     * Events were dropped: the client's event buffer was full, or a {@link AmiClient#events()} subscriber's.
     *
     * @param count how many were dropped just now
     */
    default void eventsDropped(long count) {
    }
}
