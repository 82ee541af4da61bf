package io.amiboot.autoconfigure.events;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionEvent;
import io.amiboot.client.AmiConnectionState;
import java.time.Duration;

/**
 * A client lost its connection or failed to connect or log in ({@link #willReconnect()} then tells whether
 * and when it retries), or was closed for good ({@link #getState()} {@code CLOSED}).
 */
public class AmiDisconnectedEvent extends AmiConnectionStateEvent {

    /**
     * Tells the listeners about the client that lost its connection.
     *
     * @param client the client that lost its connection
     * @param connectionEvent what the client reported
     */
    public AmiDisconnectedEvent(AmiClient client, AmiConnectionEvent connectionEvent) {
        super(client, connectionEvent);
    }

    /** {@return why, in words (never containing the secret)} */
    public String getReason() {
        Throwable cause = getCause();
        if (cause != null && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return getState() == AmiConnectionState.CLOSED ? "The AMI client was closed" : "Disconnected";
    }

    /** {@return why, as an exception, or {@code null} when the client was closed} */
    public Throwable getCause() {
        return getConnectionEvent().cause();
    }

    /** {@return whether the client will try again} */
    public boolean willReconnect() {
        return getConnectionEvent().nextAttemptIn() != null;
    }

    /** {@return how long until the next attempt, or {@code null} if there is none} */
    public Duration getNextAttemptIn() {
        return getConnectionEvent().nextAttemptIn();
    }

    /** {@return the number of the coming reconnect attempt (1 for the first retry), 0 if there is none} */
    public int getAttempt() {
        return getConnectionEvent().attempt();
    }
}
