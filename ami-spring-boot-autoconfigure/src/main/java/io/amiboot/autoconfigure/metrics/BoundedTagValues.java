package io.amiboot.autoconfigure.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Admits at most {@code max} distinct tag values; later ones become {@value #OTHER}, bounding cardinality. */
final class BoundedTagValues {

    static final String OTHER = "other";

    private final Set<String> admitted = ConcurrentHashMap.newKeySet();

    private final AtomicInteger count = new AtomicInteger();

    private final int max;

    BoundedTagValues(int max) {
        this.max = Math.max(0, max);
    }

    String tag(String value) {
        if (value == null) {
            return OTHER;
        }
        if (admitted.contains(value)) {
            return value;
        }
        if (count.incrementAndGet() <= max) {
            admitted.add(value);
            return value;
        }
        count.decrementAndGet();
        return OTHER;
    }
}
