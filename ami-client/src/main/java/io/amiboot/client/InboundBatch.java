package io.amiboot.client;

import java.util.Arrays;

/**
 * The messages of one socket read, passed down the pipeline as one message so that each handler is entered
 * once per read instead of once per message; each handler replaces the items it turns into something else and
 * removes those it consumes. It goes from {@link AmiFrameDecoder} (frames) through {@link AmiMessageDecoder}
 * (events and responses) and {@link ActionCorrelator} (events) to {@link AmiSessionHandler}. Used by one event
 * loop thread at a time.
 */
final class InboundBatch {

    private static final Object[] NO_ITEMS = {};

    private Object[] items = NO_ITEMS;

    private int size;

    /** A batch of the given items, in order (for tests and benchmarks that feed a handler directly). */
    static InboundBatch of(Object... items) {
        InboundBatch batch = new InboundBatch();
        for (Object item : items) {
            batch.add(item);
        }
        return batch;
    }

    void add(Object item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, Math.max(16, size * 2));
        }
        items[size++] = item;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    Object get(int index) {
        return items[index];
    }

    /** Replaces the item at {@code index}; {@code null} removes it at the next {@link #compact()}. */
    void set(int index, Object item) {
        items[index] = item;
    }

    /** Drops the items set to {@code null}, keeping the others in order. */
    void compact() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            Object item = items[i];
            if (item != null) {
                items[kept++] = item;
            }
        }
        Arrays.fill(items, kept, size, null);
        size = kept;
    }

    @Override
    public String toString() {
        return "InboundBatch" + Arrays.toString(Arrays.copyOf(items, size));
    }
}
