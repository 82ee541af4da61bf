package io.amiboot.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;

/**
 * The last handler: passes the banner and connection loss to the client, and the events of each read, as one
 * batch, to the {@link EventDispatcher}. It notes {@code FullyBooted} (Asterisk is ready) and {@code Shutdown}
 * (so the disconnect that follows can say why).
 */
final class AmiSessionHandler extends ChannelInboundHandlerAdapter {

    /** What the session reports to its owner; called on the event loop. */
    interface Callbacks {

        void bannerReceived(AmiBanner banner);

        void shutdownAnnounced(AmiEvent shutdown);

        void fullyBooted(AmiEvent fullyBooted);

        /** The buffer was full under {@link EventOverflowPolicy#RECONNECT}. */
        void eventBufferOverflowed();

        void failed(Throwable cause);

        void closed();
    }

    private final EventDispatcher dispatcher;

    private final Callbacks callbacks;

    private List<AmiEvent> pendingEvents = new ArrayList<>();

    AmiSessionHandler(EventDispatcher dispatcher, Callbacks callbacks) {
        this.dispatcher = dispatcher;
        this.callbacks = callbacks;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof InboundBatch events) {
            for (int i = 0; i < events.size(); i++) {
                AmiEvent event = (AmiEvent) events.get(i);
                if (event.is(AmiWire.SHUTDOWN)) {
                    callbacks.shutdownAnnounced(event);
                }
                else if (event.is(AmiWire.FULLY_BOOTED)) {
                    callbacks.fullyBooted(event);
                }
                pendingEvents.add(event);
            }
        }
        else if (msg instanceof AmiBanner banner) {
            callbacks.bannerReceived(banner);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        flush();
        ctx.fireChannelReadComplete();
    }

    private void flush() {
        if (!pendingEvents.isEmpty()) {
            List<AmiEvent> events = pendingEvents;
            pendingEvents = new ArrayList<>(Math.max(16, events.size()));
            if (!dispatcher.submit(events)) {
                callbacks.eventBufferOverflowed();
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        callbacks.failed(cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        flush();
        callbacks.closed();
        ctx.fireChannelInactive();
    }
}
