package io.amiboot.autoconfigure;

import io.amiboot.action.AmiActionSender;
import io.amiboot.client.AmiClient;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AMI clients of the application by server name ({@value AmiProperties#DEFAULT_SERVER} for {@code ami.*},
 * the map keys of {@code ami.servers.*}), each with its {@link AmiActionSender}. Started and stopped with the
 * application context; {@link #close()} closes every client.
 *
 * <pre>{@code
 * AmiClient london = clients.get("london");
 * clients.sender("paris").hangup("PJSIP/1001-00000001");
 * }</pre>
 */
public final class AmiClients implements Iterable<AmiClient>, AutoCloseable {

    private final Map<String, AmiClient> clients;

    private final Map<String, AmiActionSender> senders = new ConcurrentHashMap<>();

    /**
     * Holds the clients of the configured servers.
     *
     * @param clients the clients by server name, in the order given
     */
    public AmiClients(Map<String, AmiClient> clients) {
        this.clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
    }

    /**
     * The client of a server.
     *
     * @param server the server's name, as in {@code ami.servers.<name>}
     * @return its client
     * @throws IllegalArgumentException naming the configured servers when there is no such server
     */
    public AmiClient get(String server) {
        AmiClient client = clients.get(server);
        if (client == null) {
            throw new IllegalArgumentException("No AMI server named '" + server + "'; configured: " + clients.keySet());
        }
        return client;
    }

    /**
     * {@return the client of a server, if there is such a server}
     *
     * @param server the server's name
     */
    public Optional<AmiClient> find(String server) {
        return Optional.ofNullable(clients.get(server));
    }

    /**
     * The only client, or the one named {@value AmiProperties#DEFAULT_SERVER}.
     *
     * @return that client
     * @throws IllegalStateException when there are several servers and none is named
     *         {@value AmiProperties#DEFAULT_SERVER}, or none at all
     */
    public AmiClient getDefault() {
        if (clients.size() == 1) {
            return clients.values().iterator().next();
        }
        AmiClient client = clients.get(AmiProperties.DEFAULT_SERVER);
        if (client == null) {
            throw new IllegalStateException("There are " + clients.size() + " AMI servers " + clients.keySet()
                    + " and none is named '" + AmiProperties.DEFAULT_SERVER + "'; pick one with AmiClients.get(name)");
        }
        return client;
    }

    /**
     * {@return the action sender of a server's client}
     *
     * @param server the server's name
     * @throws IllegalArgumentException naming the configured servers when there is no such server
     */
    public AmiActionSender sender(String server) {
        AmiClient client = get(server);
        return senders.computeIfAbsent(server, name -> new AmiActionSender(client));
    }

    /** {@return the server names, in configuration order} */
    public Set<String> names() {
        return clients.keySet();
    }

    /** {@return the clients by server name, in configuration order (unmodifiable)} */
    public Map<String, AmiClient> asMap() {
        return clients;
    }

    /** {@return how many servers there are} */
    public int size() {
        return clients.size();
    }

    @Override
    public Iterator<AmiClient> iterator() {
        return clients.values().iterator();
    }

    /** Closes every client (logging off those that are connected). */
    @Override
    public void close() {
        clients.values().forEach(AmiClient::close);
    }

    @Override
    public String toString() {
        return "AmiClients" + clients.values();
    }
}
