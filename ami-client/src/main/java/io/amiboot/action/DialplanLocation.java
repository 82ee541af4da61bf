package io.amiboot.action;

import java.util.Objects;

/**
 * A place in the dialplan: context, extension and priority, as {@code Redirect} and {@code Originate} take it.
 *
 * @param context the dialplan context, e.g. {@code from-internal}
 * @param exten the extension, e.g. {@code 600}
 * @param priority the priority, 1 for the first step
 */
public record DialplanLocation(String context, String exten, int priority) {

    /**
     * Checks the parts.
     *
     * @param context not null
     * @param exten not null
     * @param priority at least 1
     * @throws IllegalArgumentException for a priority below 1
     */    public DialplanLocation {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(exten, "exten");
        if (priority < 1) {
            throw new IllegalArgumentException("Dialplan priority must be at least 1 but is " + priority);
        }
    }

    /**
     * {@return {@code exten@context} at priority 1}
     *
     * @param context the dialplan context; not null
     * @param exten the extension; not null
     */
    public static DialplanLocation of(String context, String exten) {
        return new DialplanLocation(context, exten, 1);
    }

    @Override
    public String toString() {
        return exten + "@" + context + ":" + priority;
    }
}
