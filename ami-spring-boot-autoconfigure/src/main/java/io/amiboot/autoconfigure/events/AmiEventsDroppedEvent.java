package io.amiboot.autoconfigure.events;

import io.amiboot.client.AmiClient;
import org.springframework.context.ApplicationEvent;

/**
 * Listeners fell so far behind that a client's event buffer overflowed and events were dropped (see
 * {@code ami.events.buffer-size} and {@code ami.events.overflow-policy}); published before the next delivered event.
 */
public class AmiEventsDroppedEvent extends ApplicationEvent {

    /** The name of the client's server. */
    private final String server;

    /** Events dropped since the last such notice. */
    private final long dropped;

    /** Events the client has dropped in all. */
    private final long totalDropped;

    /**
     * Tells the listeners about the client that dropped events.
     *
     * @param client the client that dropped events
     * @param dropped events dropped since the last such notice
     * @param totalDropped events the client has dropped in all
     */
    public AmiEventsDroppedEvent(AmiClient client, long dropped, long totalDropped) {
        super(client);
        this.server = client.options().name();
        this.dropped = dropped;
        this.totalDropped = totalDropped;
    }

    /** {@return the name of the server} */
    public String getServer() {
        return server;
    }

    /** {@return events dropped since the last such notice} */
    public long getDropped() {
        return dropped;
    }

    /** {@return events this client has dropped in all} */
    public long getTotalDropped() {
        return totalDropped;
    }

    /** {@return the client that dropped them} */
    public AmiClient getClient() {
        return (AmiClient) getSource();
    }

    @Override
    public String toString() {
        return "AmiEventsDroppedEvent[server=" + server + ", dropped=" + dropped + ", total=" + totalDropped + "]";
    }
}
