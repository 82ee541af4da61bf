package io.amiboot.autoconfigure;

import io.amiboot.client.AmiAuthType;
import java.time.Duration;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * The connection settings of one Asterisk server: {@code ami.*} for the single server (named
 * {@value AmiProperties#DEFAULT_SERVER}), {@code ami.servers.<name>.*} for each of several.
 *
 * <p>Every setting left unset here is taken from {@code ami.*} (except {@code url} and {@code host}), and
 * if unset there too the client's default applies, so common settings are written once. None of these
 * objects prints its secret.
 */
public class AmiServerProperties {

    /** AMI URL, ami://user:secret@host[:port] (amis:// for TLS); takes precedence over host, port, username and secret, except that a URL without a secret takes the secret property. */
    private String url;

    /** Host name or address of the Asterisk server, when not using a URL. */
    private String host;

    /** AMI port of the Asterisk server (5038 by default, 5039 with TLS). */
    private Integer port;

    /** AMI user, the section name in Asterisk's manager.conf. */
    private String username;

    /** Secret of the AMI user. */
    private String secret;

    /** How to log in: PLAIN sends the secret, MD5 answers a challenge with a digest of it. */
    private AmiAuthType authType;

    /** How long to wait for the TCP connection and for the AMI banner. */
    private Duration connectTimeout;

    /** How long an action waits for its complete response unless the call says otherwise. */
    private Duration actionTimeout;

    /** Idle time after which a Ping checks the connection (reconnecting if unanswered); 0 turns the check off. */
    private Duration keepaliveInterval;

    /** Whether to read through native epoll when netty-transport-native-epoll is on the class path (Linux); NIO otherwise. */
    private Boolean nativeTransport;

    /** How many actions may be sent and not yet answered; later ones wait in order, their timeouts running. 0 for no limit. */
    private Integer maxUnansweredActions;

    /** Most bytes (wire size) of entries one list action's response may gather; past that the action fails and the rest of its list is dropped. */
    private DataSize maxListBytes;

    @NestedConfigurationProperty
    private final AmiReconnectProperties reconnect = new AmiReconnectProperties();

    @NestedConfigurationProperty
    private final AmiEventsProperties events = new AmiEventsProperties();

    @NestedConfigurationProperty
    private final AmiSslProperties ssl = new AmiSslProperties();

    /** Settings with every value unset: each is then taken from {@code ami.*}, or else is the client's default. */
    public AmiServerProperties() {
    }

    /** {@return the AMI URL, or {@code null} when the server is given by host; never inherited from ami.*} */
    public String getUrl() {
        return url;
    }

    /**
     * Sets {@code url}.
     *
     * @param url ami://user:secret@host[:port] (amis:// for TLS), or {@code null} to use the host
     */
    public void setUrl(String url) {
        this.url = url;
    }

    /** {@return the host name or address, used only without a URL, or {@code null}; never inherited} */
    public String getHost() {
        return host;
    }

    /**
     * Sets {@code host}.
     *
     * @param host the host name or address of the Asterisk server, or {@code null}
     */
    public void setHost(String host) {
        this.host = host;
    }

    /** {@return the AMI port, or {@code null} when unset here (then ami.port, else 5038, or 5039 with TLS)} */
    public Integer getPort() {
        return port;
    }

    /**
     * Sets {@code port}.
     *
     * @param port the AMI port, 1 to 65535, or {@code null} to inherit it
     */
    public void setPort(Integer port) {
        this.port = port;
    }

    /** {@return the AMI user (a section of manager.conf), or {@code null} when unset here} */
    public String getUsername() {
        return username;
    }

    /**
     * Sets {@code username}.
     *
     * @param username the AMI user, or {@code null} to inherit it
     */
    public void setUsername(String username) {
        this.username = username;
    }

    /** {@return the AMI user's secret, or {@code null} when unset here} */
    public String getSecret() {
        return secret;
    }

    /**
     * Sets {@code secret}.
     *
     * @param secret the AMI user's secret, or {@code null} to inherit it
     */
    public void setSecret(String secret) {
        this.secret = secret;
    }

    /** {@return how to log in (PLAIN or MD5), or {@code null} when unset here} */
    public AmiAuthType getAuthType() {
        return authType;
    }

    /**
     * Sets {@code auth-type}.
     *
     * @param authType PLAIN or MD5, or {@code null} to inherit it
     */
    public void setAuthType(AmiAuthType authType) {
        this.authType = authType;
    }

    /** {@return the limit for the TCP connection and the AMI banner, or {@code null} when unset here} */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets {@code connect-timeout}.
     *
     * @param connectTimeout the limit for the TCP connection and the banner, or {@code null} to inherit it
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** {@return the default limit for an action's complete response, or {@code null} when unset here} */
    public Duration getActionTimeout() {
        return actionTimeout;
    }

    /**
     * Sets {@code action-timeout}.
     *
     * @param actionTimeout the default action timeout, or {@code null} to inherit it
     */
    public void setActionTimeout(Duration actionTimeout) {
        this.actionTimeout = actionTimeout;
    }

    /** {@return the idle time before a keep-alive Ping (0: none), or {@code null} when unset here} */
    public Duration getKeepaliveInterval() {
        return keepaliveInterval;
    }

    /**
     * Sets {@code keepalive-interval}.
     *
     * @param keepaliveInterval the idle time before a Ping, 0 for no Ping, or {@code null} to inherit it
     */
    public void setKeepaliveInterval(Duration keepaliveInterval) {
        this.keepaliveInterval = keepaliveInterval;
    }

    /** {@return whether to use native epoll when available, or {@code null} when unset here} */
    public Boolean getNativeTransport() {
        return nativeTransport;
    }

    /**
     * Sets {@code native-transport}.
     *
     * @param nativeTransport whether to use native epoll when available, or {@code null} to inherit it
     */
    public void setNativeTransport(Boolean nativeTransport) {
        this.nativeTransport = nativeTransport;
    }

    /** {@return the most actions in flight (0: no limit), or {@code null} when unset here} */
    public Integer getMaxUnansweredActions() {
        return maxUnansweredActions;
    }

    /**
     * Sets {@code max-unanswered-actions}.
     *
     * @param maxUnansweredActions the most actions in flight, 0 for no limit, or {@code null} to inherit it
     */
    public void setMaxUnansweredActions(Integer maxUnansweredActions) {
        this.maxUnansweredActions = maxUnansweredActions;
    }

    /** {@return the largest list response an action may gather, or {@code null} when unset here} */
    public DataSize getMaxListBytes() {
        return maxListBytes;
    }

    /**
     * Sets {@code max-list-bytes}.
     *
     * @param maxListBytes the largest list response (wire size), or {@code null} to inherit it
     */
    public void setMaxListBytes(DataSize maxListBytes) {
        this.maxListBytes = maxListBytes;
    }

    /** {@return the reconnect settings ({@code reconnect.*}), never {@code null}} */
    public AmiReconnectProperties getReconnect() {
        return reconnect;
    }

    /** {@return the event settings ({@code events.*}), never {@code null}} */
    public AmiEventsProperties getEvents() {
        return events;
    }

    /** {@return the TLS settings ({@code ssl.*}), never {@code null}} */
    public AmiSslProperties getSsl() {
        return ssl;
    }

    /** Whether a server address is configured here ({@code url} or {@code host}). */
    boolean hasAddress() {
        return hasText(url) || hasText(host);
    }

    static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
