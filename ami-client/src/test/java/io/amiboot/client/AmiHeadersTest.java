package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Headers located lazily: the same as located eagerly, on any thread, and however many threads read them first. */
class AmiHeadersTest {

    private static final String MESSAGE = "Event: Newchannel\r\nPrivilege: call,all\r\nChannel: PJSIP/1001-0000002a\r\n"
            + "NoColonHere\r\n:leading colon\r\nCallerIDName: A: B\r\nEmpty:\r\nBare LF: yes\nLast:  two spaces\r\n";

    @Test
    void locatingFindsNamesAndValuesAsTheEagerParserDoes() {
        byte[] data = MESSAGE.getBytes(StandardCharsets.US_ASCII);
        AmiHeaders lazy = new AmiHeaders(data);
        assertThat(lazy.toList()).containsExactly(Map.entry("Event", "Newchannel"), Map.entry("Privilege", "call,all"),
                Map.entry("Channel", "PJSIP/1001-0000002a"), Map.entry("CallerIDName", "A: B"), Map.entry("Empty", ""),
                Map.entry("Bare LF", "yes"), Map.entry("Last", " two spaces"));
        assertThat(lazy).isEqualTo(new AmiMessageDecoder().parse(data).headers());
    }

    @Test
    void longAndShortLinesAcrossWordBoundaries() {
        StringBuilder text = new StringBuilder();
        List<Map.Entry<String, String>> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = "N" + "x".repeat(i % 11);
            String value = "v:" + "y".repeat(i * 7 % 23);
            text.append(name).append(": ").append(value).append(i % 3 == 0 ? "\n" : "\r\n");
            expected.add(Map.entry(name, value));
        }
        assertThat(new AmiHeaders(text.toString().getBytes(StandardCharsets.US_ASCII)).toList()).isEqualTo(expected);
    }

    @Test
    void threadsReadingFirstAllSeeTheSameHeaders() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                AmiHeaders headers = new AmiHeaders(MESSAGE.getBytes(StandardCharsets.US_ASCII));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<Map.Entry<String, String>>>> reads = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    reads.add(pool.submit(() -> {
                        go.await();
                        return headers.toList();
                    }));
                }
                go.countDown();
                for (Future<List<Map.Entry<String, String>>> read : reads) {
                    assertThat(read.get(10, TimeUnit.SECONDS)).hasSize(7).first().isEqualTo(Map.entry("Event", "Newchannel"));
                }
            }
        }
        finally {
            pool.shutdownNow();
        }
    }
}
