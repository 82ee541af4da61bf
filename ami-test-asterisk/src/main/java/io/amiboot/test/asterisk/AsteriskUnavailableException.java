package io.amiboot.test.asterisk;

/** No real Asterisk could be found or started for the tests. The message says how to get one. */
public final class AsteriskUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Says that no Asterisk is available.
     *
     * @param message what is missing and how to get it
     */
    public AsteriskUnavailableException(String message) {
        super(message);
    }

    /**
     * Says that no Asterisk is available, and why the last way tried failed.
     *
     * @param message what is missing and how to get it
     * @param cause why the last way tried failed
     */
    public AsteriskUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
