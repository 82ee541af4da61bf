package io.amiboot.client;

/**
 * The action could not complete because there was no usable connection to Asterisk: it was sent while the
 * client was not logged in (actions are never queued for a later connection), or the connection closed
 * while the action was in flight.
 */
public class AmiConnectionException extends AmiException {

    public AmiConnectionException(String message) {
        super(message);
    }

    public AmiConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
