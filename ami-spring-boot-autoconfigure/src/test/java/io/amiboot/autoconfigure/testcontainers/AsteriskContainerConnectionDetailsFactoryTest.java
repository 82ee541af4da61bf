package io.amiboot.autoconfigure.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.amiboot.client.AmiUrl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.testcontainers.containers.Container;

/** How the factory reads a container, without Docker (the Docker test is {@code AsteriskServiceConnectionIT}). */
class AsteriskContainerConnectionDetailsFactoryTest {

    @SuppressWarnings("unchecked")
    private static Container<?> container(List<Integer> exposed, Map<String, String> env) {
        Container<?> container = mock(Container.class);
        given(container.getHost()).willReturn("docker-host");
        given(container.getExposedPorts()).willReturn(exposed);
        given(container.getEnvMap()).willReturn(env);
        given(container.getMappedPort(5038)).willReturn(32768);
        given(container.getMappedPort(15038)).willReturn(32769);
        given(container.getMappedPort(6000)).willReturn(32770);
        return container;
    }

    @Test
    void theAmibootTestImage() {
        assertThat(AsteriskContainerConnectionDetailsFactory.url(container(List.of(15038), Map.of())))
                .isEqualTo(new AmiUrl(false, "docker-host", 32769, "amiboot", "amiboot"));
    }

    @Test
    void theStandardPortWinsAndCredentialsComeFromTheEnvironment() {
        assertThat(AsteriskContainerConnectionDetailsFactory.url(container(List.of(15038, 5038, 5060),
                Map.of("AMI_USERNAME", "admin", "AMI_SECRET", "s3cr3t")))).isEqualTo(new AmiUrl(false, "docker-host", 32768, "admin", "s3cr3t"));
    }

    @Test
    void anExplicitPort() {
        assertThat(AsteriskContainerConnectionDetailsFactory.url(container(List.of(6000, 5060), Map.of("AMI_PORT", "6000"))).port())
                .isEqualTo(32770);
        assertThatThrownBy(() -> AsteriskContainerConnectionDetailsFactory.url(container(List.of(6000, 5060), Map.of())))
                .hasMessageContaining("AMI_PORT");
    }

    @Test
    void registeredForServiceConnections() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ConnectionDetailsFactory.class,
                (type, name, failure) -> { }))
                .hasAtLeastOneElementOfType(AsteriskContainerConnectionDetailsFactory.class);
        assertThat(AsteriskContainerConnectionDetailsFactory.CONNECTION_NAMES).contains("asterisk");
    }
}
