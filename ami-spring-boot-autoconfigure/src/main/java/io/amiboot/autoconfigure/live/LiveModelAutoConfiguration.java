package io.amiboot.autoconfigure.live;

import io.amiboot.autoconfigure.AmiAutoConfiguration;
import io.amiboot.autoconfigure.AmiClients;
import io.amiboot.autoconfigure.InvalidAmiPropertyException;
import io.amiboot.client.AmiClient;
import io.amiboot.live.LiveModel;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Opt-in ({@code ami.live-model.enabled=true}) {@link LiveModels}: a {@link LiveModel} per server of
 * {@link AmiClients} (or per server of {@code ami.live-model.servers}), and the {@link LiveModel} bean of a single
 * (or primary) {@link AmiClient}. An application's own {@link LiveModel} bean replaces both.
 */
@AutoConfiguration(after = AmiAutoConfiguration.class)
@ConditionalOnBooleanProperty("ami.live-model.enabled")
@ConditionalOnBean(AmiClients.class)
@EnableConfigurationProperties(LiveModelProperties.class)
public final class LiveModelAutoConfiguration {

    /** Created by Spring Boot, which finds this class in {@code AutoConfiguration.imports}; not for direct use. */
    public LiveModelAutoConfiguration() {
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean({ LiveModels.class, LiveModel.class })
    LiveModels amiLiveModels(AmiClients clients, LiveModelProperties properties) {
        List<String> servers = properties.getServers().isEmpty() ? List.copyOf(clients.names()) : properties.getServers();
        for (String server : servers) {
            if (clients.find(server).isEmpty()) {
                throw new InvalidAmiPropertyException("ami.live-model.servers", "names '" + server
                        + "', which is not a configured AMI server", "Name servers among " + clients.names());
            }
        }
        Map<String, LiveModel> models = new LinkedHashMap<>();
        try {
            // In configuration order, whatever order the property lists them in.
            clients.asMap().forEach((name, client) -> {
                if (servers.contains(name)) {
                    models.put(name, new LiveModel(client, Clock.systemUTC(), properties.toLimits(),
                            properties.toKpiSettings()).start());
                }
            });
        }
        catch (RuntimeException ex) {
            models.values().forEach(LiveModel::close);
            throw ex;
        }
        return new LiveModels(models);
    }

    /** The model of the one client, for applications of a single server; {@link LiveModels} closes it. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(AmiClient.class)
    LiveModel amiLiveModel(AmiClient client, LiveModels models) {
        String server = client.options().name();
        return models.find(server).orElseThrow(() -> new InvalidAmiPropertyException("ami.live-model.servers",
                "leaves out '" + server + "', the only AMI server", "Remove ami.live-model.servers or name '" + server + "' in it"));
    }
}
