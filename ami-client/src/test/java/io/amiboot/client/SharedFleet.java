package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Many clients on one {@link AmiClientResources}, all to the same Asterisk, each remembering the UserEvent
 * markers it received: what the shared-resources ITs start, check and close.
 */
final class SharedFleet implements AutoCloseable {

    final AmiClientResources resources = AmiClientResources.builder().name("fleet").ioThreads(2).build();

    final List<AmiClient> clients = new ArrayList<>();

    private final Map<AmiClient, Set<String>> markers = new ConcurrentHashMap<>();

    SharedFleet(String url, int size) {
        for (int i = 0; i < size; i++) {
            AmiClient client = AmiClient.create(resources, AmiClientOptions.builder(url).name("fleet" + i)
                    .eventMask("user").build());
            Set<String> seen = ConcurrentHashMap.newKeySet();
            client.addEventListener(event -> {
                if (event.is("UserEvent")) {
                    seen.add(event.get("UserEvent"));
                }
            });
            markers.put(client, seen);
            clients.add(client);
        }
    }

    /** Starts every client at once and waits until all are logged in. */
    void connectAll(Duration within) throws Exception {
        CompletableFuture.allOf(clients.stream().map(AmiClient::start).toArray(CompletableFuture[]::new))
                .get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a UserEvent through the first client and waits until every client received it. */
    String broadcast(Duration within) throws Exception {
        String marker = "fleet" + UUID.randomUUID().toString().replace("-", "");
        assertThat(clients.get(0).send(AmiAction.builder("UserEvent").header("UserEvent", marker).build())
                .get(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        Awaitility.await("the UserEvent " + marker + " at every client").atMost(within).pollInterval(Duration.ofMillis(50))
                .until(() -> markers.values().stream().allMatch(seen -> seen.contains(marker)));
        return marker;
    }

    /** {@return how many live threads these resources have} */
    static long threadsNamed(String part) {
        return AmiClientTest.threadsNamed(part).size();
    }

    @Override
    public void close() {
        clients.forEach(AmiClient::close);
        resources.close();
    }
}
