package io.amiboot.autoconfigure.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.live.LiveModel;
import io.amiboot.live.LiveModelLimits;
import io.amiboot.live.LiveSnapshot;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The live model is opt-in and needs exactly one (or a primary) {@link AmiClient} bean. */
class LiveModelAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LiveModelAutoConfiguration.class));

    private static AmiClient unconnectedClient() {
        return AmiClient.create(AmiClientOptions.builder("ami://user:secret@127.0.0.1:1").name("live-test").build());
    }

    @Test
    void offByDefault() {
        runner.withBean(AmiClient.class, LiveModelAutoConfigurationTest::unconnectedClient)
                .run(context -> assertThat(context).doesNotHaveBean(LiveModel.class));
    }

    @Test
    void onWhenEnabledAndAClientExists() {
        runner.withBean(AmiClient.class, LiveModelAutoConfigurationTest::unconnectedClient)
                .withPropertyValues("ami.live-model.enabled=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(LiveModel.class);
                    LiveSnapshot snapshot = context.getBean(LiveModel.class).snapshot();
                    assertThat(snapshot.connected()).isFalse();
                    assertThat(snapshot.calls()).isEmpty();
                });
    }

    @Test
    void theLimitsComeFromTheProperties() {
        runner.withBean(AmiClient.class, LiveModelAutoConfigurationTest::unconnectedClient)
                .withPropertyValues("ami.live-model.enabled=true", "ami.live-model.rebuild-interval=250ms",
                        "ami.live-model.rebuild-retry-max-delay=5s", "ami.live-model.max-held-events=500",
                        "ami.live-model.max-held-size=2MB")
                .run(context -> assertThat(context.getBean(LiveModel.class).limits()).isEqualTo(new LiveModelLimits(
                        Duration.ofMillis(250), Duration.ofSeconds(5), 500, 2L * 1024 * 1024)));
    }

    @Test
    void aZeroRebuildIntervalFailsTheStartNamingIt() {
        runner.withBean(AmiClient.class, LiveModelAutoConfigurationTest::unconnectedClient)
                .withPropertyValues("ami.live-model.enabled=true", "ami.live-model.rebuild-interval=0s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rebuild interval"));
    }

    @Test
    void offWithoutAClient() {
        runner.withPropertyValues("ami.live-model.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(LiveModel.class));
    }

    @Test
    void offWithTwoClientsAndNoPrimary() {
        runner.withBean("first", AmiClient.class, LiveModelAutoConfigurationTest::unconnectedClient)
                .withBean("second", AmiClient.class, LiveModelAutoConfigurationTest::unconnectedClient)
                .withPropertyValues("ami.live-model.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(LiveModel.class));
    }
}
