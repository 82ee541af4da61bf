package io.amiboot.autoconfigure.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.autoconfigure.AmiConnectionDetails;
import io.amiboot.action.AmiActionSender;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionState;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * A {@code @ServiceConnection} Asterisk container connects the auto-configured client with no {@code ami.*}
 * property. Where Docker runs, the container is built from {@code docker/asterisk/Dockerfile}; where it does not
 * (CI here), the container bean stands for the test's real Asterisk ({@link RunningAsterisk}): Testcontainers
 * does not start it, and the connection details factory reads its host, port and credentials as from any other.
 */
@RealAsterisk
class AsteriskServiceConnectionIT {

    /** The real Asterisk of this test, for the container bean when Docker does not run. */
    private static volatile TestAsterisk realAsterisk;

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    @Test
    void aServiceConnectionContainerNeedsNoProperties(TestAsterisk asterisk) throws Exception {
        realAsterisk = asterisk;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "ami.startup.wait=true", "ami.startup.timeout=90s").run()) {
            assertThat(app.getBean(AmiConnectionDetails.class)).isInstanceOf(
                    AsteriskContainerConnectionDetailsFactory.AsteriskContainerConnectionDetails.class);
            assertThat(app.getBean(AmiClient.class).state()).isEqualTo(AmiConnectionState.CONNECTED);
            assertThat(app.getBean(AmiActionSender.class).coreSettings().get(10, TimeUnit.SECONDS).asteriskVersion()).startsWith("22.");
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker/asterisk/Dockerfile"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docker/asterisk/Dockerfile not found above " + System.getProperty("user.dir"));
        }
        return dir;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        @ServiceConnection(name = "asterisk")
        GenericContainer<?> asterisk() {
            if (!dockerAvailable()) {
                return new RunningAsterisk(realAsterisk);
            }
            Path root = repositoryRoot();
            return new GenericContainer<>(new ImageFromDockerfile("amiboot/test-asterisk:it", false)
                    .withFileFromPath("Dockerfile", root.resolve("docker/asterisk/Dockerfile"))
                    .withFileFromPath("asterisk/etc", root.resolve("asterisk/etc")))
                    .withExposedPorts(15038)
                    .waitingFor(Wait.forLogMessage(".*Asterisk Ready.*", 1).withStartupTimeout(Duration.ofMinutes(5)));
        }
    }

    /**
     * A container bean for an Asterisk that already runs (the rootfs one): starting and stopping it do nothing,
     * and it maps its exposed AMI port to the real server's address. Nothing here talks to Docker.
     */
    static final class RunningAsterisk extends GenericContainer<RunningAsterisk> {

        private final TestAsterisk asterisk;

        RunningAsterisk(TestAsterisk asterisk) {
            super("asterisk");
            this.asterisk = asterisk;
            withExposedPorts(15038);
            withEnv("AMI_USERNAME", asterisk.username());
            withEnv("AMI_SECRET", asterisk.secret());
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public String getHost() {
            return asterisk.host();
        }

        @Override
        public Integer getMappedPort(int originalPort) {
            return asterisk.amiPort();
        }
    }
}
