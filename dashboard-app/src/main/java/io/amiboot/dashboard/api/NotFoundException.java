package io.amiboot.dashboard.api;

/** The call, channel or queue asked for does not exist (any more). */
public final class NotFoundException extends RuntimeException {

    /**
     * With a message saying what was not found.
     *
     * @param message what was not found, shown to the client in the 404 problem's detail
     */
    public NotFoundException(String message) {
        super(message);
    }
}
