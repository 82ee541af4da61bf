package io.amiboot.client;

/**
 * Asterisk answered an action with {@code Response: Error}; the whole response is kept.
 */
public class AmiActionException extends AmiException {

    private final transient AmiResponse response;

    /**
     * The failure of {@code actionName}, with Asterisk's {@code Message} (or the whole response) in the message.
     *
     * @param actionName the action that failed
     * @param response Asterisk's {@code Response: Error}; not null
     */
    public AmiActionException(String actionName, AmiResponse response) {
        super("Action " + actionName + " failed: " + (response.message() != null ? response.message() : response));
        this.response = response;
    }

    /** {@return Asterisk's error response, with every header (and {@code Output} lines for a failed {@code Command})} */
    public AmiResponse response() {
        return response;
    }
}
