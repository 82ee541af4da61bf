package io.amiboot.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The values an {@link AmiClient} works by (server, timeouts, sizes, event mask, reconnect policy, TLS context,
 * metrics hooks), immutable; start from {@link #builder(String)}. The threads it runs on are
 * {@link AmiClientResources}, which many clients may share.
 */
public final class AmiClientOptions {

    private final AmiUrl url;
    private final String name;
    private final AmiAuthType authType;
    private final String eventMask;
    private final Duration connectTimeout;
    private final Duration actionTimeout;
    private final Reconnect reconnect;
    private final Duration keepaliveInterval;
    private final int eventBufferSize;
    private final long eventBufferBytes;
    private final long maxListBytes;
    private final EventOverflowPolicy overflowPolicy;
    private final int maxLineLength;
    private final int maxMessageSize;
    private final SslContext sslContext;
    private final boolean nativeTransport;
    private final int maxUnansweredActions;
    private final AmiClientObserver observer;
    private final Consumer<Bootstrap> bootstrapCustomizer;

    private AmiClientOptions(Builder builder) {
        this.url = Objects.requireNonNull(builder.url, "url");
        this.name = builder.name;
        this.authType = builder.authType;
        this.eventMask = builder.eventMask;
        this.connectTimeout = builder.connectTimeout;
        this.actionTimeout = builder.actionTimeout;
        this.reconnect = builder.reconnect;
        this.keepaliveInterval = builder.keepaliveInterval;
        this.eventBufferSize = builder.eventBufferSize;
        this.eventBufferBytes = builder.eventBufferBytes;
        this.maxListBytes = builder.maxListBytes;
        this.overflowPolicy = builder.overflowPolicy;
        this.maxLineLength = builder.maxLineLength;
        this.maxMessageSize = builder.maxMessageSize;
        this.sslContext = builder.sslContext;
        this.nativeTransport = builder.nativeTransport;
        this.maxUnansweredActions = builder.maxUnansweredActions;
        this.observer = builder.observer;
        this.bootstrapCustomizer = builder.bootstrapCustomizer;
    }

    /** Options for the server and user of an {@code ami://} or {@code amis://} URL, the rest at defaults. */
    public static Builder builder(String url) {
        return new Builder(AmiUrl.parse(url));
    }

    /** Options for the server and user of {@code url}, the rest at defaults. */
    public static Builder builder(AmiUrl url) {
        return new Builder(url);
    }

    /** A builder holding these options, to derive changed ones. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public AmiUrl url() { return url; }
    public String name() { return name; }
    public AmiAuthType authType() { return authType; }
    public String eventMask() { return eventMask; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration actionTimeout() { return actionTimeout; }
    public Reconnect reconnect() { return reconnect; }
    public Duration keepaliveInterval() { return keepaliveInterval; }
    public int eventBufferSize() { return eventBufferSize; }
    public long eventBufferBytes() { return eventBufferBytes; }
    public long maxListBytes() { return maxListBytes; }
    public EventOverflowPolicy overflowPolicy() { return overflowPolicy; }
    public int maxLineLength() { return maxLineLength; }
    public int maxMessageSize() { return maxMessageSize; }
    public SslContext sslContext() { return sslContext; }
    public boolean nativeTransport() { return nativeTransport; }
    public int maxUnansweredActions() { return maxUnansweredActions; }
    public AmiClientObserver observer() { return observer; }
    public Consumer<Bootstrap> bootstrapCustomizer() { return bootstrapCustomizer; }

    @Override
    public String toString() {
        return "AmiClientOptions[name=" + name + ", url=" + url + ", auth=" + authType + ", events=" + eventMask
                + ", connectTimeout=" + connectTimeout + ", actionTimeout=" + actionTimeout + ", " + reconnect
                + ", keepalive=" + keepaliveInterval + ", eventBuffer=" + eventBufferSize + " events/" + eventBufferBytes
                + " bytes/" + overflowPolicy + ", maxListBytes=" + maxListBytes + "]";
    }

    /**
     * When and how often to reconnect: exponential backoff from {@code initialDelay}, times {@code multiplier}
     * per failed attempt, capped at {@code maxDelay}, each delay spread by ±{@code jitter} (0..1) so that many
     * clients do not hammer a restarted Asterisk at the same instant. The backoff starts over only once a
     * connection stayed logged in for {@code resetAfter}: a server that accepts the login and then drops the
     * connection (or sends something fatal) is retried ever more slowly, not at the initial delay.
     */
    public record Reconnect(boolean enabled, Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
            Duration resetAfter) {

        /** How long a connection must stay logged in before the backoff starts over, unless said otherwise. */
        public static final Duration DEFAULT_RESET_AFTER = Duration.ofSeconds(10);

        /** Reconnect from 500 ms, doubling up to 30 s, ±20 %, starting over after 10 s logged in. */
        public static final Reconnect DEFAULT = new Reconnect(true, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2);

        /** Never reconnect. */
        public static final Reconnect DISABLED = new Reconnect(false, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2);

        public Reconnect {
            requirePositive("reconnect initial delay", initialDelay);
            requirePositive("reconnect max delay", maxDelay);
            requirePositive("reconnect reset-after", resetAfter);
            if (multiplier < 1.0) {
                throw new IllegalArgumentException("Reconnect multiplier " + multiplier + " is below 1");
            }
            if (jitter < 0.0 || jitter > 1.0) {
                throw new IllegalArgumentException("Reconnect jitter " + jitter + " is outside 0..1");
            }
        }

        /** A policy whose backoff starts over after {@link #DEFAULT_RESET_AFTER} logged in. */
        public Reconnect(boolean enabled, Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {
            this(enabled, initialDelay, maxDelay, multiplier, jitter, DEFAULT_RESET_AFTER);
        }

        /** This policy with another {@code resetAfter}. */
        public Reconnect withResetAfter(Duration resetAfter) {
            return new Reconnect(enabled, initialDelay, maxDelay, multiplier, jitter, resetAfter);
        }

        @Override
        public String toString() {
            return enabled ? "reconnect=" + initialDelay.toMillis() + "ms*" + multiplier + "^n<=" + maxDelay.toMillis()
                    + "ms±" + Math.round(jitter * 100) + "%,reset after " + resetAfter.toMillis() + "ms" : "reconnect=off";
        }
    }

    private static void requirePositive(String what, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive but is " + duration);
        }
    }

    /** Collects options; every setter checks its value. */
    public static final class Builder {

        private AmiUrl url;
        private String name = "default";
        private AmiAuthType authType = AmiAuthType.PLAIN;
        private String eventMask = "on";
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration actionTimeout = Duration.ofSeconds(10);
        private Reconnect reconnect = Reconnect.DEFAULT;
        private Duration keepaliveInterval = Duration.ofSeconds(30);
        private int eventBufferSize = 65_536;
        private long eventBufferBytes = 64L * 1024 * 1024;
        private long maxListBytes = 32L * 1024 * 1024;
        private EventOverflowPolicy overflowPolicy = EventOverflowPolicy.DROP_NEWEST;
        private int maxLineLength = 64 * 1024;
        private int maxMessageSize = 4 * 1024 * 1024;
        private SslContext sslContext;
        private boolean nativeTransport;
        private int maxUnansweredActions = 1024;
        private AmiClientObserver observer = AmiClientObserver.NONE;
        private Consumer<Bootstrap> bootstrapCustomizer = bootstrap -> { };

        private Builder(AmiUrl url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        private Builder(AmiClientOptions options) {
            this.url = options.url;
            this.name = options.name;
            this.authType = options.authType;
            this.eventMask = options.eventMask;
            this.connectTimeout = options.connectTimeout;
            this.actionTimeout = options.actionTimeout;
            this.reconnect = options.reconnect;
            this.keepaliveInterval = options.keepaliveInterval;
            this.eventBufferSize = options.eventBufferSize;
            this.eventBufferBytes = options.eventBufferBytes;
            this.maxListBytes = options.maxListBytes;
            this.overflowPolicy = options.overflowPolicy;
            this.maxLineLength = options.maxLineLength;
            this.maxMessageSize = options.maxMessageSize;
            this.sslContext = options.sslContext;
            this.nativeTransport = options.nativeTransport;
            this.maxUnansweredActions = options.maxUnansweredActions;
            this.observer = options.observer;
            this.bootstrapCustomizer = options.bootstrapCustomizer;
        }

        /** The server and user. */
        public Builder url(AmiUrl url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        /** A short name for this client (a server's name when there are several), used in thread names and logs. */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Client name is empty");
            }
            this.name = name;
            return this;
        }

        /** How to log in; {@link AmiAuthType#PLAIN} by default. */
        public Builder authType(AmiAuthType authType) {
            this.authType = Objects.requireNonNull(authType, "authType");
            return this;
        }

        /** The {@code Events} value sent at login: {@code on}, {@code off}, or classes such as {@code call,agent}. */
        public Builder eventMask(String eventMask) {
            if (eventMask == null || eventMask.isBlank() || eventMask.indexOf('\r') >= 0 || eventMask.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Event mask must be 'on', 'off' or a list of event classes");
            }
            this.eventMask = eventMask.trim();
            return this;
        }

        /** How long to wait for the TCP connection; 10 s by default. */
        public Builder connectTimeout(Duration connectTimeout) {
            requirePositive("connect timeout", connectTimeout);
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** How long an action waits for its complete response unless the call says otherwise; 10 s by default. */
        public Builder actionTimeout(Duration actionTimeout) {
            requirePositive("action timeout", actionTimeout);
            this.actionTimeout = actionTimeout;
            return this;
        }

        /** Reconnect policy; {@link Reconnect#DEFAULT} by default. */
        public Builder reconnect(Reconnect reconnect) {
            this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
            return this;
        }

        /**
         * After this long without a byte from Asterisk, send a {@code Ping}; if that gets no answer within the
         * same interval, the connection is taken for dead and reopened. {@link Duration#ZERO} turns it off.
         */
        public Builder keepaliveInterval(Duration keepaliveInterval) {
            if (keepaliveInterval == null || keepaliveInterval.isNegative()) {
                throw new IllegalArgumentException("Keepalive interval must be zero (off) or positive but is " + keepaliveInterval);
            }
            this.keepaliveInterval = keepaliveInterval;
            return this;
        }

        /** How many events may wait for slow subscribers before the overflow policy applies; 65,536 by default. */
        public Builder eventBufferSize(int eventBufferSize) {
            if (eventBufferSize < 1) {
                throw new IllegalArgumentException("Event buffer size must be at least 1 but is " + eventBufferSize);
            }
            this.eventBufferSize = eventBufferSize;
            return this;
        }

        /**
         * How many bytes of events (their size on the wire) may wait for slow subscribers before the overflow
         * policy applies, whatever their number; 64 MiB by default. An event larger than this is always dropped.
         */
        public Builder eventBufferBytes(long eventBufferBytes) {
            if (eventBufferBytes < 1) {
                throw new IllegalArgumentException("Event buffer bytes must be at least 1 but is " + eventBufferBytes);
            }
            this.eventBufferBytes = eventBufferBytes;
            return this;
        }

        /**
         * The most bytes of entries one list action's response may gather (their size on the wire); past that
         * the action fails with {@link AmiListTooLargeException} and the rest of its list is dropped, the
         * connection kept. 32 MiB by default.
         */
        public Builder maxListBytes(long maxListBytes) {
            if (maxListBytes < 1) {
                throw new IllegalArgumentException("Max list bytes must be at least 1 but is " + maxListBytes);
            }
            this.maxListBytes = maxListBytes;
            return this;
        }

        /** What gives when the event buffer is full; {@link EventOverflowPolicy#DROP_NEWEST} by default. */
        public Builder overflowPolicy(EventOverflowPolicy overflowPolicy) {
            this.overflowPolicy = Objects.requireNonNull(overflowPolicy, "overflowPolicy");
            return this;
        }

        /** The longest line accepted from Asterisk, in bytes; a longer one closes the connection. 64 KiB by default. */
        public Builder maxLineLength(int maxLineLength) {
            if (maxLineLength < 64) {
                throw new IllegalArgumentException("Max line length must be at least 64 bytes but is " + maxLineLength);
            }
            this.maxLineLength = maxLineLength;
            return this;
        }

        /** The largest message accepted from Asterisk, in bytes; a larger one closes the connection. 4 MiB by default. */
        public Builder maxMessageSize(int maxMessageSize) {
            if (maxMessageSize < 256) {
                throw new IllegalArgumentException("Max message size must be at least 256 bytes but is " + maxMessageSize);
            }
            this.maxMessageSize = maxMessageSize;
            return this;
        }

        /**
         * The TLS context for {@code amis://}; by default the JDK's trust store, with host name verification. Build
         * your own from {@link AmiTls#clientContextBuilder()} to keep host name verification.
         */
        public Builder sslContext(SslContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /**
         * {@link AmiClientResources.Builder#nativeTransport} for the resources a client created without any
         * makes for itself; false (NIO) by default.
         */
        public Builder nativeTransport(boolean nativeTransport) {
            this.nativeTransport = nativeTransport;
            return this;
        }

        /**
         * How many actions may be written to Asterisk and not yet answered (1,024 by default; 0 for no limit): the
         * rest wait in order, their timeouts running, until answers make room. Asterisk answers a steady stream
         * of pipelined actions two to three times faster than a flood.
         */
        public Builder maxUnansweredActions(int maxUnansweredActions) {
            if (maxUnansweredActions < 0) {
                throw new IllegalArgumentException("Max unanswered actions must be 0 (no limit) or positive but is "
                        + maxUnansweredActions);
            }
            this.maxUnansweredActions = maxUnansweredActions;
            return this;
        }

        /** Metrics hooks; none by default. */
        public Builder observer(AmiClientObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** Adjusts the Netty {@link Bootstrap} (socket options, resolver) before each connection. */
        public Builder bootstrapCustomizer(Consumer<Bootstrap> bootstrapCustomizer) {
            this.bootstrapCustomizer = Objects.requireNonNull(bootstrapCustomizer, "bootstrapCustomizer");
            return this;
        }

        public AmiClientOptions build() {
            if (maxMessageSize < maxLineLength) {
                throw new IllegalArgumentException("Max message size (" + maxMessageSize
                        + ") is smaller than max line length (" + maxLineLength + ")");
            }
            return new AmiClientOptions(this);
        }
    }
}
