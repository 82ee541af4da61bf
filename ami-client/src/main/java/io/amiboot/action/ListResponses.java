package io.amiboot.action;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** How the shortcuts send a list action: what they hand back is the list's entries, once the whole list is in. */
final class ListResponses {

    private ListResponses() {
    }

    static CompletableFuture<List<AmiEvent>> entries(AmiClient client, AmiAction listAction) {
        return client.send(listAction).thenApply(AmiResponse::events);
    }
}
