package io.amiboot.client;

/**
 * What happens when subscribers fall so far behind that the event buffer is full, in events
 * ({@link AmiClientOptions#eventBufferSize()}) or in bytes ({@link AmiClientOptions#eventBufferBytes()}). The
 * socket is always read on (Asterisk drops a client that leaves its socket unread for 100 ms), so something has
 * to give; every event that gives is counted in {@link AmiClient#droppedEvents()} and reported to
 * {@link AmiConnectionListener#onEventsDropped}.
 */
public enum EventOverflowPolicy {

    /** Drop the events that arrive while the buffer is full; subscribers keep what was already buffered. */
    DROP_NEWEST,

    /** Drop the oldest buffered events to make room, so subscribers catch up with the present. */
    DROP_OLDEST,

    /** Close the connection and reconnect, so a state model rebuilds from a fresh snapshot. */
    RECONNECT
}
