package io.amiboot.client;

import java.time.Duration;

/**
 * An action got no (complete) response within its timeout; a reply that comes later is dropped.
 */
public class AmiTimeoutException extends AmiException {

    public AmiTimeoutException(String actionName, String actionId, Duration timeout) {
        super("Action " + actionName + " (ActionID " + actionId + ") got no complete response within " + timeout);
    }
}
