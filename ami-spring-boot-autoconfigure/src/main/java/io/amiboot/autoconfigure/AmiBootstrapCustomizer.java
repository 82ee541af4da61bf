package io.amiboot.autoconfigure;

import io.netty.bootstrap.Bootstrap;

/**
 * Adjusts the Netty {@link Bootstrap} of each auto-configured client (socket options, resolver, local address)
 * before it connects. Beans of this type are applied in {@link org.springframework.core.annotation.Order}, after
 * the client set its own options (connect timeout, {@code TCP_NODELAY}, {@code SO_KEEPALIVE}).
 *
 * <pre>{@code
 * @Bean
 * AmiBootstrapCustomizer sourceAddress() {
 *     return (server, bootstrap) -> bootstrap.localAddress("10.0.0.5", 0);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface AmiBootstrapCustomizer {

    /**
     * Adjusts the bootstrap of one server's client, once, before its first connection attempt.
     *
     * @param server the server's name ({@value AmiProperties#DEFAULT_SERVER} for {@code ami.*})
     * @param bootstrap the bootstrap the client clones for each connection attempt
     */
    void customize(String server, Bootstrap bootstrap);
}
