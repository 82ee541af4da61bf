package io.amiboot.live;

import io.amiboot.action.ParkedCallsAction;
import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches what a rebuild of the {@link LiveModel} starts from, with the client's asynchronous actions: the
 * channels are required; the queues, endpoints and parked calls count as none when their action fails, since a
 * server without app_queue, PJSIP or res_parking still has calls to show.
 */
final class SnapshotFetcher {

    // Logged under LiveModel's name: that is the logger users know and configure.
    private static final Logger logger = LoggerFactory.getLogger(LiveModel.class);

    private SnapshotFetcher() {
    }

    /** The lists, fetched at once; fails when {@code CoreShowChannels} does. */
    static CompletableFuture<AmiSnapshot> fetch(AmiClient client) {
        CompletableFuture<List<AmiEvent>> channels = list(client, "CoreShowChannels", true);
        CompletableFuture<List<AmiEvent>> queues = list(client, "QueueStatus", false);
        CompletableFuture<List<AmiEvent>> endpoints = list(client, "PJSIPShowEndpoints", false);
        CompletableFuture<List<AmiEvent>> parked = list(client, ParkedCallsAction.NAME, false);
        return CompletableFuture.allOf(channels, queues, endpoints, parked)
                .thenApply(done -> new AmiSnapshot(channels.join(), queues.join(), endpoints.join(), parked.join()));
    }

    private static CompletableFuture<List<AmiEvent>> list(AmiClient client, String action, boolean required) {
        CompletableFuture<List<AmiEvent>> entries = client.send(AmiAction.of(action)).thenApply(AmiResponse::events);
        if (required) {
            return entries;
        }
        return entries.exceptionally(failure -> {
            logger.debug("{} gave nothing: {}", action, failure.toString());
            return List.of();
        });
    }
}
