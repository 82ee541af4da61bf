package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboundBatchTest {

    @Test
    void compactDropsTheRemovedItemsAndKeepsTheOrderOfTheOthers() {
        InboundBatch batch = new InboundBatch();
        for (int i = 0; i < 40; i++) {
            batch.add(i);
        }
        for (int i = 0; i < 40; i += 3) {
            batch.set(i, null);
        }
        batch.compact();
        assertThat(batch.size()).isEqualTo(26);
        assertThat(batch.get(0)).isEqualTo(1);
        assertThat(batch.get(1)).isEqualTo(2);
        assertThat(batch.get(2)).isEqualTo(4);
        assertThat(batch.get(25)).isEqualTo(38);
        assertThat(batch.toString()).startsWith("InboundBatch[1, 2, 4, 5, 7, 8, 10,").endsWith("37, 38]");
    }

    @Test
    void aBatchWhoseItemsAreAllRemovedIsEmpty() {
        InboundBatch batch = InboundBatch.of("a", "b");
        batch.set(0, null);
        batch.set(1, null);
        batch.compact();
        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch).hasToString("InboundBatch[]");
    }
}
