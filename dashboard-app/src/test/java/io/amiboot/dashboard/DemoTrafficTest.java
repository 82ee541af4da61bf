package io.amiboot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Demo traffic originates at the configured rate into the demo context only. */
class DemoTrafficTest {

    @Test
    void originatesAtTheConfiguredRateIntoTheDemoContext() {
        List<AmiAction> sent = new CopyOnWriteArrayList<>();
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        DashboardProperties.Demo demo = new DashboardProperties.Demo(true, 12, "demo", List.of("100", "301"), 20, 30);
        DemoTraffic traffic = new DemoTraffic(action -> {
            sent.add(action);
            return CompletableFuture.completedFuture(AmiResponse.of("Response", "Success"));
        }, demo, time, new Random(7));
        traffic.start();
        time.advanceTimeBy(Duration.ofSeconds(60));
        traffic.stop();
        time.advanceTimeBy(Duration.ofSeconds(60));

        assertThat(sent).hasSize(13);
        assertThat(sent).allSatisfy(action -> {
            assertThat(action.name()).isEqualTo("Originate");
            assertThat(action.get("Channel")).isIn("Local/100@demo", "Local/301@demo");
            assertThat(Integer.parseInt(action.get("Data"))).isBetween(20, 30);
            assertThat(action.get("Application")).isEqualTo("Wait");
        });
    }

    @Test
    void aFailedCallDoesNotStopTheTraffic() {
        List<AmiAction> sent = new CopyOnWriteArrayList<>();
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        DemoTraffic traffic = new DemoTraffic(action -> {
            sent.add(action);
            return CompletableFuture.failedFuture(new IllegalStateException("down"));
        }, new DashboardProperties.Demo(true, 60, "demo", List.of("500"), 1, 1), time, new Random(1));
        traffic.start();
        time.advanceTimeBy(Duration.ofSeconds(5));
        traffic.stop();
        assertThat(sent).hasSize(6);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new DashboardProperties.Demo(true, 0, "demo", List.of("100"), 1, 2))
                .hasMessageContaining("calls-per-minute");
    }
}
