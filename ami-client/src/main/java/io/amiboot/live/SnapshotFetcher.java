package io.amiboot.live;

import io.amiboot.action.ParkedCallsAction;
import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches what a rebuild of the {@link LiveModel} starts from, with the client's asynchronous actions: the
 * channels are required; the queues, endpoints, conference rooms and parked calls count as none when their action
 * fails, since a server without app_queue, PJSIP, app_confbridge or res_parking still has calls to show.
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
        // Parked calls before the rooms: each room's ConfbridgeList follows the rooms' answer, so the order is fixed.
        CompletableFuture<List<AmiEvent>> parked = list(client, ParkedCallsAction.NAME, false);
        CompletableFuture<List<AmiEvent>> conferences = conferences(client);
        return CompletableFuture.allOf(channels, queues, endpoints, conferences, parked)
                .thenApply(done -> new AmiSnapshot(channels.join(), queues.join(), endpoints.join(), conferences.join(),
                        parked.join()));
    }

    /** The {@code ConfbridgeListRooms} entries; none when it fails (Asterisk answers an error when no room is up). */
    static CompletableFuture<List<AmiEvent>> conferenceRooms(AmiClient client) {
        return list(client, "ConfbridgeListRooms", false);
    }

    /**
     * The rooms, then each room's {@code ConfbridgeList}, one action per room the rooms' list named; a room that ended
     * in between lists no one.
     */
    private static CompletableFuture<List<AmiEvent>> conferences(AmiClient client) {
        return conferenceRooms(client).thenCompose(rooms -> {
            List<CompletableFuture<List<AmiEvent>>> participants = rooms.stream().map(room -> room.get("Conference"))
                    .filter(Objects::nonNull)
                    .map(room -> list(client, AmiAction.builder("ConfbridgeList").header("Conference", room).build(), false))
                    .toList();
            return CompletableFuture.allOf(participants.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<AmiEvent> all = new ArrayList<>(rooms);
                participants.forEach(room -> all.addAll(room.join()));
                return all;
            });
        });
    }

    private static CompletableFuture<List<AmiEvent>> list(AmiClient client, String action, boolean required) {
        return list(client, AmiAction.of(action), required);
    }

    private static CompletableFuture<List<AmiEvent>> list(AmiClient client, AmiAction action, boolean required) {
        CompletableFuture<List<AmiEvent>> entries = client.send(action).thenApply(AmiResponse::events);
        if (required) {
            return entries;
        }
        return entries.exceptionally(failure -> {
            logger.debug("{} gave nothing: {}", action.name(), failure.toString());
            return List.of();
        });
    }
}
