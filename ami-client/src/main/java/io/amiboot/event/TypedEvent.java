package io.amiboot.event;

import io.amiboot.client.AmiEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An AMI event as its generated type (see {@link EventCatalogue}): typed accessors over the raw event, which stays
 * reachable with every header Asterisk sent.
 */
public interface TypedEvent {

    /** Headers Asterisk writes on every event (or on every event when configured to), documented with none. */
    Set<String> ENVELOPE_HEADERS = Set.of("event", "privilege", "actionid", "timestamp", "systemname");

    /** {@return the event as received, with every header} */
    AmiEvent raw();

    /** {@return the name of the server (client) the event came from} */
    String server();

    /** {@return the headers Asterisk's documentation gives this event, snapshot headers included, lower case} */
    Set<String> documentedHeaders();

    /**
     * {@return the headers Asterisk's documentation marks {@code required="true"} for this event, as it spells them;
     * empty for most events, whose documentation marks none}
     */
    default Set<String> requiredHeaders() {
        return Set.of();
    }

    /** {@return the event's name on the wire} */
    default String eventName() {
        return raw().name();
    }

    /**
     * {@return the headers of this event that its documentation does not give (nor the envelope headers such as
     * {@code Privilege}), in the order received}
     */
    default List<Map.Entry<String, String>> undocumentedHeaders() {
        List<Map.Entry<String, String>> undocumented = new ArrayList<>();
        Set<String> documented = documentedHeaders();
        for (Map.Entry<String, String> header : raw().headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!documented.contains(name) && !ENVELOPE_HEADERS.contains(name)) {
                undocumented.add(header);
            }
        }
        return undocumented;
    }
}
