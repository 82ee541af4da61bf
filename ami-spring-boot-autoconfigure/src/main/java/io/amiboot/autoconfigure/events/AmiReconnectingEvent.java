package io.amiboot.autoconfigure.events;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionEvent;

/** A client starts another attempt to connect and log in after a lost connection or a failed attempt. */
public class AmiReconnectingEvent extends AmiConnectionStateEvent {

    /**
     * Tells the listeners about the client that schedules a reconnect.
     *
     * @param client the client that schedules a reconnect
     * @param connectionEvent what the client reported
     */
    public AmiReconnectingEvent(AmiClient client, AmiConnectionEvent connectionEvent) {
        super(client, connectionEvent);
    }

    /** {@return the number of this attempt since the connection was lost (1 for the first retry)} */
    public int getAttempt() {
        return getConnectionEvent().attempt();
    }
}
