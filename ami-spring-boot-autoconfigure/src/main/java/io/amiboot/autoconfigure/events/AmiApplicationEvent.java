package io.amiboot.autoconfigure.events;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiHeaders;
import java.util.List;
import org.springframework.context.ApplicationEvent;

/**
 * An AMI event from one server, published as a Spring {@link ApplicationEvent} on the client's event thread, in
 * wire order. Listen with {@link OnAmiEvent @OnAmiEvent("Hangup")} or
 * {@code @EventListener(condition = "#event.name == 'Hangup'")}.
 *
 * <p>Listeners run on the client's event thread: they may block or call actions synchronously (which never
 * stalls the socket or action responses), but while one blocks, later events wait in the client's bounded buffer.
 */
public class AmiApplicationEvent extends ApplicationEvent {

    /** The AMI event; not serialized, as the client (the source) is not either. */
    private final transient AmiEvent event;

    /** The name of the client's server. */
    private final String server;

    /**
     * Wraps an AMI event for Spring listeners.
     *
     * @param client the client that received the event
     * @param event the event
     */
    public AmiApplicationEvent(AmiClient client, AmiEvent event) {
        super(client);
        this.event = event;
        this.server = client.options().name();
    }

    /** {@return the event's name, the value of its {@code Event} header, e.g. {@code Hangup}} */
    public String getName() {
        return event.name();
    }

    /** {@return the name of the server it came from ({@code default} for {@code ami.*})} */
    public String getServer() {
        return server;
    }

    /** {@return all headers in wire order, the {@code Event} header included} */
    public AmiHeaders getHeaders() {
        return event.headers();
    }

    /**
     * {@return the first value of a header (ignoring case), or {@code null} if absent: {@code #event.get('Channel')}}
     *
     * @param header the header's name, such as {@code Channel}
     */
    public String get(String header) {
        return event.get(header);
    }

    /**
     * {@return every value of a header (ignoring case), in wire order; empty if absent}
     *
     * @param header the header's name, such as {@code ChanVariable}
     */
    public List<String> getAll(String header) {
        return event.getAll(header);
    }

    /**
     * {@return whether the event is called {@code name}, ignoring case as Asterisk does}
     *
     * @param name an event name, such as {@code Hangup}
     */
    public boolean is(String name) {
        return event.is(name);
    }

    /** {@return the AMI event itself} */
    public AmiEvent getEvent() {
        return event;
    }

    /** {@return the client that received it} */
    public AmiClient getClient() {
        return (AmiClient) getSource();
    }

    @Override
    public String toString() {
        return "AmiApplicationEvent[server=" + server + ", " + event + "]";
    }
}
