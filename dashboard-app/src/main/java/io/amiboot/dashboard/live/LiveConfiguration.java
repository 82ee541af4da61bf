package io.amiboot.dashboard.live;

import io.amiboot.live.LiveModel;
import io.amiboot.client.AmiClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connects the dashboard to the auto-configured AMI client and live model. */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    LiveFeed liveFeed(ObjectProvider<LiveModel> model) {
        return new ModelLiveFeed(model);
    }

    @Bean
    AsteriskActions asteriskActions(ObjectProvider<AmiClient> client) {
        return new ClientAsteriskActions(client);
    }
}
