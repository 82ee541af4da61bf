package io.amiboot.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Assembles the pipeline of one connection, socket side first: TLS (for {@code amis://}), frames, messages,
 * the action encoder, the correlator that pairs responses with actions, and the session handler that hands
 * events to the {@link EventDispatcher}. The {@link KeepaliveHandler} is added after the login is accepted.
 */
final class AmiChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** The name of the handler the keepalive is added after. */
    static final String MESSAGES = "messages";

    private final AmiClientOptions options;

    private final Executor callbackExecutor;

    private final EventDispatcher dispatcher;

    private final AmiConnection connection;

    /** {@code null} for plain TCP. */
    private final SslContext sslContext;

    AmiChannelInitializer(AmiClientOptions options, Executor callbackExecutor, EventDispatcher dispatcher,
            AmiConnection connection, SslContext sslContext) {
        this.options = options;
        this.callbackExecutor = callbackExecutor;
        this.dispatcher = dispatcher;
        this.connection = connection;
        this.sslContext = sslContext;
    }

    /** The bootstrap every connection of a client is cloned from: its resources' threads, its options' socket settings. */
    static Bootstrap bootstrap(AmiClientOptions options, AmiClientResources resources) {
        Bootstrap bootstrap = new Bootstrap().group(resources.eventLoopGroup())
                .channel(resources.transport().socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true);
        options.bootstrapCustomizer().accept(bootstrap);
        return bootstrap;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        connection.channel = channel;
        ActionCorrelator correlator = new ActionCorrelator(this::complete, options.observer(), ActionIds.random(),
                options.maxListBytes());
        OutboundQueue outbound = new OutboundQueue(channel, callbackExecutor, options.maxUnansweredActions(),
                correlator::inFlight);
        correlator.onSettled(outbound::resume);
        connection.outbound = outbound;
        ChannelPipeline pipeline = channel.pipeline();
        if (sslContext != null) {
            pipeline.addLast("tls", AmiTls.handler(sslContext, channel, options.url(), connection::failed));
        }
        pipeline.addLast("frames", new AmiFrameDecoder(options.maxLineLength(), options.maxMessageSize()));
        pipeline.addLast(MESSAGES, new AmiMessageDecoder());
        pipeline.addLast("encoder", new AmiActionEncoder());
        pipeline.addLast("correlator", correlator);
        pipeline.addLast("session", new AmiSessionHandler(dispatcher, connection));
    }

    /** Completes futures off the event loop; once a shared executor is shut down, in place rather than never. */
    private void complete(Runnable completion) {
        try {
            callbackExecutor.execute(completion);
        }
        catch (RejectedExecutionException ex) {
            completion.run();
        }
    }
}
