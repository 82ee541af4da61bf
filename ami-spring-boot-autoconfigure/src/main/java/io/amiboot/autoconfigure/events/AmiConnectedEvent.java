package io.amiboot.autoconfigure.events;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionEvent;

/** A client logged in (first time or after a reconnect): actions can be sent again. */
public class AmiConnectedEvent extends AmiConnectionStateEvent {

    /**
     * Tells the listeners about the client that logged in.
     *
     * @param client the client that logged in
     * @param connectionEvent what the client reported
     */
    public AmiConnectedEvent(AmiClient client, AmiConnectionEvent connectionEvent) {
        super(client, connectionEvent);
    }

    /** {@return the Asterisk version, e.g. {@code 22.5.2}, or {@code null} if the user may not read it} */
    public String getAsteriskVersion() {
        return getConnectionEvent().asteriskVersion();
    }

    /** {@return the AMI version of the banner, e.g. {@code 11.0.0}} */
    public String getManagerVersion() {
        return getConnectionEvent().managerVersion();
    }
}
