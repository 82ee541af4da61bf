package io.amiboot.autoconfigure.live;

import io.amiboot.autoconfigure.AmiAutoConfiguration;
import io.amiboot.client.AmiClient;
import io.amiboot.live.LiveModel;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Opt-in ({@code ami.live-model.enabled=true}) {@link LiveModel} of the one (or primary) {@link AmiClient} bean. */
@AutoConfiguration(after = AmiAutoConfiguration.class)
@ConditionalOnBooleanProperty("ami.live-model.enabled")
@ConditionalOnSingleCandidate(AmiClient.class)
@EnableConfigurationProperties(LiveModelProperties.class)
public final class LiveModelAutoConfiguration {

    /** Created by Spring Boot, which finds this class in {@code AutoConfiguration.imports}; not for direct use. */
    public LiveModelAutoConfiguration() {
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    LiveModel amiLiveModel(AmiClient client, LiveModelProperties properties) {
        return new LiveModel(client, Clock.systemUTC(), properties.toLimits()).start();
    }
}
