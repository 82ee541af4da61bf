package io.amiboot.live;

import java.util.Objects;

/**
 * One party of a call as an operator names it: a number and a name, either of which may be unknown.
 *
 * @param number the party's number, e.g. {@code 1002} or a dialled extension; empty when unknown
 * @param name the party's name, e.g. {@code Bob}; empty when unknown
 */
public record LiveParty(String number, String name) {

    /** A party of whom nothing is known. */
    public static final LiveParty UNKNOWN = new LiveParty("", "");

    /**
     * Checks the parts.
     *
     * @param number the party's number; empty when unknown, not null
     * @param name the party's name; empty when unknown, not null
     */
    public LiveParty {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
    }
}
