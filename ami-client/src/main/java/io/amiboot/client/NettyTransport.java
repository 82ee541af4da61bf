package io.amiboot.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The Netty transport of a client's channel: NIO, or native epoll on Linux when asked for and
 * {@code netty-transport-native-epoll} is on the class path; a shared event loop group decides for itself.
 */
enum NettyTransport {

    /** Java NIO, everywhere. */
    NIO,

    /** Native epoll, Linux only. */
    EPOLL;

    /** Whether the epoll classes are on the class path and their native library loads on this machine. */
    private static final boolean EPOLL_AVAILABLE = isPresent("io.netty.channel.epoll.Epoll") && EpollClasses.available();

    /** Epoll when {@code preferNative} and it is available, else NIO. */
    static NettyTransport choose(boolean preferNative) {
        return preferNative && EPOLL_AVAILABLE ? EPOLL : NIO;
    }

    /** The transport {@code group}'s event loops serve: a shared group decides the channel type. */
    static NettyTransport of(EventLoopGroup group) {
        return EPOLL_AVAILABLE && group instanceof IoEventLoopGroup io && EpollClasses.serves(io) ? EPOLL : NIO;
    }

    IoHandlerFactory ioHandlerFactory() {
        return this == EPOLL ? EpollClasses.ioHandlerFactory() : NioIoHandler.newFactory();
    }

    Class<? extends SocketChannel> socketChannel() {
        return this == EPOLL ? EpollClasses.socketChannel() : NioSocketChannel.class;
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, NettyTransport.class.getClassLoader());
            return true;
        }
        catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** Every reference to the optional epoll classes, so that nothing loads them when they are absent. */
    private static final class EpollClasses {

        static boolean available() {
            return io.netty.channel.epoll.Epoll.isAvailable();
        }

        static boolean serves(IoEventLoopGroup group) {
            return group.isIoType(io.netty.channel.epoll.EpollIoHandler.class);
        }

        static IoHandlerFactory ioHandlerFactory() {
            return io.netty.channel.epoll.EpollIoHandler.newFactory();
        }

        static Class<? extends SocketChannel> socketChannel() {
            return io.netty.channel.epoll.EpollSocketChannel.class;
        }
    }
}
