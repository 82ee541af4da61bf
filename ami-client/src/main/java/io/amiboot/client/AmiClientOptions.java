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

    /** A private copy of the builder that made these options: its fields are the values, all immutable. */
    private final Builder values;

    private AmiClientOptions(Builder builder) {
        this.values = builder.copy();
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
        return values.copy();
    }

    public AmiUrl url() { return values.url; }
    public String name() { return values.name; }
    public AmiAuthType authType() { return values.authType; }
    public String eventMask() { return values.eventMask; }
    public Duration connectTimeout() { return values.connectTimeout; }
    public Duration actionTimeout() { return values.actionTimeout; }
    public Reconnect reconnect() { return values.reconnect; }
    public Duration keepaliveInterval() { return values.keepaliveInterval; }
    public int eventBufferSize() { return values.eventBufferSize; }
    public long eventBufferBytes() { return values.eventBufferBytes; }
    public long maxListBytes() { return values.maxListBytes; }
    public EventOverflowPolicy overflowPolicy() { return values.overflowPolicy; }
    public int maxLineLength() { return values.maxLineLength; }
    public int maxMessageSize() { return values.maxMessageSize; }
    public SslContext sslContext() { return values.sslContext; }
    public boolean nativeTransport() { return values.nativeTransport; }
    public int maxUnansweredActions() { return values.maxUnansweredActions; }
    public AmiClientObserver observer() { return values.observer; }
    public Consumer<Bootstrap> bootstrapCustomizer() { return values.bootstrapCustomizer; }

    @Override
    public String toString() {
        return "AmiClientOptions[name=" + values.name + ", url=" + values.url + ", auth=" + values.authType + ", events=" + values.eventMask
                + ", connectTimeout=" + values.connectTimeout + ", actionTimeout=" + values.actionTimeout + ", " + values.reconnect
                + ", keepalive=" + values.keepaliveInterval + ", eventBuffer=" + values.eventBufferSize + " events/" + values.eventBufferBytes
                + " bytes/" + values.overflowPolicy + ", maxListBytes=" + values.maxListBytes + "]";
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

    /** {@code value} if at least {@code min}, else an error naming {@code what}. */
    private static <N extends Number> N requireAtLeast(String what, long min, String unit, N value) {
        if (value.longValue() < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + unit + " but is " + value);
        }
        return value;
    }

    /** Collects options; every setter checks its value. */
    public static final class Builder implements Cloneable {

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

        /** A copy to keep or hand out: the fields are immutable values, so a shallow copy is a full one. */
        private Builder copy() {
            try {
                return (Builder) super.clone();
            }
            catch (CloneNotSupportedException ex) {
                throw new AssertionError(ex);
            }
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
            this.eventBufferSize = requireAtLeast("Event buffer size", 1, "", eventBufferSize);
            return this;
        }

        /**
         * How many bytes of events (their size on the wire) may wait for slow subscribers before the overflow
         * policy applies, whatever their number; 64 MiB by default. An event larger than this is always dropped.
         */
        public Builder eventBufferBytes(long eventBufferBytes) {
            this.eventBufferBytes = requireAtLeast("Event buffer bytes", 1, "", eventBufferBytes);
            return this;
        }

        /**
         * The most bytes of entries one list action's response may gather (their size on the wire); past that
         * the action fails with {@link AmiListTooLargeException} and the rest of its list is dropped, the
         * connection kept. 32 MiB by default.
         */
        public Builder maxListBytes(long maxListBytes) {
            this.maxListBytes = requireAtLeast("Max list bytes", 1, "", maxListBytes);
            return this;
        }

        /** What gives when the event buffer is full; {@link EventOverflowPolicy#DROP_NEWEST} by default. */
        public Builder overflowPolicy(EventOverflowPolicy overflowPolicy) {
            this.overflowPolicy = Objects.requireNonNull(overflowPolicy, "overflowPolicy");
            return this;
        }

        /** The longest line accepted from Asterisk, in bytes; a longer one closes the connection. 64 KiB by default. */
        public Builder maxLineLength(int maxLineLength) {
            this.maxLineLength = requireAtLeast("Max line length", 64, " bytes", maxLineLength);
            return this;
        }

        /** The largest message accepted from Asterisk, in bytes; a larger one closes the connection. 4 MiB by default. */
        public Builder maxMessageSize(int maxMessageSize) {
            this.maxMessageSize = requireAtLeast("Max message size", 256, " bytes", maxMessageSize);
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
