package io.amiboot.autoconfigure.metrics;

import io.amiboot.autoconfigure.AmiAutoConfiguration;
import io.amiboot.autoconfigure.AmiClients;
import io.amiboot.autoconfigure.AmiProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters of the AMI clients ({@code ami.events.received}, {@code ami.actions}, {@code ami.reconnects},
 * {@code ami.events.dropped}, {@code ami.actions.in.flight}) when Micrometer and a {@link MeterRegistry} are present.
 */
@AutoConfiguration(after = AmiAutoConfiguration.class,
        afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, AmiClients.class })
public final class AmiMetricsAutoConfiguration {

    /** Created by Spring Boot, which finds this class in {@code AutoConfiguration.imports}; not for direct use. */
    public AmiMetricsAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    AmiMetrics amiMetrics(MeterRegistry registry, AmiProperties properties) {
        return new AmiMetrics(registry, properties.getMetrics().getMaxTagValues());
    }

    @Bean
    @ConditionalOnMissingBean
    AmiClientsMetricsBinder amiClientsMetricsBinder(AmiMetrics metrics, AmiClients clients) {
        return new AmiClientsMetricsBinder(metrics, clients);
    }
}
