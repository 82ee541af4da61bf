package io.amiboot.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The values an {@link AmiClient} works by (server, timeouts, sizes, event mask, reconnect policy, TLS context,
 * metrics hooks), immutable; start from {@link #builder(String)}. The threads it runs on are
 * {@link AmiClientResources}, which many clients may share.
 */
public final class AmiClientOptions {

    /** A private copy of the builder that made these options: its fields are the values, all immutable. */
    private final AmiClientOptionsBuilder values;

    AmiClientOptions(AmiClientOptionsBuilder builder) {
        this.values = builder.copy();
    }

    /**
     * Starts options for the server and user of an {@code ami://} or {@code amis://} URL, the rest at defaults.
     *
     * @param url e.g. {@code ami://user:secret@127.0.0.1:5038}
     * @return a new builder
     * @throws IllegalArgumentException when the URL is malformed (the message never shows the secret)
     */
    public static AmiClientOptionsBuilder builder(String url) {
        return new AmiClientOptionsBuilder(AmiUrl.parse(url));
    }

    /**
     * Starts options for the server and user of {@code url}, the rest at defaults.
     *
     * @param url the server and user; not null
     * @return a new builder
     */
    public static AmiClientOptionsBuilder builder(AmiUrl url) {
        return new AmiClientOptionsBuilder(url);
    }

    /** {@return a new builder holding these options, to derive changed ones; these stay as they are} */
    public AmiClientOptionsBuilder toBuilder() {
        return values.copy();
    }

    /** {@return the server and user} */
    public AmiUrl url() { return values.url; }
    /** {@return the client's short name, used in thread names and logs} */
    public String name() { return values.name; }
    /** {@return how the client logs in} */
    public AmiAuthType authType() { return values.authType; }
    /** {@return the {@code Events} value sent at login} */
    public String eventMask() { return values.eventMask; }
    /** {@return how long to wait for the TCP connection} */
    public Duration connectTimeout() { return values.connectTimeout; }
    /** {@return how long an action waits for its complete response unless the call says otherwise} */
    public Duration actionTimeout() { return values.actionTimeout; }
    /** {@return when and how often to reconnect} */
    public ReconnectPolicy reconnect() { return values.reconnect; }
    /** {@return the silence after which a {@code Ping} probes the connection; zero when off} */
    public Duration keepaliveInterval() { return values.keepaliveInterval; }
    /** {@return how many events may wait for slow subscribers} */
    public int eventBufferSize() { return values.eventBufferSize; }
    /** {@return how many bytes (wire size) of events may wait for slow subscribers} */
    public long eventBufferBytes() { return values.eventBufferBytes; }
    /** {@return the most bytes (wire size) of entries one list action may gather} */
    public long maxListBytes() { return values.maxListBytes; }
    /** {@return what gives when the event buffer is full} */
    public EventOverflowPolicy overflowPolicy() { return values.overflowPolicy; }
    /** {@return the longest line accepted from Asterisk, in bytes} */
    public int maxLineLength() { return values.maxLineLength; }
    /** {@return the largest message accepted from Asterisk, in bytes} */
    public int maxMessageSize() { return values.maxMessageSize; }
    /** {@return the TLS context for {@code amis://}, or null for the JDK's trust store} */
    public SslContext sslContext() { return values.sslContext; }
    /** {@return whether resources the client makes for itself use native epoll rather than NIO} */
    public boolean nativeTransport() { return values.nativeTransport; }
    /** {@return how many actions may be written and not yet answered; 0 for no limit} */
    public int maxUnansweredActions() { return values.maxUnansweredActions; }
    /** {@return the metrics hooks} */
    public AmiClientObserver observer() { return values.observer; }
    /** {@return what adjusts the Netty bootstrap before each connection} */
    public Consumer<Bootstrap> bootstrapCustomizer() { return values.bootstrapCustomizer; }

    @Override
    public String toString() {
        return "AmiClientOptions[name=" + values.name + ", url=" + values.url + ", auth=" + values.authType + ", events=" + values.eventMask
                + ", connectTimeout=" + values.connectTimeout + ", actionTimeout=" + values.actionTimeout + ", " + values.reconnect
                + ", keepalive=" + values.keepaliveInterval + ", eventBuffer=" + values.eventBufferSize + " events/" + values.eventBufferBytes
                + " bytes/" + values.overflowPolicy + ", maxListBytes=" + values.maxListBytes + "]";
    }
}
