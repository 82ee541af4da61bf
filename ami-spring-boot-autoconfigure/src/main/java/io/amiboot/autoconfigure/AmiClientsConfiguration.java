package io.amiboot.autoconfigure;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.AmiClientResources;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The clients: from {@link AmiConnectionDetails} and {@code ami.*}, or the application's own {@link AmiClient} beans. */
@Configuration(proxyBeanMethods = false)
final class AmiClientsConfiguration {

    /**
     * One set of threads for every server in {@code ami.servers.*} (I/O threads as many as the cores, event and
     * callback pools), so a hundred servers cost a few threads rather than three each. The context closes it
     * after the clients, which the lifecycle closes first and which never close resources they were given.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    AmiClientResources amiClientResources() {
        return AmiClientResources.builder().name("shared").ioThreads(Runtime.getRuntime().availableProcessors()).build();
    }

    @Bean
    @ConditionalOnMissingBean({ AmiClients.class, AmiClient.class })
    AmiClients amiClients(AmiProperties properties, AmiConnectionDetails connectionDetails,
            ObjectProvider<SslBundles> sslBundles, ObjectProvider<AmiClientOptionsCustomizer> optionsCustomizers,
            ObjectProvider<AmiBootstrapCustomizer> bootstrapCustomizers, ObjectProvider<AmiClientResources> sharedResources) {
        AmiClientOptionsFactory factory = new AmiClientOptionsFactory(properties, sslBundles.getIfAvailable(),
                optionsCustomizers.orderedStream().toList(), bootstrapCustomizers.orderedStream().toList());
        AmiClientResources resources = sharedResources.getIfUnique();
        Map<String, AmiClient> clients = new LinkedHashMap<>();
        try {
            connectionDetails.getServers().forEach((name, url) -> clients.put(name, create(resources, factory.create(name, url))));
        }
        catch (RuntimeException ex) {
            clients.values().forEach(AmiClient::close);
            throw ex;
        }
        return new AmiClients(clients);
    }

    /** On the {@link AmiClientResources} bean (the starter's or the application's, closed by the context) if unique, else its own. */
    private static AmiClient create(AmiClientResources resources, AmiClientOptions options) {
        return resources != null ? AmiClient.create(resources, options) : AmiClient.create(options);
    }

    /** The application defined its own {@link AmiClient} beans: manage, publish and observe those. */
    @Bean
    @ConditionalOnMissingBean(AmiClients.class)
    @ConditionalOnBean(AmiClient.class)
    AmiClients amiClientsOfApplicationBeans(ObjectProvider<AmiClient> applicationClients) {
        Map<String, AmiClient> clients = new LinkedHashMap<>();
        applicationClients.orderedStream().forEach(client -> {
            if (clients.putIfAbsent(client.options().name(), client) != null) {
                throw new IllegalStateException("Two AmiClient beans have the name '" + client.options().name()
                        + "'; give each a distinct AmiClientOptionsBuilder.name(...)");
            }
        });
        return new AmiClients(clients);
    }

    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean(AmiClient.class)
    @Conditional(AmiServerCount.SingleServer.class)
    AmiClient amiClient(AmiClients clients) {
        return clients.getDefault();
    }

    @Bean
    @ConditionalOnMissingBean
    AmiClientsLifecycle amiClientsLifecycle(AmiClients clients, AmiProperties properties) {
        return new AmiClientsLifecycle(clients, properties.getStartup());
    }
}
