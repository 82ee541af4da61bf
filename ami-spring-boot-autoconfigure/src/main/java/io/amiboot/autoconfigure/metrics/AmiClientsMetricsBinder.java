package io.amiboot.autoconfigure.metrics;

import io.amiboot.autoconfigure.AmiClients;
import io.amiboot.client.AmiClient;
import java.util.ArrayList;
import java.util.List;

/** Binds the per-client meters of {@link AmiMetrics} to every client of {@link AmiClients}. */
public final class AmiClientsMetricsBinder implements AutoCloseable {

    private final List<AmiClient.Registration> registrations = new ArrayList<>();

    /**
     * Binds the meters to every client now; {@link #close()} stops the counting.
     *
     * @param metrics the meters to bind
     * @param clients the clients to bind them to
     */
    public AmiClientsMetricsBinder(AmiMetrics metrics, AmiClients clients) {
        clients.forEach(client -> registrations.add(metrics.bind(client)));
    }

    @Override
    public void close() {
        registrations.forEach(AmiClient.Registration::close);
    }
}
