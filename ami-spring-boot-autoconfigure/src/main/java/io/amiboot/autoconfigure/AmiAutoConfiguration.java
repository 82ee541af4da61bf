package io.amiboot.autoconfigure;

import io.amiboot.client.AmiClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures AMI clients when {@code ami.url}, {@code ami.host} or {@code ami.servers.*} is set (or an
 * {@link AmiConnectionDetails}, {@link AmiClient} or {@link AmiClients} bean exists) and {@code ami.enabled} is not
 * false: {@link AmiClients} with one client per server, the {@link AmiClient} and
 * {@link io.amiboot.action.AmiActionSender} of a single server, AMI events as application events, and
 * a lifecycle that starts and stops the clients with the context.
 */
@AutoConfiguration(after = SslAutoConfiguration.class,
        afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnClass(AmiClient.class)
@ConditionalOnBooleanProperty(name = "ami.enabled", matchIfMissing = true)
@Conditional(AmiAutoConfiguration.AmiConfiguredCondition.class)
@EnableConfigurationProperties(AmiProperties.class)
@Import({ AmiClientsConfiguration.class, AmiActionSenderConfiguration.class, AmiEventsConfiguration.class })
public final class AmiAutoConfiguration {

    /** Created by Spring Boot, which finds this class in {@code AutoConfiguration.imports}; not for direct use. */
    public AmiAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(AmiConnectionDetails.class)
    PropertiesAmiConnectionDetails amiConnectionDetails(AmiProperties properties) {
        return new PropertiesAmiConnectionDetails(properties);
    }

    /** Something says which Asterisk to talk to. */
    static final class AmiConfiguredCondition extends AnyNestedCondition {

        AmiConfiguredCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = "ami.url")
        static final class Url {
        }

        @ConditionalOnProperty(name = "ami.host")
        static final class Host {
        }

        @Conditional(AmiServerCount.ServersConfigured.class)
        static final class Servers {
        }

        @ConditionalOnBean(AmiConnectionDetails.class)
        static final class Details {
        }

        @ConditionalOnBean(AmiClient.class)
        static final class Client {
        }

        @ConditionalOnBean(AmiClients.class)
        static final class Clients {
        }
    }
}
