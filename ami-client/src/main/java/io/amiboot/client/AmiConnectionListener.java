package io.amiboot.client;

/**
 * Hears about connection state changes and dropped events, on the client's event thread, in order with the
 * events themselves.
 */
public interface AmiConnectionListener {

    /**
     * The connection changed state; a runtime exception thrown here is logged and the next notice still comes.
     *
     * @param event the new state, with versions and, when down, the cause and the next attempt
     */
    void onStateChange(AmiConnectionEvent event);

    /**
     * Events were dropped because subscribers fell behind; called before the next event that is delivered.
     * @param dropped how many events were dropped since the last call
     * @param totalDropped how many events this client has dropped in all
     */
    default void onEventsDropped(long dropped, long totalDropped) {
    }
}
