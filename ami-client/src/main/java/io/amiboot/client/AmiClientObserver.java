package io.amiboot.client;

/**
 * Instrumentation hooks for metrics, called on the Netty event loop: implementations must be quick and must
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

    /** An action was written to the socket. */
    default void actionSent(String actionName) {
    }

    /** An action completed, one way or another, {@code nanos} after it was sent. */
    default void actionCompleted(String actionName, long nanos, Outcome outcome) {
    }

    /** A reconnect attempt starts. */
    default void reconnecting(int attempt) {
    }

    /** Events were dropped because the event buffer was full. */
    default void eventsDropped(long count) {
    }
}
