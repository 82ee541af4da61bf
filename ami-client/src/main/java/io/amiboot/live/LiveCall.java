package io.amiboot.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A call: the channels that share one {@code Linkedid}, oldest first.
 *
 * @param id the call's {@code Linkedid}
 * @param channels its channels, oldest first (never empty)
 * @param startedAt when its oldest channel was created
 */
public record LiveCall(String id, List<LiveChannel> channels, Instant startedAt) {

    /**
     * Copies the channels so the record stays immutable.
     *
     * @param id the call's {@code Linkedid}
     * @param channels its channels, oldest first; not null, no null element
     * @param startedAt when its oldest channel was created
     */
    public LiveCall {
        channels = List.copyOf(channels);
    }

    /** {@return the channel that started the call} */
    public LiveChannel first() {
        return channels.get(0);
    }

    /**
     * {@return whether any channel of the call is the given channel, by unique ID or by name}
     *
     * @param uniqueIdOrName a channel's {@code Uniqueid} or name, compared exactly
     */
    public boolean hasChannel(String uniqueIdOrName) {
        return channels.stream().anyMatch(c -> c.uniqueId().equals(uniqueIdOrName) || c.name().equals(uniqueIdOrName));
    }

    /**
     * {@return how long the call has lasted at {@code now}; zero if {@code now} is before its start}
     *
     * @param now the instant to measure at, e.g. the model clock's
     */
    public Duration durationAt(Instant now) {
        Duration duration = Duration.between(startedAt, now);
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
