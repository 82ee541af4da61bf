package io.amiboot.live;

import java.util.Locale;

/** An Asterisk device state, read from either spelling Asterisk uses ({@code NOT_INUSE} or {@code Not in use}). */
public enum DeviceState {

    /** Asterisk does not know the state, or the value was not recognised. */
    UNKNOWN,
    /** Registered and idle. */
    NOT_INUSE,
    /** On a call. */
    INUSE,
    /** Busy: on a call and taking no other. */
    BUSY,
    /** No such device. */
    INVALID,
    /** Not reachable, e.g. not registered. */
    UNAVAILABLE,
    /** Ringing, not on a call. */
    RINGING,
    /** On a call and ringing for another. */
    RINGINUSE,
    /** On a call that is on hold. */
    ONHOLD;

    /**
     * {@return the state for an AMI value, {@link #UNKNOWN} for anything unrecognised}
     *
     * @param value either spelling, any case; or null
     */
    public static DeviceState parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        String letters = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        for (DeviceState state : values()) {
            if (state.name().replace("_", "").equals(letters)) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
