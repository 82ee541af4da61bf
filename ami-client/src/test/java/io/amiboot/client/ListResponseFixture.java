package io.amiboot.client;

import java.util.List;

/** List responses as the correlator completes them, for other packages' tests. */
public final class ListResponseFixture {

    private ListResponseFixture() {
    }

    /**
     * A successful list response with its entries.
     * @param entries the list's entry events
     * @return the response, completed by a {@code Complete} event as Asterisk sends it
     */
    public static AmiResponse of(List<AmiEvent> entries) {
        return AmiResponse.of("Response", "Success", "EventList", "start")
                .withList(entries, AmiEvent.of("Event", "ListComplete", "EventList", "Complete"));
    }
}
