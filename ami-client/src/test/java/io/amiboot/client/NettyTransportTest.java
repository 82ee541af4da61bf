package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.ScriptedAmiPeer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** NIO by default, epoll when asked for and available, and a shared group's own kind; each one carries actions. */
class NettyTransportTest {

    @Test
    void nioUnlessEpollIsAskedForAndAvailable() {
        assertThat(NettyTransport.choose(false)).isEqualTo(NettyTransport.NIO);
        assertThat(NettyTransport.choose(true)).isEqualTo(Epoll.isAvailable() ? NettyTransport.EPOLL : NettyTransport.NIO);
    }

    @Test
    void aSharedGroupDecidesTheChannelType() throws Exception {
        EventLoopGroup nio = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            assertThat(NettyTransport.of(nio)).isEqualTo(NettyTransport.NIO);
            assertActionsWork(AmiClientResources.builder().eventLoopGroup(nio).build(), AmiClientOptions.builder("ami://u:s@127.0.0.1:1"));
        }
        finally {
            nio.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (Epoll.isAvailable()) {
            EventLoopGroup epoll = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
            try {
                assertThat(NettyTransport.of(epoll)).isEqualTo(NettyTransport.EPOLL);
                // Before NettyTransport the client forced a NIO channel, which an epoll group cannot register.
                assertActionsWork(AmiClientResources.builder().eventLoopGroup(epoll).build(), AmiClientOptions.builder("ami://u:s@127.0.0.1:1"));
            }
            finally {
                epoll.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
    }

    @Test
    void theClientsOwnLoopWorksWithEitherTransport() throws Exception {
        assertActionsWork(null, AmiClientOptions.builder("ami://u:s@127.0.0.1:1").nativeTransport(false));
        assertActionsWork(null, AmiClientOptions.builder("ami://u:s@127.0.0.1:1").nativeTransport(true));
    }

    /** With {@code resources} given, or (when {@code null}) the client's own. */
    private static void assertActionsWork(AmiClientResources resources, AmiClientOptionsBuilder options) throws Exception {
        try (ScriptedAmiPeer peer = new ScriptedAmiPeer()) {
            AmiClientOptions built = options.url(AmiUrl.parse(peer.url("u", "s"))).keepaliveInterval(Duration.ZERO).build();
            AmiClient created = resources == null ? AmiClient.create(built) : AmiClient.create(resources, built);
            try (AmiClient client = created.connect().get(10, TimeUnit.SECONDS)) {
                assertThat(client.send(AmiAction.of("Ping")).get(10, TimeUnit.SECONDS).isSuccess()).isTrue();
            }
        }
    }
}
