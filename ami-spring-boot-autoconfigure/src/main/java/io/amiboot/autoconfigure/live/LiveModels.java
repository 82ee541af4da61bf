package io.amiboot.autoconfigure.live;

import io.amiboot.live.LiveModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live models of the application by server name (the names of {@link io.amiboot.autoconfigure.AmiClients}),
 * one per server that {@code ami.live-model.servers} leaves in. Immutable; {@link #close()} closes every model.
 *
 * <pre>{@code
 * List<LiveCall> londonCalls = models.get("london").snapshot().calls();
 * }</pre>
 */
public final class LiveModels implements AutoCloseable {

    private final Map<String, LiveModel> models;

    /**
     * Holds the models of the servers.
     *
     * @param models the started models by server name, in configuration order
     */
    public LiveModels(Map<String, LiveModel> models) {
        this.models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /**
     * The live model of a server.
     *
     * @param server the server's name, as in {@code ami.servers.<name>}
     * @return its model
     * @throws IllegalArgumentException naming the servers that have a model when this one has none
     */
    public LiveModel get(String server) {
        LiveModel model = models.get(server);
        if (model == null) {
            throw new IllegalArgumentException("No live model for AMI server '" + server + "'; models: " + models.keySet());
        }
        return model;
    }

    /**
     * {@return the live model of a server, if it has one}
     *
     * @param server the server's name
     */
    public Optional<LiveModel> find(String server) {
        return Optional.ofNullable(models.get(server));
    }

    /** {@return the names of the servers that have a model, in configuration order} */
    public Set<String> names() {
        return models.keySet();
    }

    /** {@return the models by server name, in configuration order (unmodifiable)} */
    public Map<String, LiveModel> asMap() {
        return models;
    }

    /** Closes every model (each stops listening to its client and stops its timer). */
    @Override
    public void close() {
        models.values().forEach(LiveModel::close);
    }

    @Override
    public String toString() {
        return "LiveModels" + models.keySet();
    }
}
