package io.amiboot.dashboard.live;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionException;
import io.amiboot.client.AmiResponse;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;

/** {@link AsteriskActions} through the {@link AmiClient} bean. */
public final class ClientAsteriskActions implements AsteriskActions {

    private final ObjectProvider<AmiClient> client;

    /**
     * Actions through the client bean, looked up at each send.
     *
     * @param client the client bean; without one, every send fails with {@link AmiConnectionException}
     */
    public ClientAsteriskActions(ObjectProvider<AmiClient> client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<AmiResponse> send(AmiAction action) {
        AmiClient ami = client.getIfAvailable();
        if (ami == null) {
            return CompletableFuture.failedFuture(new AmiConnectionException("No Asterisk is configured (ami.url)"));
        }
        return ami.send(action);
    }
}
