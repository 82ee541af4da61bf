package io.amiboot.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Collects the values of {@link AmiClientOptions}; start from {@link AmiClientOptions#builder(String)}. Every setter
 * checks its value at once and fails with an {@link IllegalArgumentException} (or a {@link NullPointerException}
 * for a missing one) that names it. Not thread-safe; {@link #build()} copies, so one builder may make many options.
 */
public final class AmiClientOptionsBuilder implements Cloneable {

    // Read by AmiClientOptions from its private copy, hence package-private.
    AmiUrl url;
    String name = "default";
    AmiAuthType authType = AmiAuthType.PLAIN;
    String eventMask = "on";
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration actionTimeout = Duration.ofSeconds(10);
    ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;
    Duration keepaliveInterval = Duration.ofSeconds(30);
    int eventBufferSize = 65_536;
    long eventBufferBytes = 64L * 1024 * 1024;
    long maxListBytes = 32L * 1024 * 1024;
    EventOverflowPolicy overflowPolicy = EventOverflowPolicy.DROP_NEWEST;
    int maxLineLength = 64 * 1024;
    int maxMessageSize = 4 * 1024 * 1024;
    SslContext sslContext;
    boolean nativeTransport;
    int maxUnansweredActions = 1024;
    AmiClientObserver observer = AmiClientObserver.NONE;
    Consumer<Bootstrap> bootstrapCustomizer = bootstrap -> { };

    AmiClientOptionsBuilder(AmiUrl url) {
        this.url = Objects.requireNonNull(url, "url");
    }

    /** A copy to keep or hand out: the fields are immutable values, so a shallow copy is a full one. */
    AmiClientOptionsBuilder copy() {
        try {
            return (AmiClientOptionsBuilder) super.clone();
        }
        catch (CloneNotSupportedException ex) {
            throw new AssertionError(ex);
        }
    }

    /**
     * The server and user.
     *
     * @param url not null
     * @return this builder
     */
    public AmiClientOptionsBuilder url(AmiUrl url) {
        this.url = Objects.requireNonNull(url, "url");
        return this;
    }

    /**
     * A short name for this client (a server's name when there are several), used in thread names and logs.
     *
     * @param name not blank
     * @return this builder
     */
    public AmiClientOptionsBuilder name(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Client name is empty");
        }
        this.name = name;
        return this;
    }

    /**
     * How to log in; {@link AmiAuthType#PLAIN} by default.
     *
     * @param authType not null
     * @return this builder
     */
    public AmiClientOptionsBuilder authType(AmiAuthType authType) {
        this.authType = Objects.requireNonNull(authType, "authType");
        return this;
    }

    /**
     * The {@code Events} value sent at login: {@code on}, {@code off}, or classes such as {@code call,agent}.
     *
     * @param eventMask not blank, one line
     * @return this builder
     */
    public AmiClientOptionsBuilder eventMask(String eventMask) {
        if (eventMask == null || eventMask.isBlank() || eventMask.indexOf('\r') >= 0 || eventMask.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Event mask must be 'on', 'off' or a list of event classes");
        }
        this.eventMask = eventMask.trim();
        return this;
    }

    /**
     * How long to wait for the TCP connection; 10 s by default.
     *
     * @param connectTimeout positive
     * @return this builder
     */
    public AmiClientOptionsBuilder connectTimeout(Duration connectTimeout) {
        OptionChecks.requirePositive("connect timeout", connectTimeout);
        this.connectTimeout = connectTimeout;
        return this;
    }

    /**
     * How long an action waits for its complete response unless the call says otherwise; 10 s by default.
     *
     * @param actionTimeout positive
     * @return this builder
     */
    public AmiClientOptionsBuilder actionTimeout(Duration actionTimeout) {
        OptionChecks.requirePositive("action timeout", actionTimeout);
        this.actionTimeout = actionTimeout;
        return this;
    }

    /**
     * Reconnect policy; {@link ReconnectPolicy#DEFAULT} by default.
     *
     * @param reconnect not null
     * @return this builder
     */
    public AmiClientOptionsBuilder reconnect(ReconnectPolicy reconnect) {
        this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
        return this;
    }

    /**
     * After this long without a byte from Asterisk, send a {@code Ping}; if that gets no answer within the same
     * interval, the connection is taken for dead and reopened. {@link Duration#ZERO} turns it off.
     *
     * @param keepaliveInterval zero or positive
     * @return this builder
     */
    public AmiClientOptionsBuilder keepaliveInterval(Duration keepaliveInterval) {
        if (keepaliveInterval == null || keepaliveInterval.isNegative()) {
            throw new IllegalArgumentException("Keepalive interval must be zero (off) or positive but is " + keepaliveInterval);
        }
        this.keepaliveInterval = keepaliveInterval;
        return this;
    }

    /**
     * How many events may wait for slow subscribers before the overflow policy applies; 65,536 by default.
     *
     * @param eventBufferSize at least 1
     * @return this builder
     */
    public AmiClientOptionsBuilder eventBufferSize(int eventBufferSize) {
        this.eventBufferSize = OptionChecks.requireAtLeast("Event buffer size", 1, "", eventBufferSize);
        return this;
    }

    /**
     * How many bytes of events (their size on the wire) may wait for slow subscribers before the overflow policy
     * applies, whatever their number; 64 MiB by default. An event larger than this is always dropped.
     *
     * @param eventBufferBytes at least 1
     * @return this builder
     */
    public AmiClientOptionsBuilder eventBufferBytes(long eventBufferBytes) {
        this.eventBufferBytes = OptionChecks.requireAtLeast("Event buffer bytes", 1, "", eventBufferBytes);
        return this;
    }

    /**
     * The most bytes of entries one list action's response may gather (their size on the wire); past that the
     * action fails with {@link AmiListTooLargeException} and the rest of its list is dropped, the connection
     * kept. 32 MiB by default.
     *
     * @param maxListBytes at least 1
     * @return this builder
     */
    public AmiClientOptionsBuilder maxListBytes(long maxListBytes) {
        this.maxListBytes = OptionChecks.requireAtLeast("Max list bytes", 1, "", maxListBytes);
        return this;
    }

    /**
     * What gives when the event buffer is full; {@link EventOverflowPolicy#DROP_NEWEST} by default.
     *
     * @param overflowPolicy not null
     * @return this builder
     */
    public AmiClientOptionsBuilder overflowPolicy(EventOverflowPolicy overflowPolicy) {
        this.overflowPolicy = Objects.requireNonNull(overflowPolicy, "overflowPolicy");
        return this;
    }

    /**
     * The longest line accepted from Asterisk, in bytes; a longer one closes the connection. 64 KiB by default.
     *
     * @param maxLineLength at least 64
     * @return this builder
     */
    public AmiClientOptionsBuilder maxLineLength(int maxLineLength) {
        this.maxLineLength = OptionChecks.requireAtLeast("Max line length", 64, " bytes", maxLineLength);
        return this;
    }

    /**
     * The largest message accepted from Asterisk, in bytes; a larger one closes the connection. 4 MiB by
     * default.
     *
     * @param maxMessageSize at least 256, and not below the max line length (checked by {@link #build()})
     * @return this builder
     */
    public AmiClientOptionsBuilder maxMessageSize(int maxMessageSize) {
        this.maxMessageSize = OptionChecks.requireAtLeast("Max message size", 256, " bytes", maxMessageSize);
        return this;
    }

    /**
     * The TLS context for {@code amis://}; by default the JDK's trust store, with host name verification. Build
     * your own from {@link AmiTls#clientContextBuilder()} to keep host name verification.
     *
     * @param sslContext a client context, or null for the default
     * @return this builder
     */
    public AmiClientOptionsBuilder sslContext(SslContext sslContext) {
        this.sslContext = sslContext;
        return this;
    }

    /**
     * {@link AmiClientResourcesBuilder#nativeTransport} for the resources a client created without any makes
     * for itself; false (NIO) by default.
     *
     * @param nativeTransport true for native epoll where available
     * @return this builder
     */
    public AmiClientOptionsBuilder nativeTransport(boolean nativeTransport) {
        this.nativeTransport = nativeTransport;
        return this;
    }

    /**
     * How many actions may be written to Asterisk and not yet answered (1,024 by default; 0 for no limit): the
     * rest wait in order, their timeouts running, until answers make room. Asterisk answers a steady stream of
     * pipelined actions two to three times faster than a flood.
     *
     * @param maxUnansweredActions 0 or positive
     * @return this builder
     */
    public AmiClientOptionsBuilder maxUnansweredActions(int maxUnansweredActions) {
        if (maxUnansweredActions < 0) {
            throw new IllegalArgumentException("Max unanswered actions must be 0 (no limit) or positive but is "
                    + maxUnansweredActions);
        }
        this.maxUnansweredActions = maxUnansweredActions;
        return this;
    }

    /**
     * Metrics hooks; none by default.
     *
     * @param observer not null; called on the event loop, so it must not block
     * @return this builder
     */
    public AmiClientOptionsBuilder observer(AmiClientObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return this;
    }

    /**
     * Adjusts the Netty {@link Bootstrap} (socket options, resolver) before each connection.
     *
     * @param bootstrapCustomizer not null; called on the thread that starts the attempt (an event loop for a
     *        reconnect), so it must not block
     * @return this builder
     */
    public AmiClientOptionsBuilder bootstrapCustomizer(Consumer<Bootstrap> bootstrapCustomizer) {
        this.bootstrapCustomizer = Objects.requireNonNull(bootstrapCustomizer, "bootstrapCustomizer");
        return this;
    }

    /**
     * {@return options with the values set so far; this builder may be changed and built again}
     * @throws IllegalArgumentException when the max message size is below the max line length
     */
    public AmiClientOptions build() {
        if (maxMessageSize < maxLineLength) {
            throw new IllegalArgumentException("Max message size (" + maxMessageSize
                    + ") is smaller than max line length (" + maxLineLength + ")");
        }
        return new AmiClientOptions(this);
    }
}
