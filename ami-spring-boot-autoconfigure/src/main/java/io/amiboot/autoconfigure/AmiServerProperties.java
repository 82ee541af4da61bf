package io.amiboot.autoconfigure;

import io.amiboot.client.AmiAuthType;
import io.amiboot.client.EventOverflowPolicy;
import java.time.Duration;
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

    private final Reconnect reconnect = new Reconnect();

    private final Events events = new Events();

    private final Ssl ssl = new Ssl();

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public AmiAuthType getAuthType() {
        return authType;
    }

    public void setAuthType(AmiAuthType authType) {
        this.authType = authType;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getActionTimeout() {
        return actionTimeout;
    }

    public void setActionTimeout(Duration actionTimeout) {
        this.actionTimeout = actionTimeout;
    }

    public Duration getKeepaliveInterval() {
        return keepaliveInterval;
    }

    public void setKeepaliveInterval(Duration keepaliveInterval) {
        this.keepaliveInterval = keepaliveInterval;
    }

    public Boolean getNativeTransport() {
        return nativeTransport;
    }

    public void setNativeTransport(Boolean nativeTransport) {
        this.nativeTransport = nativeTransport;
    }

    public Integer getMaxUnansweredActions() {
        return maxUnansweredActions;
    }

    public void setMaxUnansweredActions(Integer maxUnansweredActions) {
        this.maxUnansweredActions = maxUnansweredActions;
    }

    public DataSize getMaxListBytes() {
        return maxListBytes;
    }

    public void setMaxListBytes(DataSize maxListBytes) {
        this.maxListBytes = maxListBytes;
    }

    public Reconnect getReconnect() {
        return reconnect;
    }

    public Events getEvents() {
        return events;
    }

    public Ssl getSsl() {
        return ssl;
    }

    /** Whether a server address is configured here ({@code url} or {@code host}). */
    boolean hasAddress() {
        return hasText(url) || hasText(host);
    }

    static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    /** Reconnecting after a lost connection or a failed attempt: exponential backoff with jitter. */
    public static class Reconnect {

        /** Whether to reconnect after a lost connection or a failed attempt. */
        private Boolean enabled;

        /** Delay before the first reconnect attempt. */
        private Duration initialDelay;

        /** Longest delay between two reconnect attempts. */
        private Duration maxDelay;

        /** Factor applied to the delay after each failed attempt (at least 1). */
        private Double multiplier;

        /** Random spread of each delay, as a fraction between 0 and 1 (0.2 means ±20%). */
        private Double jitter;

        /** How long a connection must stay logged in before the delays start over from the initial delay. */
        private Duration resetAfter;

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInitialDelay() {
            return initialDelay;
        }

        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        public Double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(Double multiplier) {
            this.multiplier = multiplier;
        }

        public Double getJitter() {
            return jitter;
        }

        public void setJitter(Double jitter) {
            this.jitter = jitter;
        }

        public Duration getResetAfter() {
            return resetAfter;
        }

        public void setResetAfter(Duration resetAfter) {
            this.resetAfter = resetAfter;
        }
    }

    /** Which events to receive and how to deliver them. */
    public static class Events {

        /** Event classes sent to this client at login: on, off, or a list such as call,agent,system. */
        private String mask;

        /** How many events may wait for slow listeners before the overflow policy applies. */
        private Integer bufferSize;

        /** How many bytes of events (wire size) may wait for slow listeners before the overflow policy applies. */
        private DataSize bufferBytes;

        /** What gives when the event buffer is full. */
        private EventOverflowPolicy overflowPolicy;

        /** Whether to publish each AMI event and connection change as a Spring ApplicationEvent. */
        private Boolean publish;

        public String getMask() {
            return mask;
        }

        public void setMask(String mask) {
            this.mask = mask;
        }

        public Integer getBufferSize() {
            return bufferSize;
        }

        public void setBufferSize(Integer bufferSize) {
            this.bufferSize = bufferSize;
        }

        public DataSize getBufferBytes() {
            return bufferBytes;
        }

        public void setBufferBytes(DataSize bufferBytes) {
            this.bufferBytes = bufferBytes;
        }

        public EventOverflowPolicy getOverflowPolicy() {
            return overflowPolicy;
        }

        public void setOverflowPolicy(EventOverflowPolicy overflowPolicy) {
            this.overflowPolicy = overflowPolicy;
        }

        public Boolean getPublish() {
            return publish;
        }

        public void setPublish(Boolean publish) {
            this.publish = publish;
        }
    }

    /** TLS ({@code amis://}). */
    public static class Ssl {

        /** Whether to connect with TLS; implied by an amis:// URL or an SSL bundle. */
        private Boolean enabled;

        /** Name of the Spring Boot SSL bundle (spring.ssl.bundle.*) with the trust material and client key. */
        private String bundle;

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public String getBundle() {
            return bundle;
        }

        public void setBundle(String bundle) {
            this.bundle = bundle;
        }
    }
}
