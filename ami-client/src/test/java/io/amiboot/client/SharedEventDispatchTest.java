package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Event delivery on shared resources: one event thread for two servers, and yet a listener blocked on one
 * server's event holds up none of the other's (a fixed pool of that one thread would stop both).
 */
class SharedEventDispatchTest {

    private final CountDownLatch release = new CountDownLatch(1);

    private ScriptedAmiPeer east;

    private ScriptedAmiPeer west;

    private AmiClientResources shared;

    @BeforeEach
    void start() throws Exception {
        east = new ScriptedAmiPeer();
        west = new ScriptedAmiPeer();
        shared = AmiClientResources.builder().name("dispatch").eventThreads(1).maxEventThreads(4).build();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        shared.close();
        east.close();
        west.close();
    }

    private AmiClient connect(ScriptedAmiPeer peer, String name) throws Exception {
        return AmiClient.create(shared, AmiClientOptions.builder(peer.url("admin", "s3cret")).name(name)
                .keepaliveInterval(Duration.ZERO).build()).connect().get(10, TimeUnit.SECONDS);
    }

    private static String numbered(String name, int from, int to) {
        StringBuilder events = new StringBuilder();
        for (int i = from; i < to; i++) {
            events.append("Event: ").append(name).append("\r\nN: ").append(i).append("\r\n\r\n");
        }
        return events.toString();
    }

    @Test
    void aListenerBlockedOnOneServersEventDelaysNoEventOfAnother() throws Exception {
        AmiClient eastClient = connect(east, "east");
        AmiClient westClient = connect(west, "west");
        List<String> eastSeen = new CopyOnWriteArrayList<>();
        List<String> westSeen = new CopyOnWriteArrayList<>();
        CountDownLatch blocked = new CountDownLatch(1);
        eastClient.addEventListener(event -> {
            if (event.is("Block")) {
                blocked.countDown();
                try {
                    release.await();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            else if (event.is("East")) {
                eastSeen.add(event.get("N"));
            }
        });
        westClient.addEventListener(event -> {
            if (event.is("West")) {
                westSeen.add(event.get("N") + "@" + Thread.currentThread().getName());
            }
        });
        east.send("Event: Block\r\n\r\n");
        assertThat(blocked.await(10, TimeUnit.SECONDS)).as("east's listener entered the blocking event").isTrue();
        east.send(numbered("East", 0, 100));
        Awaitility.await("east's events read and buffered").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10)).until(() -> eastClient.bufferedEvents() == 100);

        west.send(numbered("West", 0, 1000));
        Awaitility.await("west's events while east's listener blocks").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10)).until(() -> westSeen.size() == 1000);
        assertThat(westSeen).allSatisfy(seen -> assertThat(seen).contains("@ami-events-dispatch-"));
        assertThat(westSeen.stream().map(seen -> seen.substring(0, seen.indexOf('@'))).toList())
                .as("west's events in wire order").isEqualTo(java.util.stream.IntStream.range(0, 1000)
                        .mapToObj(Integer::toString).toList());
        assertThat(eastSeen).as("east's events wait behind its blocked listener").isEmpty();

        release.countDown();
        Awaitility.await("east's events after the listener returned").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10)).until(() -> eastSeen.size() == 100);
        assertThat(eastSeen).as("east's events in wire order").isEqualTo(java.util.stream.IntStream.range(0, 100)
                .mapToObj(Integer::toString).toList());
        eastClient.close();
        westClient.close();
    }

    @Test
    void aListenerThatClosesItsOwnClientDoesNotWaitForItself() throws Exception {
        AmiClient client = connect(east, "closer");
        CountDownLatch closed = new CountDownLatch(1);
        client.addEventListener(event -> {
            if (event.is("Close")) {
                client.close();
                closed.countDown();
            }
        });
        east.send("Event: Close\r\n\r\n");
        // Joining its own drain would wait the full stop timeout of 2 s.
        assertThat(closed.await(1500, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(client.state()).isEqualTo(AmiConnectionState.CLOSED);
    }
}
