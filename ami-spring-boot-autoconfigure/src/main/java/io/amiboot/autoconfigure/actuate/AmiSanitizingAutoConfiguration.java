package io.amiboot.autoconfigure.actuate;

import io.amiboot.autoconfigure.AmiClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Adds {@link AmiSanitizingFunction} when Spring Boot Actuator is present, so that AMI secrets stay hidden in the
 * {@code env} and {@code configprops} endpoints even where their values are shown. It knows the secrets of the
 * {@link AmiClients}, so it also hides them under names it could not guess.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class AmiSanitizingAutoConfiguration {

    /** Created by Spring Boot, which finds this class in {@code AutoConfiguration.imports}; not for direct use. */
    public AmiSanitizingAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(name = "amiSanitizingFunction")
    AmiSanitizingFunction amiSanitizingFunction(ObjectProvider<AmiClients> clients) {
        return new AmiSanitizingFunction(() -> clients.stream()
                .flatMap(all -> all.asMap().values().stream())
                .map(client -> client.options().url().secret())
                .toList());
    }
}
