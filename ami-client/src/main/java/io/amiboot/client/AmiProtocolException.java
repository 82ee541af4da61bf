package io.amiboot.client;

/**
 * The server sent something this client will not read: a line or message beyond the configured limits, or
 * bytes that are not AMI. The connection is closed and, unless the client is closed, reopened.
 */
public class AmiProtocolException extends AmiException {

    /**
     * A violation described by {@code message}.
     *
     * @param message what the server sent that broke the rules or limits, and which limit
     */
    public AmiProtocolException(String message) {
        super(message);
    }
}
