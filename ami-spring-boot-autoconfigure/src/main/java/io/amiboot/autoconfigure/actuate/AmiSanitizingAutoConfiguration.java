package io.amiboot.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Adds {@link AmiSanitizingFunction} when Spring Boot Actuator is present, so that AMI secrets stay hidden in the
 * {@code env} and {@code configprops} endpoints even where their values are shown.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class AmiSanitizingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "amiSanitizingFunction")
    AmiSanitizingFunction amiSanitizingFunction() {
        return new AmiSanitizingFunction();
    }
}
