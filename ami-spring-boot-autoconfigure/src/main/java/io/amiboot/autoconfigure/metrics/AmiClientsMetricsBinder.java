package io.amiboot.autoconfigure.metrics;

import io.amiboot.autoconfigure.AmiClients;
import io.amiboot.client.AmiClient;
import java.util.ArrayList;
import java.util.List;

/** Binds the per-client meters of {@link AmiMetrics} to every client of {@link AmiClients}. */
public final class AmiClientsMetricsBinder implements AutoCloseable {

    private final List<AmiClient.Registration> registrations = new ArrayList<>();

    public AmiClientsMetricsBinder(AmiMetrics metrics, AmiClients clients) {
        clients.forEach(client -> registrations.add(metrics.bind(client)));
    }

    @Override
    public void close() {
        registrations.forEach(AmiClient.Registration::close);
    }
}
