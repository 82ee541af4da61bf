package io.amiboot.live;

import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiHeaders;
import java.util.ArrayList;
import java.util.List;

/** The events held back during a rebuild, bounded in count and in size; not thread-safe. */
final class HeldEvents {

    /** Per header: the colon, the space and the line end that the wire adds to its name and value. */
    private static final int HEADER_OVERHEAD = 4;

    private final int maxEvents;

    private final long maxBytes;

    private final List<AmiEvent> events = new ArrayList<>();

    private long bytes;

    private boolean overflowed;

    HeldEvents(int maxEvents, long maxBytes) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /**
     * Holds {@code event} back, unless it does not fit: then it forgets what it held, and holds nothing more
     * until {@link #clear()}.
     * @return {@code false} when this event overflowed it
     */
    boolean add(AmiEvent event) {
        if (overflowed) {
            return true;
        }
        long size = size(event);
        if (events.size() >= maxEvents || bytes + size > maxBytes) {
            events.clear();
            overflowed = true;
            return false;
        }
        events.add(event);
        bytes += size;
        return true;
    }

    /** Whether more arrived than it could hold since the last {@link #clear()}. */
    boolean overflowed() {
        return overflowed;
    }

    List<AmiEvent> events() {
        return events;
    }

    void clear() {
        events.clear();
        bytes = 0;
        overflowed = false;
    }

    /** About the event's size on the wire (characters of its header names and values, plus separators). */
    static long size(AmiEvent event) {
        AmiHeaders headers = event.headers();
        long size = 2;
        for (int i = 0; i < headers.size(); i++) {
            size += headers.name(i).length() + headers.value(i).length() + HEADER_OVERHEAD;
        }
        return size;
    }
}
