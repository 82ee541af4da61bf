package io.amiboot.live;

import java.util.Locale;

/** An Asterisk device state, read from either spelling Asterisk uses ({@code NOT_INUSE} or {@code Not in use}). */
public enum DeviceState {

    UNKNOWN, NOT_INUSE, INUSE, BUSY, INVALID, UNAVAILABLE, RINGING, RINGINUSE, ONHOLD;

    /** {@return the state for an AMI value, {@link #UNKNOWN} for anything unrecognised} */
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
