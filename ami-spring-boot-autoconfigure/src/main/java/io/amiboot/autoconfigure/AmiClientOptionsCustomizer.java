package io.amiboot.autoconfigure;

import io.amiboot.client.AmiClientOptionsBuilder;

/**
 * Adjusts the options of each auto-configured {@link io.amiboot.client.AmiClient} after the {@code ami.*}
 * properties were applied. Beans of this type are applied in {@link org.springframework.core.annotation.Order}.
 *
 * <pre>{@code
 * @Bean
 * AmiClientOptionsCustomizer quietEvents() {
 *     return (server, options) -> options.eventMask("call,agent");
 * }
 * }</pre>
 *
 * <p>Threads are not options: every client runs on the starter's one {@link io.amiboot.client.AmiClientResources}
 * bean; define your own to choose its threads (the context closes it; the clients do not).
 */
@FunctionalInterface
public interface AmiClientOptionsCustomizer {

    /**
     * Adjusts the options of one server's client, once, before the client is created.
     *
     * @param server the server's name ({@value AmiProperties#DEFAULT_SERVER} for {@code ami.*})
     * @param options the builder, already holding the configured options
     */
    void customize(String server, AmiClientOptionsBuilder options);
}
