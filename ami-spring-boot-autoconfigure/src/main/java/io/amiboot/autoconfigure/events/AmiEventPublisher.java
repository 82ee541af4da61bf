package io.amiboot.autoconfigure.events;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionEvent;
import io.amiboot.client.AmiConnectionListener;
import io.amiboot.client.AmiEvent;
import io.amiboot.event.EventCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Publishes the events and connection changes of AMI clients as Spring application events
 * ({@link AmiApplicationEvent}, {@link AmiConnectedEvent}, {@link AmiDisconnectedEvent},
 * {@link AmiReconnectingEvent}, {@link AmiEventsDroppedEvent}), and each AMI event also as its typed class from
 * {@link EventCatalogue} (e.g. {@code HangupEvent}, a {@code ChannelEvent}) when a listener takes that type; its
 * {@code server()} names the client's server. An AMI event is published only in the forms some listener takes
 * ({@link AmiEventInterest}). Publication runs on each client's own event thread,
 * never the Netty event loop: listeners see wire order, and a slow listener delays only later events of that client.
 *
 * <p>An exception thrown by a listener ends the delivery of that one event (Spring's multicaster stops there) and is
 * logged by the client; later events are delivered as usual. Publication stops when the application context closes.
 */
public final class AmiEventPublisher implements ApplicationListener<ContextClosedEvent>, AutoCloseable {

    private final ApplicationEventPublisher publisher;

    private final AmiEventInterest interest;

    private final List<AmiClient.Registration> registrations = new ArrayList<>();

    private volatile boolean closed;

    /**
     * Registers with every client for which {@code publishes} is true; call before the clients start to miss nothing.
     *
     * @param publisher where the Spring events go
     * @param clients the clients to listen to
     * @param publishes whether a client's events are published
     */
    public AmiEventPublisher(ApplicationEventPublisher publisher, Iterable<AmiClient> clients, Predicate<AmiClient> publishes) {
        this(publisher, clients, publishes, null);
    }

    /**
     * Registers with every client for which {@code publishes} is true, and publishes each event raw when
     * {@code interest} says a listener takes raw events, and as its typed class (e.g. {@code HangupEvent}) when it
     * says a listener takes that class.
     *
     * @param publisher where the Spring events go
     * @param clients the clients to listen to
     * @param publishes whether a client's events are published
     * @param interest what listeners take; {@code null} to publish every event raw and none typed
     */
    public AmiEventPublisher(ApplicationEventPublisher publisher, Iterable<AmiClient> clients, Predicate<AmiClient> publishes,
            AmiEventInterest interest) {
        this.publisher = publisher;
        this.interest = interest;
        for (AmiClient client : clients) {
            if (!publishes.test(client)) {
                continue;
            }
            String server = client.options().name();
            registrations.add(client.addEventListener(event -> publish(client, server, event)));
            registrations.add(client.addConnectionListener(new AmiConnectionListener() {

                @Override
                public void onStateChange(AmiConnectionEvent event) {
                    ApplicationEvent applicationEvent = switch (event.state()) {
                        case CONNECTED -> new AmiConnectedEvent(client, event);
                        case DISCONNECTED, CLOSED -> new AmiDisconnectedEvent(client, event);
                        case CONNECTING -> event.attempt() > 0 ? new AmiReconnectingEvent(client, event) : null;
                        case NEW -> null;
                    };
                    if (applicationEvent != null) {
                        publish(applicationEvent);
                    }
                }

                @Override
                public void onEventsDropped(long dropped, long totalDropped) {
                    publish(new AmiEventsDroppedEvent(client, dropped, totalDropped));
                }
            }));
        }
    }

    /**
     * Publishes one AMI event of {@code client}: raw when a listener takes raw events, typed when one takes its type
     * (what the client's listener does for each event; package-private for the benchmarks).
     */
    void publish(AmiClient client, String server, AmiEvent event) {
        if (closed) {
            return;
        }
        if (interest == null || interest.wantsRaw()) {
            publish(new AmiApplicationEvent(client, event));
        }
        if (interest != null && interest.wantsTyped(event.name())) {
            publish(new TypedPayloadEvent(publisher, EventCatalogue.typed(event, server)));
        }
    }

    private void publish(ApplicationEvent event) {
        if (!closed) {
            publisher.publishEvent(event);
        }
    }

    /** The context is closing: listeners are going away, so stop publishing (the clients close right after). */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        // A child context (e.g. a management server on its own port) closing says nothing about this one.
        if (event.getApplicationContext() == publisher) {
            closed = true;
        }
    }

    @Override
    public boolean supportsAsyncExecution() {
        return false;
    }

    /** Stops publishing and removes the listeners from the clients. */
    @Override
    public void close() {
        closed = true;
        registrations.forEach(AmiClient.Registration::close);
    }
}
