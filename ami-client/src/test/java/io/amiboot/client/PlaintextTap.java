package io.amiboot.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Records every byte a client hands to its TLS handler, before encryption. Give the client {@link #group()}: each
 * channel it registers gets a handler first in its pipeline that, once the client's pipeline is built, puts the tap
 * right behind the client's {@code tls} handler.
 */
@ChannelHandler.Sharable
public final class PlaintextTap extends ChannelOutboundHandlerAdapter implements AutoCloseable {

    private final StringBuffer written = new StringBuffer();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()) {
        @Override
        public ChannelFuture register(Channel channel) {
            channel.pipeline().addFirst(new MoveBehindTls());
            return super.register(channel);
        }
    };

    private final AmiClientResources resources = AmiClientResources.builder().name("tap").eventLoopGroup(group).build();

    /** For {@link AmiClientResourcesBuilder#eventLoopGroup}. */
    public EventLoopGroup group() {
        return group;
    }

    /** Resources on the tapped group, for {@link AmiClient#create(AmiClientResources, AmiClientOptions)}. */
    public AmiClientResources resources() {
        return resources;
    }

    /** What went into TLS so far (Latin-1, as AMI's header bytes). */
    public String written() {
        return written.toString();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes) {
            written.append(bytes.toString(bytes.readerIndex(), bytes.readableBytes(), StandardCharsets.ISO_8859_1));
        }
        ctx.write(msg, promise);
    }

    @Override
    public void close() {
        resources.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    private final class MoveBehindTls extends ChannelInboundHandlerAdapter {

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (ctx.pipeline().get("tls") == null) {
                throw new IllegalStateException("no 'tls' handler in " + ctx.pipeline().names());
            }
            ctx.pipeline().addAfter("tls", "plaintext-tap", PlaintextTap.this);
            ctx.fireChannelActive();
            ctx.pipeline().remove(this);
        }
    }
}
