package io.amiboot.autoconfigure.health;

import io.amiboot.autoconfigure.AmiClients;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/** The {@code ami} health: one {@link AmiHealthIndicator} per server, named after it. */
public final class AmiHealthContributor implements CompositeHealthContributor, AutoCloseable {

    private final Map<String, AmiHealthIndicator> indicators = new LinkedHashMap<>();

    private final CompositeHealthContributor delegate;

    /**
     * Creates one indicator per client, each listening to its client until {@link #close()}.
     *
     * @param clients the clients, whose names become the contributors' names
     */
    public AmiHealthContributor(AmiClients clients) {
        clients.asMap().forEach((name, client) -> indicators.put(name, new AmiHealthIndicator(client)));
        this.delegate = CompositeHealthContributor.fromMap(indicators);
    }

    @Override
    public HealthContributor getContributor(String name) {
        return delegate.getContributor(name);
    }

    @Override
    public Stream<Entry> stream() {
        return delegate.stream();
    }

    @Override
    public void close() {
        indicators.values().forEach(AmiHealthIndicator::close);
    }
}
