package io.amiboot.live;

import io.amiboot.client.AmiEvent;
import io.amiboot.event.ParkedCallEvent;
import io.amiboot.event.ParkedCallGiveUpEvent;
import io.amiboot.event.ParkedCallSwapEvent;
import io.amiboot.event.ParkedCallTimeOutEvent;
import io.amiboot.event.UnParkedCallEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parked calls of every parking lot, by lot and space; not thread-safe. A {@code ParkedCall} (live, or an
 * entry of the {@code ParkedCalls} list) fills a space, a {@code ParkedCallSwap} puts another channel into it, and
 * {@code UnParkedCall}, {@code ParkedCallTimeOut} and {@code ParkedCallGiveUp} empty it.
 */
final class ParkingTracker {

    /** Lots by name, spaces by number (shorter first: {@code 99} before {@code 701}), then as text. */
    private static final Comparator<Space> ORDER = Comparator.comparing(Space::lot)
            .thenComparingInt(space -> space.space().length()).thenComparing(Space::space);

    private final Map<Space, LiveParkedCall> parked = new TreeMap<>(ORDER);

    /** Forgets everything. */
    void clear() {
        parked.clear();
    }

    /** Loads a {@code ParkedCall} entry of the {@code ParkedCalls} list. */
    void load(AmiEvent entry, Instant now) {
        park(entry, now);
    }

    /**
     * Applies a parking event.
     *
     * @param event any event; those of other names change nothing
     * @param now when it arrived: the parked call's times count from it
     * @param version the version the change gets
     * @return the change it made, or {@code null}
     */
    LiveDelta apply(AmiEvent event, Instant now, long version) {
        String name = event.name();
        if (name.equals(ParkedCallEvent.NAME) || name.equals(ParkedCallSwapEvent.NAME)) {
            LiveParkedCall call = park(event, now);
            return call == null ? null : new LiveDelta.ParkedCallUpdated(version, call);
        }
        LiveDelta.ParkingOutcome outcome = switch (name) {
            case UnParkedCallEvent.NAME -> LiveDelta.ParkingOutcome.PICKED_UP;
            case ParkedCallTimeOutEvent.NAME -> LiveDelta.ParkingOutcome.TIMED_OUT;
            case ParkedCallGiveUpEvent.NAME -> LiveDelta.ParkingOutcome.GAVE_UP;
            default -> null;
        };
        if (outcome == null) {
            return null;
        }
        Space space = space(event);
        LiveParkedCall left = parked.get(space);
        // Only the channel that was parked there leaves: a late event of an earlier occupant changes nothing.
        if (left == null || !left.uniqueId().equals(Headers.text(event, "ParkeeUniqueid"))) {
            return null;
        }
        parked.remove(space);
        return new LiveDelta.ParkedCallRemoved(version, left, outcome);
    }

    /** Every parked call, by lot and space. */
    List<LiveParkedCall> parkedCalls() {
        return List.copyOf(parked.values());
    }

    private LiveParkedCall park(AmiEvent event, Instant now) {
        Space space = space(event);
        if (space.space().isEmpty()) {
            return null;
        }
        int timeout = Headers.number(event, "ParkingTimeout", 0);
        LiveParkedCall call = new LiveParkedCall(space.lot(), space.space(), Headers.text(event, "ParkeeChannel"),
                Headers.text(event, "ParkeeUniqueid"), Headers.text(event, "ParkeeLinkedid"),
                Headers.text(event, "ParkeeCallerIDNum"), Headers.text(event, "ParkeeCallerIDName"),
                Headers.text(event, "ParkerDialString"), now.minusSeconds(Headers.number(event, "ParkingDuration", 0)),
                // Asterisk reports a lot without a timeout as 0 seconds left.
                timeout > 0 ? now.plusSeconds(timeout) : null);
        parked.put(space, call);
        return call;
    }

    private static Space space(AmiEvent event) {
        return new Space(Headers.text(event, "Parkinglot"), Headers.text(event, "ParkingSpace"));
    }

    private record Space(String lot, String space) {
    }
}
