package io.amiboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.action.AmiActionSender;
import io.amiboot.autoconfigure.events.AmiEventListenerFactory;
import io.amiboot.autoconfigure.events.AmiEventPublisher;
import io.amiboot.client.AmiAuthType;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.ReconnectPolicy;
import io.amiboot.client.AmiConnectionState;
import io.amiboot.client.AmiUrl;
import io.amiboot.client.EventOverflowPolicy;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import io.netty.channel.ChannelOption;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The auto-configuration in application contexts, without Asterisk (or against a fake one). */
class AmiAutoConfigurationTest {

    /** Nothing listens on port 1: the clients keep reconnecting in the background. */
    static final String DOWN_URL = "ami://amiboot:s3cr3t@127.0.0.1:1";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AmiAutoConfiguration.class, SslAutoConfiguration.class));

    @Test
    void aUrlGivesTheBeansAndTheApplicationStartsWhileAsteriskIsDown() {
        AtomicReference<AmiClient> client = new AtomicReference<>();
        runner.withPropertyValues("ami.url=" + DOWN_URL).run(context -> {
            assertThat(context).hasNotFailed()
                    .hasSingleBean(AmiProperties.class)
                    .hasSingleBean(PropertiesAmiConnectionDetails.class)
                    .hasSingleBean(AmiClients.class)
                    .hasSingleBean(AmiClient.class)
                    .hasSingleBean(AmiActionSender.class)
                    .hasSingleBean(AmiClientsLifecycle.class)
                    .hasSingleBean(AmiEventPublisher.class)
                    .hasSingleBean(AmiEventListenerFactory.class);
            AmiClient bean = context.getBean(AmiClient.class);
            client.set(bean);
            assertThat(bean).isSameAs(context.getBean(AmiClients.class).get(AmiProperties.DEFAULT_SERVER));
            assertThat(bean.options().name()).isEqualTo("default");
            assertThat(bean.options().url()).hasToString("ami://amiboot:******@127.0.0.1:1");
            assertThat(context.getBean(AmiActionSender.class).client()).isSameAs(bean);
            assertThat(context.getBean(AmiClientsLifecycle.class).isRunning()).isTrue();
            assertThat(bean.state()).isIn(AmiConnectionState.CONNECTING, AmiConnectionState.DISCONNECTED);
        });
        assertThat(client.get().state()).isEqualTo(AmiConnectionState.CLOSED);
    }

    @Test
    void nothingWithoutAServer() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AmiClients.class)
                .doesNotHaveBean(AmiClient.class).doesNotHaveBean(AmiProperties.class));
    }

    @Test
    void nothingWhenDisabled() {
        runner.withPropertyValues("ami.enabled=false", "ami.url=" + DOWN_URL).run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(AmiClients.class).doesNotHaveBean(AmiClient.class)
                .doesNotHaveBean(AmiActionSender.class));
    }

    @Test
    void hostPortUsernameAndSecretFormTheUrl() {
        runner.withPropertyValues("ami.host=pbx.example.org", "ami.port=15038", "ami.username=admin", "ami.secret=pa:ss@word")
                .run(context -> {
                    AmiUrl url = context.getBean(AmiConnectionDetails.class).getServers().get("default");
                    assertThat(url).isEqualTo(new AmiUrl(false, "pbx.example.org", 15038, "admin", "pa:ss@word"));
                    assertThat(context.getBean(AmiClient.class).options().url()).isEqualTo(url);
                });
    }

    @Test
    void aUrlWithoutASecretTakesTheSecretProperty() {
        runner.withPropertyValues("ami.url=ami://admin@pbx.example.org:15038", "ami.secret=kept-apart",
                "ami.servers.paris.url=ami://paris@paris.example.org", "ami.servers.london.url=ami://london:own@london.example.org")
                .run(context -> {
                    Map<String, AmiUrl> servers = context.getBean(AmiConnectionDetails.class).getServers();
                    assertThat(servers.get("default")).isEqualTo(new AmiUrl(false, "pbx.example.org", 15038, "admin", "kept-apart"));
                    assertThat(servers.get("paris").secret()).as("inherited from ami.secret").isEqualTo("kept-apart");
                    assertThat(servers.get("london").secret()).as("the URL's own secret wins").isEqualTo("own");
                });
    }

    @Test
    void sslEnabledWithoutPortUsesTheTlsPort() {
        runner.withPropertyValues("ami.host=pbx", "ami.username=admin", "ami.secret=x", "ami.ssl.enabled=true")
                .run(context -> assertThat(context.getBean(AmiClient.class).options().url())
                        .isEqualTo(new AmiUrl(true, "pbx", 5039, "admin", "x")));
    }

    @Test
    void durationsAndNestedGroupsBind() {
        runner.withPropertyValues("ami.url=" + DOWN_URL, "ami.connect-timeout=250ms", "ami.action-timeout=3s",
                "ami.keepalive-interval=0", "ami.native-transport=true", "ami.max-unanswered-actions=64", "ami.auth-type=md5", "ami.events.mask=call,agent",
                "ami.events.buffer-size=128", "ami.events.overflow-policy=drop-oldest", "ami.events.publish=false",
                "ami.reconnect.enabled=true", "ami.reconnect.initial-delay=100ms", "ami.reconnect.max-delay=2s",
                "ami.reconnect.multiplier=1.5", "ami.reconnect.jitter=0", "ami.reconnect.reset-after=45s",
                "ami.events.buffer-bytes=8MB", "ami.max-list-bytes=2MB", "ami.startup.timeout=1m",
                "ami.metrics.max-tag-values=7").run(context -> {
                    AmiProperties properties = context.getBean(AmiProperties.class);
                    assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofMillis(250));
                    assertThat(properties.getStartup().getTimeout()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(properties.getMetrics().getMaxTagValues()).isEqualTo(7);
                    assertThat(properties.getEvents().getPublish()).isFalse();
                    AmiClientOptions options = context.getBean(AmiClient.class).options();
                    assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(250));
                    assertThat(options.actionTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(options.keepaliveInterval()).isZero();
                    assertThat(options.nativeTransport()).isTrue();
                    assertThat(options.maxUnansweredActions()).isEqualTo(64);
                    assertThat(options.authType()).isEqualTo(AmiAuthType.MD5);
                    assertThat(options.eventMask()).isEqualTo("call,agent");
                    assertThat(options.eventBufferSize()).isEqualTo(128);
                    assertThat(options.overflowPolicy()).isEqualTo(EventOverflowPolicy.DROP_OLDEST);
                    assertThat(options.reconnect()).isEqualTo(new ReconnectPolicy(true, Duration.ofMillis(100),
                            Duration.ofSeconds(2), 1.5, 0.0, Duration.ofSeconds(45)));
                    assertThat(options.eventBufferBytes()).isEqualTo(8L * 1024 * 1024);
                    assertThat(options.maxListBytes()).isEqualTo(2L * 1024 * 1024);
                });
    }

    @Test
    void unsetSettingsKeepTheClientDefaults() {
        AmiClientOptions defaults = AmiClientOptions.builder(DOWN_URL).build();
        runner.withPropertyValues("ami.url=" + DOWN_URL).run(context -> {
            AmiClientOptions options = context.getBean(AmiClient.class).options();
            assertThat(options.connectTimeout()).isEqualTo(defaults.connectTimeout());
            assertThat(options.actionTimeout()).isEqualTo(defaults.actionTimeout());
            assertThat(options.keepaliveInterval()).isEqualTo(defaults.keepaliveInterval());
            assertThat(options.nativeTransport()).isEqualTo(defaults.nativeTransport());
            assertThat(options.maxUnansweredActions()).isEqualTo(defaults.maxUnansweredActions());
            assertThat(options.authType()).isEqualTo(defaults.authType());
            assertThat(options.eventMask()).isEqualTo(defaults.eventMask());
            assertThat(options.eventBufferSize()).isEqualTo(defaults.eventBufferSize());
            assertThat(options.eventBufferBytes()).isEqualTo(defaults.eventBufferBytes());
            assertThat(options.maxListBytes()).isEqualTo(defaults.maxListBytes());
            assertThat(options.overflowPolicy()).isEqualTo(defaults.overflowPolicy());
            assertThat(options.reconnect()).isEqualTo(defaults.reconnect());
            assertThat(options.sslContext()).isNull();
        });
    }

    @Test
    void severalServersEachGetAClientAndInheritWhatTheyLeaveUnset() {
        runner.withPropertyValues("ami.action-timeout=4s", "ami.username=amiboot", "ami.secret=s3cr3t",
                "ami.events.mask=call", "ami.servers.london.host=10.0.0.1", "ami.servers.paris.url=ami://p:q@10.0.0.2:5039",
                "ami.servers.paris.action-timeout=7s", "ami.servers.paris.reconnect.max-delay=5s",
                "ami.servers.paris.events.publish=false").run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(AmiClient.class).doesNotHaveBean(AmiActionSender.class);
                    AmiClients clients = context.getBean(AmiClients.class);
                    assertThat(clients.names()).containsExactly("london", "paris");
                    AmiClientOptions london = clients.get("london").options();
                    assertThat(london.name()).isEqualTo("london");
                    assertThat(london.url()).isEqualTo(new AmiUrl(false, "10.0.0.1", 5038, "amiboot", "s3cr3t"));
                    assertThat(london.actionTimeout()).isEqualTo(Duration.ofSeconds(4));
                    assertThat(london.eventMask()).isEqualTo("call");
                    AmiClientOptions paris = clients.get("paris").options();
                    assertThat(paris.url()).isEqualTo(new AmiUrl(false, "10.0.0.2", 5039, "p", "q"));
                    assertThat(paris.actionTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(paris.eventMask()).isEqualTo("call");
                    assertThat(paris.reconnect().maxDelay()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(paris.reconnect().initialDelay()).isEqualTo(ReconnectPolicy.DEFAULT.initialDelay());
                    assertThat(clients.sender("paris").server()).isEqualTo("paris");
                    assertThat(clients.sender("paris")).isSameAs(clients.sender("paris"));
                    assertThat(context.getBean(AmiProperties.class).getServers().get("paris").getEvents().getPublish()).isFalse();
                });
    }

    @Test
    void theUrlServerIsNamedDefaultBesideTheOthers() {
        runner.withPropertyValues("ami.url=" + DOWN_URL, "ami.servers.backup.url=ami://a:b@127.0.0.1:2").run(context -> {
            assertThat(context.getBean(AmiClients.class).names()).containsExactly("default", "backup");
            assertThat(context).doesNotHaveBean(AmiClient.class);
            assertThat(context.getBean(AmiClients.class).getDefault().options().name()).isEqualTo("default");
        });
    }

    @Test
    void theApplicationsClientWins() {
        runner.withPropertyValues("ami.url=" + DOWN_URL).withUserConfiguration(OwnClient.class).run(context -> {
            AmiClient own = context.getBean(AmiClient.class);
            assertThat(own.options().name()).isEqualTo("mine");
            assertThat(context.getBean(AmiClients.class).names()).containsExactly("mine");
            assertThat(context.getBean(AmiActionSender.class).client()).isSameAs(own);
            assertThat(own.state()).as("started by the lifecycle").isNotEqualTo(AmiConnectionState.NEW);
        });
    }

    @Test
    void theApplicationsClientAloneActivatesTheRest() {
        runner.withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasSingleBean(AmiClients.class).hasSingleBean(AmiEventPublisher.class)
                    .hasSingleBean(AmiClientsLifecycle.class).hasSingleBean(AmiActionSender.class);
        });
    }

    @Test
    void theApplicationsConnectionDetailsWin() {
        runner.withPropertyValues("ami.url=" + DOWN_URL, "ami.action-timeout=2s").withUserConfiguration(OwnDetails.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(PropertiesAmiConnectionDetails.class);
                    AmiClientOptions options = context.getBean(AmiClient.class).options();
                    assertThat(options.url().port()).isEqualTo(2);
                    assertThat(options.actionTimeout()).as("other settings still from ami.*").isEqualTo(Duration.ofSeconds(2));
                });
    }

    @Test
    void theApplicationsConnectionDetailsAloneActivateTheAutoConfiguration() {
        runner.withUserConfiguration(OwnDetails.class).run(context ->
                assertThat(context.getBean(AmiClient.class).options().url().port()).isEqualTo(2));
    }

    @Test
    void theApplicationsSenderAndClientsWin() {
        runner.withPropertyValues("ami.url=" + DOWN_URL).withUserConfiguration(OwnClients.class).run(context -> {
            assertThat(context.getBean(AmiClients.class).names()).containsExactly("custom");
            assertThat(context.getBean(AmiActionSender.class)).isSameAs(context.getBean(OwnClients.class).sender);
            assertThat(context).getBeans(AmiClient.class).hasSize(1);
        });
    }

    @Test
    void customizersAreAppliedInOrder() {
        runner.withPropertyValues("ami.url=" + DOWN_URL, "ami.action-timeout=9s").withUserConfiguration(Customizers.class)
                .run(context -> {
                    Customizers customizers = context.getBean(Customizers.class);
                    assertThat(customizers.calls).containsExactly("options first default", "options second default",
                            "bootstrap first default", "bootstrap second default");
                    assertThat(context.getBean(AmiClient.class).options().actionTimeout()).isEqualTo(Duration.ofSeconds(2));
                });
    }

    @Test
    void anSslBundleGivesTheClientANettySslContext(@TempDir Path directory) throws Exception {
        Path trustStore = directory.resolve("trust.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            store.store(out, "changeit".toCharArray());
        }
        runner.withPropertyValues("ami.url=ami://amiboot:s3cr3t@127.0.0.1:1", "ami.ssl.bundle=pbx",
                "spring.ssl.bundle.jks.pbx.truststore.location=" + trustStore.toUri(),
                "spring.ssl.bundle.jks.pbx.truststore.type=PKCS12",
                "spring.ssl.bundle.jks.pbx.truststore.password=changeit",
                "spring.ssl.bundle.jks.pbx.options.enabled-protocols=TLSv1.3").run(context -> {
                    AmiClientOptions options = context.getBean(AmiClient.class).options();
                    assertThat(options.url().tls()).as("a bundle implies TLS").isTrue();
                    assertThat(options.sslContext()).isNotNull();
                    assertThat(options.sslContext().isClient()).isTrue();
                    var engine = options.sslContext().newEngine(io.netty.buffer.ByteBufAllocator.DEFAULT);
                    assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.3");
                    assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).as("host name verification")
                            .isEqualTo("HTTPS");
                });
    }

    @Test
    void anUnknownSslBundleIsReported() {
        runner.withPropertyValues("ami.url=" + DOWN_URL, "ami.ssl.bundle=nope").run(context -> {
            assertThat(context).hasFailed();
            assertThat(InvalidAmiPropertyFailureAnalyzerTest.analysis(context.getStartupFailure()).getDescription())
                    .contains("'ami.ssl.bundle'", "'nope'", "not configured");
        });
    }

    @Test
    void startupCanWaitForTheFirstLogin() throws Exception {
        try (ScriptedAmiPeer asterisk = new ScriptedAmiPeer()) {
            runner.withPropertyValues("ami.url=" + asterisk.url("amiboot", "amiboot"), "ami.startup.wait=true").run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(AmiClient.class).state()).isEqualTo(AmiConnectionState.CONNECTED);
                assertThat(context.getBean(AmiClient.class).asteriskVersion()).isEqualTo("22.0.0-fake");
            });
        }
    }

    @Test
    void startupFailsClearlyWhenWaitingForAnAsteriskThatIsDown() {
        runner.withPropertyValues("ami.url=" + DOWN_URL, "ami.startup.wait=true", "ami.startup.timeout=1s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasCauseInstanceOf(AmiStartupException.class);
            var analysis = new AmiStartupFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("server 'default'", "ami://amiboot:******@127.0.0.1:1",
                    "did not log in within PT1S").doesNotContain("s3cr3t");
            assertThat(analysis.getAction()).contains("ami.startup.wait=false", "ami.startup.timeout");
        });
    }

    @Test
    void startupFailsAtOnceWhenAsteriskRefusesTheLogin() throws Exception {
        try (ScriptedAmiPeer asterisk = new ScriptedAmiPeer().requireLogin("amiboot", "amiboot")) {
            long start = System.nanoTime();
            runner.withPropertyValues("ami.url=ami://amiboot:wrong-s3cr3t@127.0.0.1:" + asterisk.port(),
                    "ami.startup.wait=true", "ami.startup.timeout=30s").run(context -> {
                        assertThat(context).hasFailed();
                        var analysis = new AmiStartupFailureAnalyzer().analyze(context.getStartupFailure());
                        assertThat(analysis.getDescription()).contains("was refused", "Authentication failed")
                                .doesNotContain("wrong-s3cr3t");
                    });
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
        }
    }

    @Test
    void worksInServletReactiveAndNonWebApplications() {
        String[] properties = { "ami.url=" + DOWN_URL };
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(AmiAutoConfiguration.class))
                .withPropertyValues(properties).run(context -> assertThat(context).hasNotFailed()
                        .hasSingleBean(AmiClient.class).hasSingleBean(AmiActionSender.class).hasSingleBean(AmiEventPublisher.class));
        new ReactiveWebApplicationContextRunner().withConfiguration(AutoConfigurations.of(AmiAutoConfiguration.class))
                .withPropertyValues(properties).run(context -> assertThat(context).hasNotFailed()
                        .hasSingleBean(AmiClient.class).hasSingleBean(AmiActionSender.class).hasSingleBean(AmiEventPublisher.class));
        runner.withPropertyValues(properties).run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(AmiClient.class).hasSingleBean(AmiActionSender.class).hasSingleBean(AmiEventPublisher.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {

        @Bean
        AmiClient ownClient() {
            return AmiClient.create(AmiClientOptions.builder("ami://me:x@127.0.0.1:1").name("mine").build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDetails {

        @Bean
        AmiConnectionDetails ownDetails() {
            return AmiConnectionDetails.of(new AmiUrl(false, "127.0.0.1", 2, "me", "x"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClients {

        final AmiClient client = AmiClient.create(AmiClientOptions.builder("ami://me:x@127.0.0.1:1").name("custom").build());

        final AmiActionSender sender = new AmiActionSender(client);

        @Bean
        AmiClients ownClients() {
            return new AmiClients(Map.of("custom", client));
        }

        @Bean
        AmiActionSender ownSender() {
            return sender;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        final List<String> calls = new CopyOnWriteArrayList<>();

        @Bean
        @Order(2)
        AmiClientOptionsCustomizer second() {
            return (server, options) -> {
                calls.add("options second " + server);
                options.actionTimeout(Duration.ofSeconds(2));
            };
        }

        @Bean
        @Order(1)
        AmiClientOptionsCustomizer first() {
            return (server, options) -> {
                calls.add("options first " + server);
                options.actionTimeout(Duration.ofSeconds(1));
            };
        }

        @Bean
        @Order(2)
        AmiBootstrapCustomizer secondBootstrap() {
            return (server, bootstrap) -> calls.add("bootstrap second " + server);
        }

        @Bean
        @Order(1)
        AmiBootstrapCustomizer firstBootstrap() {
            return (server, bootstrap) -> {
                calls.add("bootstrap first " + server);
                bootstrap.option(ChannelOption.SO_REUSEADDR, true);
            };
        }
    }
}
