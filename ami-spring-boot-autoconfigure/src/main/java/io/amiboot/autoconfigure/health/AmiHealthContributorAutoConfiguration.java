package io.amiboot.autoconfigure.health;

import io.amiboot.autoconfigure.AmiAutoConfiguration;
import io.amiboot.autoconfigure.AmiClients;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code ami} health contributor, one entry per server ({@code /actuator/health/ami/<server>}), when Spring
 * Boot's health support is present; {@code management.health.ami.enabled=false} turns it off.
 */
@AutoConfiguration(after = AmiAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(AmiClients.class)
@ConditionalOnEnabledHealthIndicator("ami")
public final class AmiHealthContributorAutoConfiguration {

    /** Created by Spring Boot, which finds this class in {@code AutoConfiguration.imports}; not for direct use. */
    public AmiHealthContributorAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(name = "amiHealthContributor")
    AmiHealthContributor amiHealthContributor(AmiClients clients) {
        return new AmiHealthContributor(clients);
    }
}
