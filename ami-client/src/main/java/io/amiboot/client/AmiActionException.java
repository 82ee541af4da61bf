package io.amiboot.client;

/**
 * Asterisk answered an action with {@code Response: Error}; the whole response is kept.
 */
public class AmiActionException extends AmiException {

    private final transient AmiResponse response;

    public AmiActionException(String actionName, AmiResponse response) {
        super("Action " + actionName + " failed: " + (response.message() != null ? response.message() : response));
        this.response = response;
    }

    /** Asterisk's error response, with every header (and {@code Output} lines for a failed {@code Command}). */
    public AmiResponse response() {
        return response;
    }
}
