package io.amiboot.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes an action as AMI bytes: {@code Action}, {@code ActionID}, its headers in order, each line ending in
 * CRLF, and a blank line. Names and values were checked when the action was built ({@link AmiAction}).
 */
final class AmiActionEncoder extends MessageToByteEncoder<PendingAction> {

    private static final byte[] CRLF = {'\r', '\n'};

    private static final byte[] SEPARATOR = {':', ' '};

    AmiActionEncoder() {
        super(PendingAction.class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, PendingAction msg, boolean preferDirect) {
        AmiAction action = msg.action;
        int estimate = 32 + action.name().length() + msg.actionId.length();
        for (int i = 0; i < action.size(); i++) {
            estimate += 4 + ByteBufUtil.utf8MaxBytes(action.headerName(i)) + ByteBufUtil.utf8MaxBytes(action.headerValue(i));
        }
        return preferDirect ? ctx.alloc().ioBuffer(estimate) : ctx.alloc().heapBuffer(estimate);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, PendingAction msg, ByteBuf out) {
        AmiAction action = msg.action;
        writeLine(out, "Action", action.name());
        writeLine(out, "ActionID", msg.actionId);
        for (int i = 0; i < action.size(); i++) {
            writeLine(out, action.headerName(i), action.headerValue(i));
        }
        out.writeBytes(CRLF);
    }

    private static void writeLine(ByteBuf out, String name, String value) {
        ByteBufUtil.writeUtf8(out, name);
        out.writeBytes(SEPARATOR);
        ByteBufUtil.writeUtf8(out, value);
        out.writeBytes(CRLF);
    }
}
