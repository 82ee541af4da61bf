package io.amiboot.autoconfigure;

import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.AmiClientOptionsBuilder;
import io.amiboot.client.ReconnectPolicy;
import io.amiboot.client.AmiTls;
import io.amiboot.client.AmiUrl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;

/**
 * Turns a server's URL (from {@link AmiConnectionDetails}) and its {@code ami.*} settings into
 * {@link AmiClientOptions}, then applies the customizers in order. Settings left unset keep the client's defaults.
 */
final class AmiClientOptionsFactory {

    private final AmiProperties properties;

    private final SslBundles sslBundles;

    private final List<AmiClientOptionsCustomizer> optionsCustomizers;

    private final List<AmiBootstrapCustomizer> bootstrapCustomizers;

    AmiClientOptionsFactory(AmiProperties properties, SslBundles sslBundles,
            List<AmiClientOptionsCustomizer> optionsCustomizers, List<AmiBootstrapCustomizer> bootstrapCustomizers) {
        this.properties = properties;
        this.sslBundles = sslBundles;
        this.optionsCustomizers = List.copyOf(optionsCustomizers);
        this.bootstrapCustomizers = List.copyOf(bootstrapCustomizers);
    }

    AmiClientOptions create(String server, AmiUrl url) {
        ServerSettings settings = ServerSettings.of(properties, server);
        AmiClientOptionsBuilder builder = AmiClientOptions.builder(url);
        set(new ServerSettings.Setting<>(server, "ami.servers"), builder::name);
        set(settings.get("auth-type", AmiServerProperties::getAuthType), builder::authType);
        set(settings.get("connect-timeout", AmiServerProperties::getConnectTimeout), builder::connectTimeout);
        set(settings.get("action-timeout", AmiServerProperties::getActionTimeout), builder::actionTimeout);
        set(settings.get("keepalive-interval", AmiServerProperties::getKeepaliveInterval), builder::keepaliveInterval);
        set(settings.get("native-transport", AmiServerProperties::getNativeTransport), builder::nativeTransport);
        set(settings.get("max-unanswered-actions", AmiServerProperties::getMaxUnansweredActions), builder::maxUnansweredActions);
        set(settings.get("max-list-bytes", AmiServerProperties::getMaxListBytes), size -> builder.maxListBytes(size.toBytes()));
        set(settings.get("events.mask", p -> p.getEvents().getMask()), builder::eventMask);
        set(settings.get("events.buffer-size", p -> p.getEvents().getBufferSize()), builder::eventBufferSize);
        set(settings.get("events.buffer-bytes", p -> p.getEvents().getBufferBytes()), size -> builder.eventBufferBytes(size.toBytes()));
        set(settings.get("events.overflow-policy", p -> p.getEvents().getOverflowPolicy()), builder::overflowPolicy);
        builder.reconnect(reconnect(settings));
        ServerSettings.Setting<String> bundle = settings.get("ssl.bundle", p -> p.getSsl().getBundle());
        if (url.tls() && AmiServerProperties.hasText(bundle.value())) {
            builder.sslContext(sslContext(bundle));
        }
        if (!bootstrapCustomizers.isEmpty()) {
            builder.bootstrapCustomizer(bootstrap -> bootstrapCustomizers.forEach(c -> c.customize(server, bootstrap)));
        }
        optionsCustomizers.forEach(customizer -> customizer.customize(server, builder));
        return builder.build();
    }

    private static ReconnectPolicy reconnect(ServerSettings settings) {
        ReconnectPolicy defaults = ReconnectPolicy.DEFAULT;
        ServerSettings.Setting<Boolean> enabled = settings.get("reconnect.enabled", p -> p.getReconnect().getEnabled());
        ServerSettings.Setting<Duration> initial = settings.get("reconnect.initial-delay", p -> p.getReconnect().getInitialDelay());
        ServerSettings.Setting<Duration> max = settings.get("reconnect.max-delay", p -> p.getReconnect().getMaxDelay());
        ServerSettings.Setting<Double> multiplier = settings.get("reconnect.multiplier", p -> p.getReconnect().getMultiplier());
        ServerSettings.Setting<Double> jitter = settings.get("reconnect.jitter", p -> p.getReconnect().getJitter());
        ServerSettings.Setting<Duration> resetAfter = settings.get("reconnect.reset-after", p -> p.getReconnect().getResetAfter());
        try {
            return new ReconnectPolicy(enabled.orElse(defaults.enabled()), initial.orElse(defaults.initialDelay()),
                    max.orElse(defaults.maxDelay()), multiplier.orElse(defaults.multiplier()), jitter.orElse(defaults.jitter()),
                    resetAfter.orElse(defaults.resetAfter()));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidAmiPropertyException(settings.prefix() + ".reconnect", "is not usable: " + ex.getMessage(),
                    "Use positive delays and reset-after, a multiplier of at least 1 and a jitter between 0 and 1.");
        }
    }

    private SslContext sslContext(ServerSettings.Setting<String> bundleName) {
        if (sslBundles == null) {
            throw new InvalidAmiPropertyException(bundleName.property(), "names SSL bundle '" + bundleName.value()
                    + "', but the application has no SslBundles", "Configure the bundle under spring.ssl.bundle.*.");
        }
        SslBundle bundle;
        try {
            bundle = sslBundles.getBundle(bundleName.value());
        }
        catch (NoSuchSslBundleException ex) {
            throw new InvalidAmiPropertyException(bundleName.property(), "names SSL bundle '" + bundleName.value()
                    + "', which is not configured", "Configure it under spring.ssl.bundle.jks." + bundleName.value()
                    + " or spring.ssl.bundle.pem." + bundleName.value() + ", or correct the name.");
        }
        try {
            return nettySslContext(bundle);
        }
        catch (SSLException | RuntimeException ex) {
            throw new InvalidAmiPropertyException(bundleName.property(), "names SSL bundle '" + bundleName.value()
                    + "', from which no TLS client context could be made: " + ex.getMessage(),
                    "Check the bundle's trust store, key and protocols.");
        }
    }

    /** A Netty client {@link SslContext} with the key (if any), trust material, protocols and ciphers of a bundle. */
    static SslContext nettySslContext(SslBundle bundle) throws SSLException {
        SslContextBuilder builder = AmiTls.clientContextBuilder();
        if (bundle.getStores().getKeyStore() != null) {
            builder.keyManager(bundle.getManagers().getKeyManagerFactory());
        }
        builder.trustManager(bundle.getManagers().getTrustManagerFactory());
        SslOptions options = bundle.getOptions();
        if (options.getEnabledProtocols() != null) {
            builder.protocols(options.getEnabledProtocols());
        }
        if (options.getCiphers() != null) {
            builder.ciphers(Arrays.asList(options.getCiphers()));
        }
        return builder.build();
    }

    private static <T> void set(ServerSettings.Setting<T> setting, Consumer<T> setter) {
        if (!setting.isSet()) {
            return;
        }
        try {
            setter.accept(setting.value());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidAmiPropertyException(setting.property(), "is not usable: " + ex.getMessage(),
                    "Correct the value of " + setting.property() + ", or remove it to use the default.");
        }
    }
}
