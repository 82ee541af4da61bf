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
    public Reconnect getReconnect() {
        return reconnect;
    }

    /** {@return the event settings ({@code events.*}), never {@code null}} */
    public Events getEvents() {
        return events;
    }

    /** {@return the TLS settings ({@code ssl.*}), never {@code null}} */
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

        /** Reconnect settings with every value unset (inherited). */
        public Reconnect() {
        }

        /** {@return whether to reconnect, or {@code null} when unset here} */
        public Boolean getEnabled() {
            return enabled;
        }

        /**
         * Sets {@code reconnect.enabled}.
         *
         * @param enabled whether to reconnect, or {@code null} to inherit it
         */
        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        /** {@return the delay before the first reconnect attempt, or {@code null} when unset here} */
        public Duration getInitialDelay() {
            return initialDelay;
        }

        /**
         * Sets {@code reconnect.initial-delay}.
         *
         * @param initialDelay the delay before the first attempt, or {@code null} to inherit it
         */
        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        /** {@return the longest delay between two attempts, or {@code null} when unset here} */
        public Duration getMaxDelay() {
            return maxDelay;
        }

        /**
         * Sets {@code reconnect.max-delay}.
         *
         * @param maxDelay the longest delay between two attempts, or {@code null} to inherit it
         */
        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        /** {@return the growth factor of the delay per failed attempt, or {@code null} when unset here} */
        public Double getMultiplier() {
            return multiplier;
        }

        /**
         * Sets {@code reconnect.multiplier}.
         *
         * @param multiplier the growth factor of the delay, at least 1, or {@code null} to inherit it
         */
        public void setMultiplier(Double multiplier) {
            this.multiplier = multiplier;
        }

        /** {@return the random spread of each delay (0 to 1), or {@code null} when unset here} */
        public Double getJitter() {
            return jitter;
        }

        /**
         * Sets {@code reconnect.jitter}.
         *
         * @param jitter the random spread of each delay, 0 to 1, or {@code null} to inherit it
         */
        public void setJitter(Double jitter) {
            this.jitter = jitter;
        }

        /** {@return how long a login must last to reset the delays, or {@code null} when unset here} */
        public Duration getResetAfter() {
            return resetAfter;
        }

        /**
         * Sets {@code reconnect.reset-after}.
         *
         * @param resetAfter how long a login must last to reset the delays, or {@code null} to inherit it
         */
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

        /** Whether to publish each AMI event (raw, and typed for the types a listener takes) and connection change as Spring application events. */
        private Boolean publish;

        /** Event settings with every value unset (inherited). */
        public Events() {
        }

        /** {@return the event mask sent at login, or {@code null} when unset here} */
        public String getMask() {
            return mask;
        }

        /**
         * Sets {@code events.mask}.
         *
         * @param mask on, off, or event classes such as call,agent,system; or {@code null} to inherit it
         */
        public void setMask(String mask) {
            this.mask = mask;
        }

        /** {@return how many events may wait for slow listeners, or {@code null} when unset here} */
        public Integer getBufferSize() {
            return bufferSize;
        }

        /**
         * Sets {@code events.buffer-size}.
         *
         * @param bufferSize how many events may wait for slow listeners, or {@code null} to inherit it
         */
        public void setBufferSize(Integer bufferSize) {
            this.bufferSize = bufferSize;
        }

        /** {@return how many bytes of events may wait for slow listeners, or {@code null} when unset here} */
        public DataSize getBufferBytes() {
            return bufferBytes;
        }

        /**
         * Sets {@code events.buffer-bytes}.
         *
         * @param bufferBytes how many bytes of events (wire size) may wait, or {@code null} to inherit it
         */
        public void setBufferBytes(DataSize bufferBytes) {
            this.bufferBytes = bufferBytes;
        }

        /** {@return what gives when the event buffer is full, or {@code null} when unset here} */
        public EventOverflowPolicy getOverflowPolicy() {
            return overflowPolicy;
        }

        /**
         * Sets {@code events.overflow-policy}.
         *
         * @param overflowPolicy what gives when the event buffer is full, or {@code null} to inherit it
         */
        public void setOverflowPolicy(EventOverflowPolicy overflowPolicy) {
            this.overflowPolicy = overflowPolicy;
        }

        /** {@return whether events become Spring application events, or {@code null} when unset here} */
        public Boolean getPublish() {
            return publish;
        }

        /**
         * Sets {@code events.publish}.
         *
         * @param publish whether events become Spring application events, or {@code null} to inherit it
         */
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

        /** TLS settings with every value unset (inherited). */
        public Ssl() {
        }

        /** {@return whether to use TLS, or {@code null} when unset here; an amis:// URL or a bundle implies TLS} */
        public Boolean getEnabled() {
            return enabled;
        }

        /**
         * Sets {@code ssl.enabled}.
         *
         * @param enabled whether to use TLS, or {@code null} to inherit it
         */
        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        /** {@return the name of the SSL bundle with the trust material, or {@code null} when unset here} */
        public String getBundle() {
            return bundle;
        }

        /**
         * Sets {@code ssl.bundle}.
         *
         * @param bundle the name of a spring.ssl.bundle.* bundle, or {@code null} to inherit it
         */
        public void setBundle(String bundle) {
            this.bundle = bundle;
        }
    }
}
