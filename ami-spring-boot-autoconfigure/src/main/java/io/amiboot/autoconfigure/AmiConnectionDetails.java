package io.amiboot.autoconfigure;

import io.amiboot.client.AmiUrl;
import java.util.Map;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where and as whom the AMI clients log in. By default backed by {@code ami.*} properties; a
 * {@code @ServiceConnection} Asterisk container (or a bean of your own) replaces them, while the other settings
 * (timeouts, reconnect, events) still come from {@code ami.*}.
 */
public interface AmiConnectionDetails extends ConnectionDetails {

    /**
     * The servers to connect to, by name, in a stable order; {@value AmiProperties#DEFAULT_SERVER} for a single
     * server. Each {@link AmiUrl} holds host, port, user, secret and whether to use TLS.
     *
     * @return the servers' URLs by name
     */
    Map<String, AmiUrl> getServers();

    /**
     * {@return connection details of a single server named {@value AmiProperties#DEFAULT_SERVER}}
     *
     * @param url where that server is and how to log in
     */
    static AmiConnectionDetails of(AmiUrl url) {
        Map<String, AmiUrl> servers = Map.of(AmiProperties.DEFAULT_SERVER, url);
        return new AmiConnectionDetails() {

            @Override
            public Map<String, AmiUrl> getServers() {
                return servers;
            }

            @Override
            public String toString() {
                return "AmiConnectionDetails" + servers;
            }
        };
    }
}
