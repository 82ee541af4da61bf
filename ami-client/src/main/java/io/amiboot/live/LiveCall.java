package io.amiboot.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A call: the channels that share one {@code Linkedid}, oldest first, and who its parties are.
 *
 * @param id the call's {@code Linkedid}
 * @param channels its channels, oldest first (never empty)
 * @param startedAt when its oldest channel was created
 * @param caller who placed the call: its oldest channel's caller ID
 * @param callee whom the call is to: who answered, else who was dialled, else the extension it was sent to; never
 *        the caller again (see {@link #LiveCall(String, List, Instant)})
 */
public record LiveCall(String id, List<LiveChannel> channels, Instant startedAt, LiveParty caller, LiveParty callee) {

    /**
     * Copies the channels so the record stays immutable.
     *
     * @param id the call's {@code Linkedid}
     * @param channels its channels, oldest first; not null, no null element
     * @param startedAt when its oldest channel was created
     * @param caller who placed the call; not null
     * @param callee whom the call is to; not null
     */
    public LiveCall {
        channels = List.copyOf(channels);
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
    }

    /**
     * A call whose parties are worked out from its channels, once: the caller from the oldest channel's caller ID;
     * the callee from, in this order, that channel's connected line, another channel's own caller ID (an endpoint's
     * name as Asterisk knows it), and the extension that channel was sent to (an originate's or the dialled one),
     * leaving out whatever equals the caller's, which Originate, Dial and Local channel halves copy to the other
     * legs.
     *
     * @param id the call's {@code Linkedid}
     * @param channels its channels, oldest first; not null, no null element
     * @param startedAt when its oldest channel was created
     */
    public LiveCall(String id, List<LiveChannel> channels, Instant startedAt) {
        this(id, channels, startedAt, CallParties.caller(channels), CallParties.callee(channels));
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
