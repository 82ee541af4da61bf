package io.amiboot.client;

import java.time.Duration;

/**
 * An action got no (complete) response within its timeout; a reply that comes later is dropped.
 */
public class AmiTimeoutException extends AmiException {

    /**
     * The timeout of one action.
     *
     * @param actionName the action that waited
     * @param actionId its {@code ActionID}, to find it in Asterisk's logs
     * @param timeout how long it waited
     */
    public AmiTimeoutException(String actionName, String actionId, Duration timeout) {
        super("Action " + actionName + " (ActionID " + actionId + ") got no complete response within " + timeout);
    }

    private AmiTimeoutException(String message) {
        super(message);
    }

    /** An action that waited its whole timeout for room among {@code maxUnanswered} unanswered actions. */
    static AmiTimeoutException notSent(String actionName, Duration timeout, int maxUnanswered) {
        return new AmiTimeoutException("Action " + actionName + " was not sent within " + timeout + ": the "
                + maxUnanswered + " actions before it stayed unanswered (maxUnansweredActions)");
    }
}
