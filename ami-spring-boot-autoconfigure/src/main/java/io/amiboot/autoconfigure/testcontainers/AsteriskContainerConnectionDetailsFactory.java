package io.amiboot.autoconfigure.testcontainers;

import io.amiboot.autoconfigure.AmiConnectionDetails;
import io.amiboot.autoconfigure.AmiProperties;
import io.amiboot.client.AmiUrl;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.containers.Container;

/**
 * {@link AmiConnectionDetails} from an Asterisk container annotated {@code @ServiceConnection}, so that tests need no
 * {@code ami.*} connection properties. A container qualifies when its connection name (the image repository, or
 * {@code @ServiceConnection(name = ...)}) is {@code asterisk} or a known Asterisk image, or when it is annotated
 * {@code @ServiceConnection(type = AmiConnectionDetails.class)}; a container built from a Dockerfile has a generated
 * image name, so name it:
 *
 * <pre>{@code
 * @Container
 * @ServiceConnection(name = "asterisk")
 * static GenericContainer<?> asterisk = new GenericContainer<>(new ImageFromDockerfile()
 *         .withFileFromPath(".", repositoryRoot).withDockerfilePath("docker/asterisk/Dockerfile"))
 *         .withExposedPorts(15038);
 * }</pre>
 *
 * <p>The AMI port is the container's {@code AMI_PORT} environment variable if set, else exposed port 5038, else
 * 15038 (the amiboot test image), else its only exposed port. The user and secret are its {@code AMI_USERNAME} and
 * {@code AMI_SECRET} environment variables, {@code amiboot}/{@code amiboot} (the test image's user) by default.
 */
public final class AsteriskContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<Container<?>, AmiConnectionDetails> {

    /** Connection names (image repositories) taken for Asterisk. */
    static final List<String> CONNECTION_NAMES = List.of("asterisk", "amiboot/test-asterisk", "andrius/asterisk",
            "mlan/asterisk", "asterisk/asterisk", "dougbtv/asterisk");

    /** Called by Spring Boot's Testcontainers support, which finds the factory in {@code META-INF/spring.factories}. */
    public AsteriskContainerConnectionDetailsFactory() {
        super(CONNECTION_NAMES);
    }

    @Override
    protected boolean sourceAccepts(ContainerConnectionSource<Container<?>> source, Class<?> requiredContainerType,
            Class<?> requiredConnectionDetailsType) {
        return super.sourceAccepts(source, requiredContainerType, requiredConnectionDetailsType)
                || (source.accepts(ANY_CONNECTION_NAME, requiredContainerType, requiredConnectionDetailsType)
                        && !source.accepts(ANY_CONNECTION_NAME, requiredContainerType, ConnectionDetails.class));
    }

    @Override
    protected AmiConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
        return new AsteriskContainerConnectionDetails(source);
    }

    /** The AMI endpoint of a running container. */
    static AmiUrl url(Container<?> container) {
        Map<String, String> env = container.getEnvMap();
        List<Integer> exposed = container.getExposedPorts();
        int port;
        if (env.containsKey("AMI_PORT")) {
            port = Integer.parseInt(env.get("AMI_PORT").trim());
        }
        else if (exposed.contains(AmiUrl.DEFAULT_PORT)) {
            port = AmiUrl.DEFAULT_PORT;
        }
        else if (exposed.contains(15038)) {
            port = 15038;
        }
        else if (exposed.size() == 1) {
            port = exposed.get(0);
        }
        else {
            throw new IllegalStateException("Cannot tell the AMI port of the Asterisk container (exposed: " + exposed
                    + "); expose 5038 or set its AMI_PORT environment variable");
        }
        return new AmiUrl(false, container.getHost(), container.getMappedPort(port),
                env.getOrDefault("AMI_USERNAME", "amiboot"), env.getOrDefault("AMI_SECRET", "amiboot"));
    }

    static final class AsteriskContainerConnectionDetails extends ContainerConnectionDetails<Container<?>>
            implements AmiConnectionDetails {

        AsteriskContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
            super(source);
        }

        @Override
        public Map<String, AmiUrl> getServers() {
            return Map.of(AmiProperties.DEFAULT_SERVER, url(getContainer()));
        }
    }
}
