package io.amiboot.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.autoconfigure.AmiClients;
import io.amiboot.action.AmiActionSender;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The application starts while its Asterisk is down; the client keeps trying in the background. */
class SmokeTestApplicationTest {

    @Test
    void startsWhileAsteriskIsDown() {
        try (ConfigurableApplicationContext app = SpringApplication.run(SmokeTestApplication.class,
                "--ami.url=ami://amiboot:amiboot@127.0.0.1:1", "--spring.main.banner-mode=off")) {
            assertThat(app.getBean(AmiClients.class).names()).containsExactly("default");
            assertThat(app.getBean(AmiActionSender.class)).isNotNull();
            assertThat(app.getBean(AmiClient.class).state()).isIn(AmiConnectionState.CONNECTING, AmiConnectionState.DISCONNECTED);
        }
    }

    @Test
    void startsWithoutAmiConfiguration() {
        try (ConfigurableApplicationContext app = SpringApplication.run(SmokeTestApplication.class, "--spring.main.banner-mode=off")) {
            assertThat(app.getBeanNamesForType(AmiClient.class)).isEmpty();
        }
    }
}
