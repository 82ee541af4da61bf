package io.amiboot.autoconfigure;

import io.amiboot.autoconfigure.events.AmiEventListenerFactory;
import io.amiboot.autoconfigure.events.AmiEventPublisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** AMI events and connection changes as application events, and {@code @OnAmiEvent} listener methods. */
@Configuration(proxyBeanMethods = false)
final class AmiEventsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AmiEventPublisher amiEventPublisher(ApplicationEventPublisher publisher, AmiClients clients, AmiProperties properties) {
        return new AmiEventPublisher(publisher, clients, client -> ServerSettings.of(properties, client.options().name())
                .get("events.publish", p -> p.getEvents().getPublish()).orElse(Boolean.TRUE));
    }

    @Bean
    @ConditionalOnMissingBean
    static AmiEventListenerFactory amiEventListenerFactory() {
        return new AmiEventListenerFactory();
    }
}
