package io.amiboot.dashboard.api;

/** A URL without a server was used while the dashboard shows several: it cannot tell which one was meant. */
public final class ServerRequiredException extends RuntimeException {

    /**
     * With a message naming the servers and the URL to use instead.
     *
     * @param message shown to the client in the 400 problem's detail
     */
    public ServerRequiredException(String message) {
        super(message);
    }
}
