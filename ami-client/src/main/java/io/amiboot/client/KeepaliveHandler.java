package io.amiboot.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects a dead peer (half-open TCP): after {@code interval} without a byte from Asterisk it sends a
 * {@code Ping}; when that gets no answer within another {@code interval}, it closes the connection so the
 * client reconnects. A dead peer is thus found within twice the interval.
 */
final class KeepaliveHandler extends IdleStateHandler {

    private static final Logger logger = LoggerFactory.getLogger(KeepaliveHandler.class);

    private static final AmiAction PING = AmiAction.of("Ping");

    private final Duration interval;

    private boolean pingInFlight;

    KeepaliveHandler(Duration interval) {
        super(interval.toNanos(), 0, 0, TimeUnit.NANOSECONDS);
        this.interval = interval;
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
        if (pingInFlight || !ctx.channel().isActive()) {
            return;
        }
        pingInFlight = true;
        CompletableFuture<AmiResponse> reply = new CompletableFuture<>();
        ctx.channel().writeAndFlush(new PendingAction(PING, reply, interval, null, ctx.executor().ticker()));
        reply.whenComplete((response, failure) -> ctx.executor().execute(() -> {
            pingInFlight = false;
            if (failure instanceof AmiTimeoutException) {
                logger.warn("Asterisk did not answer a keepalive Ping within {} after {} of silence; closing the"
                        + " connection to reconnect", interval, interval);
                ctx.fireExceptionCaught(new AmiConnectionException("No answer from Asterisk to a keepalive Ping within "
                        + interval + " after " + interval + " of silence (dead peer or half-open TCP)"));
            }
        }));
    }
}
