package io.amiboot.autoconfigure;

import io.amiboot.autoconfigure.events.AmiEventInterest;
import io.amiboot.autoconfigure.events.AmiEventListenerFactory;
import io.amiboot.autoconfigure.events.AmiEventPublisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * AMI events and connection changes as application events (raw, and typed for the types some listener takes), and
 * {@code @OnAmiEvent} listener methods.
 */
@Configuration(proxyBeanMethods = false)
final class AmiEventsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AmiEventPublisher amiEventPublisher(ApplicationEventPublisher publisher, AmiClients clients, AmiProperties properties,
            AmiEventInterest amiEventInterest) {
        return new AmiEventPublisher(publisher, clients, client -> ServerSettings.of(properties, client.options().name())
                .get("events.publish", p -> p.getEvents().getPublish()).orElse(Boolean.TRUE), amiEventInterest);
    }

    @Bean
    @ConditionalOnMissingBean
    AmiEventInterest amiEventInterest(ConfigurableApplicationContext context) {
        return new AmiEventInterest(context);
    }

    @Bean
    @ConditionalOnMissingBean
    static AmiEventListenerFactory amiEventListenerFactory() {
        return new AmiEventListenerFactory();
    }
}
