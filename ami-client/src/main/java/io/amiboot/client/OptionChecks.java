package io.amiboot.client;

import java.time.Duration;

/** The range checks of the client's option values, each failing with a message that names the value. */
final class OptionChecks {

    private OptionChecks() {
    }

    static void requirePositive(String what, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive but is " + duration);
        }
    }

    /** {@code value} if at least {@code min}, else an error naming {@code what}. */
    static <N extends Number> N requireAtLeast(String what, long min, String unit, N value) {
        if (value.longValue() < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + unit + " but is " + value);
        }
        return value;
    }
}
