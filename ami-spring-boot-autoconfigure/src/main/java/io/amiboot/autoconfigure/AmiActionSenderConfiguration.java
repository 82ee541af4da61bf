package io.amiboot.autoconfigure;

import io.amiboot.action.AmiActionSender;
import io.amiboot.client.AmiClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link AmiActionSender} of the single client; with several servers use {@link AmiClients#sender(String)}. */
@Configuration(proxyBeanMethods = false)
final class AmiActionSenderConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(AmiClient.class)
    AmiActionSender amiActionSender(AmiClient client, AmiClients clients) {
        String name = client.options().name();
        return clients.find(name).filter(known -> known == client).map(known -> clients.sender(name))
                .orElseGet(() -> new AmiActionSender(client));
    }
}
