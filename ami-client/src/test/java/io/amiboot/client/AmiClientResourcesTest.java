package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.test.asterisk.ScriptedAmiPeer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Resources shared by clients: one event loop thread serves them all, and only their creator closes them. */
class AmiClientResourcesTest {

    private ScriptedAmiPeer east;

    private ScriptedAmiPeer west;

    @BeforeEach
    void startPeers() throws Exception {
        east = new ScriptedAmiPeer();
        west = new ScriptedAmiPeer();
    }

    @AfterEach
    void stopPeers() throws Exception {
        east.close();
        west.close();
    }

    private static AmiClientOptions options(ScriptedAmiPeer peer, String name) {
        return AmiClientOptions.builder(peer.url("admin", "s3cret")).name(name).keepaliveInterval(Duration.ZERO).build();
    }

    @Test
    void twoClientsShareOneEventLoopThreadAndClosingThemLeavesTheResourcesRunning() throws Exception {
        AmiClientResources shared = AmiClientResources.builder().name("sharedres").build();
        try {
            AmiClient first = AmiClient.create(shared, options(east, "east")).connect().get(10, TimeUnit.SECONDS);
            AmiClient second = AmiClient.create(shared, options(west, "west")).connect().get(10, TimeUnit.SECONDS);
            assertThat(first.send(AmiAction.of("Ping")).get(5, TimeUnit.SECONDS).isSuccess()).isTrue();
            assertThat(second.send(AmiAction.of("Ping")).get(5, TimeUnit.SECONDS).isSuccess()).isTrue();
            assertThat(AmiClientTest.threadsNamed("ami-io-sharedres")).as("I/O threads of both clients").hasSize(1);
            assertThat(AmiClientTest.threadsNamed("ami-io-east")).isEmpty();
            assertThat(AmiClientTest.threadsNamed("ami-io-west")).isEmpty();
            assertThat(AmiClientTest.threadsNamed("ami-callback-sharedres")).as("callback threads, shared too").isNotEmpty();
            assertThat(AmiClientTest.threadsNamed("ami-callback-east")).isEmpty();
            assertThat(first.resources()).isSameAs(shared).isSameAs(second.resources());

            first.close();
            second.close();
            assertThat(shared.isClosed()).isFalse();
            assertThat(shared.eventLoopGroup().isShuttingDown()).as("group after the last client closed").isFalse();
            assertThat(AmiClientTest.threadsNamed("ami-io-sharedres")).as("the shared I/O thread").hasSize(1);
            try (AmiClient third = AmiClient.create(shared, options(east, "third")).connect().get(10, TimeUnit.SECONDS)) {
                assertThat(third.send(AmiAction.of("Ping")).get(5, TimeUnit.SECONDS).isSuccess())
                        .as("a client on the resources after the others closed").isTrue();
            }
        }
        finally {
            shared.close();
        }
        assertThat(shared.eventLoopGroup().isTerminated()).isTrue();
        Awaitility.await("the resources' threads end").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .untilAsserted(() -> assertThat(AmiClientTest.threadsNamed("sharedres")).isEmpty());
    }

    @Test
    void resourcesNeverShutDownAGroupOrExecutorTheyWereGiven() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ExecutorService callbacks = Executors.newSingleThreadExecutor();
        try {
            AmiClientResources given = AmiClientResources.builder().eventLoopGroup(group).callbackExecutor(callbacks).build();
            try (AmiClient client = AmiClient.create(given, options(east, "given")).connect().get(10, TimeUnit.SECONDS)) {
                assertThat(client.send(AmiAction.of("Ping")).get(5, TimeUnit.SECONDS).isSuccess()).isTrue();
            }
            given.close();
            assertThat(given.isClosed()).isTrue();
            assertThat(group.isShuttingDown()).isFalse();
            assertThat(callbacks.isShutdown()).isFalse();
        }
        finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            callbacks.shutdownNow();
        }
    }

    @Test
    void aClientOnClosedResourcesIsRefusedByName() {
        AmiClientResources closed = AmiClientResources.create("closedres");
        closed.close();
        assertThatThrownBy(() -> AmiClient.create(closed, options(east, "late")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The resources given to AMI client 'late' are closed");
    }
}
