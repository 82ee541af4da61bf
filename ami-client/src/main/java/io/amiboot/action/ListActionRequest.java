package io.amiboot.action;

import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiResponse;
import io.amiboot.event.EventCatalogue;
import io.amiboot.event.TypedEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A list action (its response is followed by entry events and a {@code ...Complete} event), whose entries have a
 * typed event class; {@link AmiActionSender#list(ListActionRequest)} completes with them.
 * @param <E> the type of its entries
 */
public interface ListActionRequest<E extends TypedEvent> extends ActionRequest {

    /** {@return the type of the list's entries ({@link TypedEvent} when it documents several)} */
    Class<E> entryType();

    /**
     * The typed entries of the action's response; entries the catalogue does not know stay in
     * {@link AmiResponse#events()} only.
     * @param response the response, with its gathered entries
     * @param server the name of the server it came from
     * @return the entries of type {@link #entryType()}, in the order received
     */
    default List<E> entries(AmiResponse response, String server) {
        List<E> entries = new ArrayList<>(response.events().size());
        for (AmiEvent event : response.events()) {
            TypedEvent typed = EventCatalogue.typed(event, server);
            if (entryType().isInstance(typed)) {
                entries.add(entryType().cast(typed));
            }
        }
        return entries;
    }
}
