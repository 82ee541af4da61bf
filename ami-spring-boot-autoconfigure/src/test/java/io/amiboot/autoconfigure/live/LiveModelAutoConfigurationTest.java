package io.amiboot.autoconfigure.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.amiboot.autoconfigure.AmiAutoConfiguration;
import io.amiboot.autoconfigure.AmiClients;
import io.amiboot.autoconfigure.InvalidAmiPropertyException;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.live.KpiWindow;
import io.amiboot.live.LiveModel;
import io.amiboot.live.LiveModelLimits;
import io.amiboot.live.LiveSnapshot;
import io.amiboot.live.QueueKpiSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The live models are opt-in, one per configured server; a single server also gets its {@link LiveModel} bean. */
class LiveModelAutoConfigurationTest {

    /** Nothing listens on port 1: the clients keep reconnecting in the background. */
    private static final String DOWN_URL = "ami://amiboot:s3cr3t@127.0.0.1:1";

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(AmiAutoConfiguration.class, SslAutoConfiguration.class, LiveModelAutoConfiguration.class));

    private static AmiClient unconnectedClient(String name) {
        return AmiClient.create(AmiClientOptions.builder(DOWN_URL).name(name).build());
    }

    @Test
    void offByDefault() {
        runner.withPropertyValues("ami.url=" + DOWN_URL)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LiveModels.class)
                        .doesNotHaveBean(LiveModel.class));
    }

    @Test
    void oneServerGetsItsModelAlsoAsTheLiveModelBean() {
        runner.withPropertyValues("ami.url=" + DOWN_URL, "ami.live-model.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(LiveModels.class).hasSingleBean(LiveModel.class);
            LiveModels models = context.getBean(LiveModels.class);
            assertThat(models.names()).containsExactly("default");
            assertThat(context.getBean(LiveModel.class)).isSameAs(models.get("default"));
            LiveSnapshot snapshot = models.get("default").snapshot();
            assertThat(snapshot.connected()).isFalse();
            assertThat(snapshot.calls()).isEmpty();
        });
    }

    @Test
    void everyServerGetsAModelOfItsOwnAndThereIsNoSingleLiveModelBean() {
        runner.withPropertyValues("ami.servers.london.url=" + DOWN_URL, "ami.servers.paris.url=" + DOWN_URL,
                "ami.servers.berlin.url=" + DOWN_URL, "ami.live-model.enabled=true").run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(LiveModel.class);
                    LiveModels models = context.getBean(LiveModels.class);
                    assertThat(models.names()).containsExactly("london", "paris", "berlin");
                    assertThat(models.asMap().values()).doesNotHaveDuplicates();
                    assertThat(models.find("rome")).isEmpty();
                });
    }

    @Test
    void askingForAServerWithoutAModelNamesThoseWithOne() {
        runner.withPropertyValues("ami.servers.london.url=" + DOWN_URL, "ami.servers.paris.url=" + DOWN_URL,
                "ami.live-model.enabled=true").run(context -> {
                    LiveModels models = context.getBean(LiveModels.class);
                    assertThatIllegalArgumentException().isThrownBy(() -> models.get("rome"))
                            .withMessage("No live model for AMI server 'rome'; models: [london, paris]");
                });
    }

    @Test
    void theModelsMapCannotBeChanged() {
        runner.withPropertyValues("ami.servers.london.url=" + DOWN_URL, "ami.live-model.enabled=true").run(context -> {
            LiveModels models = context.getBean(LiveModels.class);
            assertThatExceptionOfType(UnsupportedOperationException.class)
                    .isThrownBy(() -> models.asMap().remove("london"));
        });
    }

    @Test
    void liveModelServersPicksTheServersInConfigurationOrder() {
        runner.withPropertyValues("ami.servers.london.url=" + DOWN_URL, "ami.servers.paris.url=" + DOWN_URL,
                "ami.servers.berlin.url=" + DOWN_URL, "ami.live-model.enabled=true", "ami.live-model.servers=berlin,london")
                .run(context -> assertThat(context.getBean(LiveModels.class).names()).containsExactly("london", "berlin"));
    }

    @Test
    void anUnknownServerInLiveModelServersFailsTheStartNamingIt() {
        runner.withPropertyValues("ami.servers.london.url=" + DOWN_URL, "ami.live-model.enabled=true",
                "ami.live-model.servers=london,rome").run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(InvalidAmiPropertyException.class)
                        .hasMessage("Invalid property 'ami.live-model.servers': names 'rome', which is not a configured AMI server"));
    }

    @Test
    void theLimitsComeFromTheProperties() {
        runner.withPropertyValues("ami.servers.london.url=" + DOWN_URL, "ami.servers.paris.url=" + DOWN_URL,
                "ami.live-model.enabled=true", "ami.live-model.rebuild-interval=250ms",
                "ami.live-model.rebuild-retry-max-delay=5s", "ami.live-model.max-held-events=500",
                "ami.live-model.max-held-size=2MB")
                .run(context -> assertThat(context.getBean(LiveModels.class).asMap().values()).extracting(LiveModel::limits)
                        .containsOnly(new LiveModelLimits(Duration.ofMillis(250), Duration.ofSeconds(5), 500, 2L * 1024 * 1024)));
    }

    @Test
    void aZeroRebuildIntervalFailsTheStartNamingIt() {
        runner.withPropertyValues("ami.url=" + DOWN_URL, "ami.live-model.enabled=true", "ami.live-model.rebuild-interval=0s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rebuild interval"));
    }

    @Test
    void offWithoutAServer() {
        runner.withPropertyValues("ami.live-model.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LiveModels.class)
                        .doesNotHaveBean(LiveModel.class));
    }

    @Test
    void theApplicationsClientBeansGetAModelEachByTheirNames() {
        runner.withBean("first", AmiClient.class, () -> unconnectedClient("first"))
                .withBean("second", AmiClient.class, () -> unconnectedClient("second"))
                .withPropertyValues("ami.live-model.enabled=true").run(context -> {
                    assertThat(context).doesNotHaveBean(LiveModel.class);
                    assertThat(context.getBean(AmiClients.class).names()).containsExactly("first", "second");
                    assertThat(context.getBean(LiveModels.class).names()).containsExactly("first", "second");
                });
    }

    @Test
    void aPrimaryClientBeanGetsTheLiveModelBean() {
        runner.withBean("first", AmiClient.class, () -> unconnectedClient("first"))
                .withBean("second", AmiClient.class, () -> unconnectedClient("second"), bean -> bean.setPrimary(true))
                .withPropertyValues("ami.live-model.enabled=true").run(context -> assertThat(context.getBean(LiveModel.class))
                        .isSameAs(context.getBean(LiveModels.class).get("second")));
    }

    @Test
    void anApplicationsOwnLiveModelReplacesTheAutoConfiguredOnes() {
        try (AmiClient own = unconnectedClient("own")) {
            runner.withPropertyValues("ami.url=" + DOWN_URL, "ami.live-model.enabled=true")
                    .withBean("ownModel", LiveModel.class, () -> new LiveModel(own, Clock.systemUTC()),
                            bean -> bean.setDestroyMethodName("close"))
                    .run(context -> assertThat(context).hasSingleBean(LiveModel.class).hasBean("ownModel")
                            .doesNotHaveBean(LiveModels.class));
        }
    }

    @Test
    void queueFiguresTakeTheirThresholdAndDailyResetFromProperties() {
        runner.withPropertyValues("ami.url=" + DOWN_URL, "ami.live-model.enabled=true",
                "ami.live-model.service-level-threshold=30s", "ami.live-model.kpi-reset-at=06:30",
                "ami.live-model.kpi-zone=Europe/Paris").run(context -> {
                    QueueKpiSettings settings = context.getBean(LiveModelProperties.class).toKpiSettings();
                    assertThat(settings.serviceLevelThreshold()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(settings.window()).isEqualTo(new KpiWindow(LocalTime.of(6, 30), ZoneId.of("Europe/Paris")));
                });
        runner.withPropertyValues("ami.url=" + DOWN_URL, "ami.live-model.enabled=true").run(context ->
                assertThat(context.getBean(LiveModelProperties.class).toKpiSettings().serviceLevelThreshold())
                        .isEqualTo(QueueKpiSettings.DEFAULTS.serviceLevelThreshold()));
    }
}
