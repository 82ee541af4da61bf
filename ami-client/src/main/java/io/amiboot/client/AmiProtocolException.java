package io.amiboot.client;

/**
 * The server sent something this client will not read: a line or message beyond the configured limits, or
 * bytes that are not AMI. The connection is closed and, unless the client is closed, reopened.
 */
public class AmiProtocolException extends AmiException {

    public AmiProtocolException(String message) {
        super(message);
    }
}
