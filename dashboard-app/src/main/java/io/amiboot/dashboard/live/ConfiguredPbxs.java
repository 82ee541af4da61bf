package io.amiboot.dashboard.live;

import io.amiboot.autoconfigure.AmiClients;
import io.amiboot.autoconfigure.AmiProperties;
import io.amiboot.autoconfigure.live.LiveModels;
import io.amiboot.client.AmiConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The servers of the auto-configured {@link AmiClients}, each with its model from {@link LiveModels} (an empty,
 * disconnected feed for a server without one). Without any client, one server named
 * {@value AmiProperties#DEFAULT_SERVER} whose board stays empty and whose actions fail as not connected, so the
 * page still opens and says so.
 */
public final class ConfiguredPbxs implements Pbxs {

    private final List<Pbx> pbxs;

    /**
     * The servers as configured at startup.
     *
     * @param clients the clients by server name, or {@code null} when no Asterisk is configured
     * @param models the live models by server name, or {@code null} when {@code ami.live-model.enabled} is off
     */
    public ConfiguredPbxs(AmiClients clients, LiveModels models) {
        List<Pbx> servers = new ArrayList<>();
        if (clients != null) {
            clients.asMap().forEach((name, client) -> servers.add(new Pbx(name,
                    models == null ? LiveFeed.NONE : models.find(name).<LiveFeed>map(ModelLiveFeed::new).orElse(LiveFeed.NONE),
                    client::send)));
        }
        if (servers.isEmpty()) {
            servers.add(new Pbx(AmiProperties.DEFAULT_SERVER, LiveFeed.NONE, action -> CompletableFuture.failedFuture(
                    new AmiConnectionException("No Asterisk is configured (ami.url)"))));
        }
        this.pbxs = List.copyOf(servers);
    }

    @Override
    public List<Pbx> all() {
        return pbxs;
    }
}
