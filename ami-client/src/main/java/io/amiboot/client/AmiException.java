package io.amiboot.client;

/**
 * The base of every failure the AMI client reports; its message never contains a secret.
 */
public class AmiException extends RuntimeException {

    /**
     * A failure described by {@code message}.
     *
     * @param message what failed, for logs and callers; without secrets
     */
    public AmiException(String message) {
        super(message);
    }

    /**
     * A failure described by {@code message}, caused by {@code cause}.
     *
     * @param message what failed, for logs and callers; without secrets
     * @param cause the failure behind it
     */
    public AmiException(String message, Throwable cause) {
        super(message, cause);
    }
}
