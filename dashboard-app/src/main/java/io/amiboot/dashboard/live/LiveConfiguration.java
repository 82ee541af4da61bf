package io.amiboot.dashboard.live;

import io.amiboot.autoconfigure.AmiClients;
import io.amiboot.autoconfigure.live.LiveModels;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connects the dashboard to the auto-configured AMI clients and their live models. */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    Pbxs pbxs(ObjectProvider<AmiClients> clients, ObjectProvider<LiveModels> models) {
        return new ConfiguredPbxs(clients.getIfAvailable(), models.getIfAvailable());
    }
}
