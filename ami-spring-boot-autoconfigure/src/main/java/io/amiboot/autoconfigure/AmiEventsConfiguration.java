package io.amiboot.autoconfigure;

import io.amiboot.autoconfigure.events.AmiEventListenerFactory;
import io.amiboot.autoconfigure.events.AmiEventPublisher;
import io.amiboot.autoconfigure.events.TypedEventInterest;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * AMI events and connection changes as application events (raw, and typed for the types some listener takes), and
 * {@code @OnAmiEvent} listener methods.
 */
@Configuration(proxyBeanMethods = false)
final class AmiEventsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AmiEventPublisher amiEventPublisher(ApplicationEventPublisher publisher, AmiClients clients, AmiProperties properties,
            TypedEventInterest amiTypedEventInterest) {
        return new AmiEventPublisher(publisher, clients, client -> ServerSettings.of(properties, client.options().name())
                .get("events.publish", p -> p.getEvents().getPublish()).orElse(Boolean.TRUE), amiTypedEventInterest);
    }

    @Bean
    @ConditionalOnMissingBean
    TypedEventInterest amiTypedEventInterest(ConfigurableApplicationContext context) {
        Supplier<Collection<ApplicationListener<?>>> registered = context instanceof AbstractApplicationContext abstractContext
                ? abstractContext::getApplicationListeners : List::of;
        return new TypedEventInterest(registered,
                () -> context.getBeansOfType(ApplicationListener.class, false, false).values().stream()
                        .<ApplicationListener<?>>map(listener -> (ApplicationListener<?>) listener).toList());
    }

    @Bean
    @ConditionalOnMissingBean
    static AmiEventListenerFactory amiEventListenerFactory() {
        return new AmiEventListenerFactory();
    }
}
