package io.amiboot.client;

/**
 * Hears about connection state changes and dropped events, on the client's event thread, in order with the
 * events themselves.
 */
public interface AmiConnectionListener {

    /** The connection changed state. */
    void onStateChange(AmiConnectionEvent event);

    /**
     * Events were dropped because subscribers fell behind; called before the next event that is delivered.
     * @param dropped how many events were dropped since the last call
     * @param totalDropped how many events this client has dropped in all
     */
    default void onEventsDropped(long dropped, long totalDropped) {
    }
}
