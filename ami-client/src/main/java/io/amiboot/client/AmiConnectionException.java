package io.amiboot.client;

/**
 * The action could not complete because there was no usable connection to Asterisk: it was sent while the
 * client was not logged in (actions are never queued for a later connection), or the connection closed
 * while the action was in flight.
 */
public class AmiConnectionException extends AmiException {

    /**
     * An exception with a message that says what was lost or never reached.
     *
     * @param message what failed, for logs and callers
     */
    public AmiConnectionException(String message) {
        super(message);
    }

    /**
     * An exception with a message and the failure behind it.
     *
     * @param message what failed, for logs and callers
     * @param cause the I/O or protocol failure that ended the connection
     */
    public AmiConnectionException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An action refused at once because the client was not logged in. */
    static AmiConnectionException notSent(String actionName, AmiConnectionState state, AmiUrl url) {
        return new AmiConnectionException("Action " + actionName + " not sent: the client is " + state + " (Asterisk at "
                + url.host() + ":" + url.port() + "); actions are not queued while disconnected");
    }
}
