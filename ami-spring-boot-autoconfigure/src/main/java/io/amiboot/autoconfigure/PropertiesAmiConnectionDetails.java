package io.amiboot.autoconfigure;

import io.amiboot.client.AmiUrl;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link AmiConnectionDetails} from {@code ami.*}: the server of {@code ami.url} / {@code ami.host} (named
 * {@value AmiProperties#DEFAULT_SERVER}) followed by those of {@code ami.servers.*}. Every URL is checked here,
 * so a bad one stops startup with {@link InvalidAmiPropertyException}.
 */
public final class PropertiesAmiConnectionDetails implements AmiConnectionDetails {

    private static final String URL_ACTION = "Write it as ami://user:secret@host[:port] (amis:// for TLS), with "
            + "special characters in the user or secret percent-encoded; or leave the URL out and set host, port, "
            + "username and secret as separate properties.";

    private final Map<String, AmiUrl> servers;

    /**
     * Resolves and checks the server URLs of {@code properties} once, now.
     *
     * @param properties the bound {@code ami.*} properties
     * @throws InvalidAmiPropertyException naming the property, if a server has an unusable URL, neither URL nor host,
     *     no user or secret, a port outside 1..65535 or an empty name, or if {@code ami.url} / {@code ami.host} and
     *     {@code ami.servers.default} both configure the server {@value AmiProperties#DEFAULT_SERVER}
     */
    public PropertiesAmiConnectionDetails(AmiProperties properties) {
        Map<String, AmiUrl> resolved = new LinkedHashMap<>();
        if (properties.hasAddress()) {
            if (properties.getServers().containsKey(AmiProperties.DEFAULT_SERVER)) {
                throw new InvalidAmiPropertyException("ami.servers." + AmiProperties.DEFAULT_SERVER,
                        "configures the server named '" + AmiProperties.DEFAULT_SERVER
                                + "', which ami.url or ami.host already configures",
                        "Remove ami.servers." + AmiProperties.DEFAULT_SERVER + ".* or move ami.url / ami.host into it.");
            }
            resolved.put(AmiProperties.DEFAULT_SERVER, url(ServerSettings.of(properties, AmiProperties.DEFAULT_SERVER)));
        }
        properties.getServers().forEach((name, server) -> {
            if (name == null || name.isBlank()) {
                throw new InvalidAmiPropertyException("ami.servers", "has a server with an empty name",
                        "Name each server, as in ami.servers.pbx1.url=ami://user:secret@host.");
            }
            resolved.put(name, url(ServerSettings.of(properties, name)));
        });
        this.servers = Collections.unmodifiableMap(resolved);
    }

    @Override
    public Map<String, AmiUrl> getServers() {
        return servers;
    }

    private static AmiUrl url(ServerSettings settings) {
        AmiServerProperties own = settings.own();
        String prefix = settings.prefix();
        ServerSettings.Setting<Boolean> sslEnabled = settings.get("ssl.enabled", p -> p.getSsl().getEnabled());
        ServerSettings.Setting<String> bundle = settings.get("ssl.bundle", p -> p.getSsl().getBundle());
        boolean tls = Boolean.TRUE.equals(sslEnabled.value()) || AmiServerProperties.hasText(bundle.value());
        if (AmiServerProperties.hasText(own.getUrl())) {
            AmiUrl url;
            try {
                url = AmiUrl.parse(own.getUrl());
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidAmiPropertyException(prefix + ".url", "is not a usable AMI URL: " + ex.getMessage(),
                        URL_ACTION);
            }
            // A URL without a secret takes it from the secret property (set here or under ami.*), so the secret can
            // live apart from the address; it was silently logged in with an empty secret before.
            ServerSettings.Setting<String> secret = settings.get("secret", AmiServerProperties::getSecret);
            String urlSecret = url.secret().isEmpty() && secret.value() != null ? secret.value() : url.secret();
            return new AmiUrl(tls || url.tls(), url.host(), url.port(), url.username(), urlSecret);
        }
        if (!AmiServerProperties.hasText(own.getHost())) {
            throw new InvalidAmiPropertyException(prefix, "has neither a url nor a host",
                    "Set " + prefix + ".url=ami://user:secret@host[:port], or " + prefix + ".host with the username "
                            + "and secret.");
        }
        ServerSettings.Setting<Integer> port = settings.get("port", AmiServerProperties::getPort);
        ServerSettings.Setting<String> username = settings.get("username", AmiServerProperties::getUsername);
        ServerSettings.Setting<String> secret = settings.get("secret", AmiServerProperties::getSecret);
        if (!AmiServerProperties.hasText(username.value())) {
            throw new InvalidAmiPropertyException(prefix + ".username", "is not set, and a server given by host needs "
                    + "an AMI user", "Set " + prefix + ".username and " + prefix + ".secret to a user of Asterisk's "
                    + "manager.conf (its section name and secret), or give the whole " + prefix + ".url.");
        }
        if (secret.value() == null) {
            throw new InvalidAmiPropertyException(prefix + ".secret", "is not set, and a server given by host needs "
                    + "the secret of its AMI user", "Set " + prefix + ".secret to the secret of user '"
                    + username.value() + "' in Asterisk's manager.conf.");
        }
        int portNumber = port.orElse(tls ? AmiUrl.DEFAULT_TLS_PORT : AmiUrl.DEFAULT_PORT);
        if (portNumber < 1 || portNumber > 65535) {
            throw new InvalidAmiPropertyException(port.property(), "is " + portNumber + ", outside 1..65535",
                    "Set it to Asterisk's AMI port (manager.conf 'port', 5038 by default).");
        }
        return new AmiUrl(tls, own.getHost().trim(), portNumber, username.value(), secret.value());
    }

    /** The servers with their URLs, secrets masked. */
    @Override
    public String toString() {
        return "PropertiesAmiConnectionDetails" + servers;
    }
}
