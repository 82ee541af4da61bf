package io.amiboot.autoconfigure.events;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionEvent;
import io.amiboot.client.AmiConnectionState;
import org.springframework.context.ApplicationEvent;

/**
 * A change of a client's connection, published in order with its events: {@link AmiConnectedEvent},
 * {@link AmiDisconnectedEvent} or {@link AmiReconnectingEvent}. Listen to this type for all three.
 */
public abstract class AmiConnectionStateEvent extends ApplicationEvent {

    /** What the client reported; not serialized, as the client (the source) is not either. */
    private final transient AmiConnectionEvent connectionEvent;

    /** The name of the client's server. */
    private final String server;

    /**
     * Tells the listeners about the client that whose connection changed.
     *
     * @param client the client whose connection changed
     * @param connectionEvent what the client reported
     */
    protected AmiConnectionStateEvent(AmiClient client, AmiConnectionEvent connectionEvent) {
        super(client);
        this.connectionEvent = connectionEvent;
        this.server = client.options().name();
    }

    /** {@return the name of the server ({@code default} for {@code ami.*})} */
    public String getServer() {
        return server;
    }

    /** {@return the connection's new state} */
    public AmiConnectionState getState() {
        return connectionEvent.state();
    }

    /** {@return the client's notice, with versions, cause and next attempt} */
    public AmiConnectionEvent getConnectionEvent() {
        return connectionEvent;
    }

    /** {@return the client whose connection changed} */
    public AmiClient getClient() {
        return (AmiClient) getSource();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[server=" + server + ", " + connectionEvent + "]";
    }
}
