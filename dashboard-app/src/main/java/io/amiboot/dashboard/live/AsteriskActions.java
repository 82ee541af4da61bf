package io.amiboot.dashboard.live;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiResponse;
import java.util.concurrent.CompletableFuture;

/** Sends actions to the dashboard's Asterisk. */
@FunctionalInterface
public interface AsteriskActions {

    /** Sends the action; the future fails as {@code AmiClient.send} does. */
    CompletableFuture<AmiResponse> send(AmiAction action);
}
