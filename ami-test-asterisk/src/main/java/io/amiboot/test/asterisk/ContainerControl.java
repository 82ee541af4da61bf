package io.amiboot.test.asterisk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Asterisk in a Testcontainers container built from {@code docker/asterisk/Dockerfile} (build context = repository
 * root). The AMI port is bound to a fixed host port so that {@link #stop()} / {@link #start()} (docker stop/start of the
 * same container) keep host and port. The image serves plain AMI only (its Dockerfile turns {@code tlsenable} off), so
 * {@link TestAsterisk#tlsUrl()} fails in this mode unless {@code AMIBOOT_ASTERISK_TLS_URL} names another server.
 */
final class ContainerControl implements Control {

    private static final Logger log = LoggerFactory.getLogger(ContainerControl.class);

    static final int CONTAINER_AMI_PORT = 15038;

    static final String IMAGE_NAME = "amiboot/test-asterisk:local";

    private final GenericContainer<?> container;

    private final int hostPort;

    private ContainerControl(GenericContainer<?> container, int hostPort) {
        this.container = container;
        this.hostPort = hostPort;
    }

    /** Builds the image (Docker's layer cache makes rebuilds quick) and starts a container. */
    static ContainerControl startNew(Path repositoryRoot) {
        // deleteOnExit=false: keep the image so the apt-get layer is cached for the next run
        ImageFromDockerfile image = new ImageFromDockerfile(IMAGE_NAME, false)
                .withFileFromPath("Dockerfile", repositoryRoot.resolve(AsteriskResolver.DOCKERFILE))
                .withFileFromPath(AsteriskResolver.CONFIG_DIR, repositoryRoot.resolve(AsteriskResolver.CONFIG_DIR));
        int hostPort = freePort();
        String hostIp = DockerClientFactory.instance().dockerHostIpAddress();
        boolean localDocker = "localhost".equals(hostIp) || hostIp.startsWith("127.");
        // only loopback when Docker runs locally; a remote Docker host must publish on its own interfaces
        String binding = (localDocker ? "127.0.0.1:" : "") + hostPort + ":" + CONTAINER_AMI_PORT;

        GenericContainer<?> container = new GenericContainer<>(image);
        container.withExposedPorts(CONTAINER_AMI_PORT)
                .withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("asterisk-container")))
                .waitingFor(Wait.forLogMessage(".*Asterisk Ready.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
        container.setPortBindings(List.of(binding));
        log.info("Starting Asterisk container from {} (AMI published on {})", AsteriskResolver.DOCKERFILE, binding);
        container.start();
        return new ContainerControl(container, hostPort);
    }

    String host() {
        return container.getHost();
    }

    int amiPort() {
        return hostPort;
    }

    @Override
    public void start() {
        var state = container.getDockerClient().inspectContainerCmd(container.getContainerId()).exec().getState();
        if (!Boolean.TRUE.equals(state.getRunning())) {
            container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
        }
    }

    @Override
    public void stop() {
        var state = container.getDockerClient().inspectContainerCmd(container.getContainerId()).exec().getState();
        if (Boolean.TRUE.equals(state.getRunning())) {
            container.getDockerClient().stopContainerCmd(container.getContainerId()).withTimeout(15).exec();
        }
    }

    @Override
    public void restart() {
        container.getDockerClient().restartContainerCmd(container.getContainerId()).withTimeout(15).exec();
    }

    @Override
    public void close() {
        container.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException("No free local port for the Asterisk container", e);
        }
    }

    @Override
    public String toString() {
        return "container " + container.getContainerId();
    }
}
