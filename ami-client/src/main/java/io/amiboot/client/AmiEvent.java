package io.amiboot.client;

import java.util.Objects;

/**
 * An immutable AMI event: its name and its headers in wire order (the {@code Event} header included).
 *
 * <p>Unknown events and headers are kept as they came; nothing about an event's name or content is assumed.
 */
public final class AmiEvent extends AmiMessage {

    private final String name;

    AmiEvent(String name, AmiHeaders headers) {
        super(headers);
        this.name = name;
    }

    /**
     * Builds an event, e.g. for tests and replays.
     *
     * @param namesAndValues alternating header names and values, in wire order; an {@code Event} header among them
     * @return the event
     * @throws IllegalArgumentException without an {@code Event} header, or with an odd number of strings
     */
    public static AmiEvent of(String... namesAndValues) {
        AmiHeaders headers = AmiHeaders.of(namesAndValues);
        String name = headers.get("Event");
        if (name == null) {
            throw new IllegalArgumentException("An AMI event needs an 'Event' header");
        }
        return new AmiEvent(name, headers);
    }

    /** {@return the event's name, the value of its {@code Event} header (e.g. {@code Newchannel})} */
    public String name() {
        return name;
    }

    /**
     * {@return whether this event is called {@code eventName}, ignoring case as Asterisk does}
     *
     * @param eventName e.g. {@code Hangup}
     */
    public boolean is(String eventName) {
        return name.equalsIgnoreCase(eventName);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AmiEvent event && event.headers.equals(headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(headers);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(64).append("AmiEvent[");
        headers.appendTo(text);
        return text.append(']').toString();
    }
}
