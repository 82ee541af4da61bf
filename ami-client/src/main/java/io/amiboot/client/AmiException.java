package io.amiboot.client;

/**
 * The base of every failure the AMI client reports; its message never contains a secret.
 */
public class AmiException extends RuntimeException {

    public AmiException(String message) {
        super(message);
    }

    public AmiException(String message, Throwable cause) {
        super(message, cause);
    }
}
