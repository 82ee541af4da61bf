package io.amiboot.smoketest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.amiboot.action.AmiActionSender;
import io.amiboot.action.OriginateRequest;
import io.amiboot.action.OriginateResult;
import io.amiboot.autoconfigure.events.AmiApplicationEvent;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application, with the starter alone, receives the events of a call from a real Asterisk 22, raw through
 * {@code @OnAmiEvent} and typed through {@code @EventListener void on(HangupEvent)}.
 */
@RealAsterisk
class SmokeTestApplicationIT {

    @Test
    void receivesTheEventsOfACall(TestAsterisk asterisk) throws Exception {
        try (ConfigurableApplicationContext app = SpringApplication.run(SmokeTestApplication.class,
                "--ami.url=" + asterisk.amiUrl(), "--ami.startup.wait=true", "--spring.main.banner-mode=off")) {
            SmokeTestApplication.CallLog log = app.getBean(SmokeTestApplication.CallLog.class);
            // ami.startup.wait returns once logged in; the AmiConnectedEvent reaches listeners on the event thread.
            await().atMost(Duration.ofSeconds(10)).until(() -> log.asteriskVersion() != null);
            assertThat(log.asteriskVersion()).startsWith("22.");
            AmiActionSender sender = app.getBean(AmiActionSender.class);
            OriginateResult call = sender.originateAndAwait(OriginateRequest.toChannel("Local/100@test")
                    .application("Wait", "30").build()).get(30, TimeUnit.SECONDS);
            assertThat(call.success()).isTrue();
            sender.hangup(call.channel()).get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> log.events().stream()
                    .anyMatch(e -> e.is("Hangup") && call.channel().equals(e.get("Channel"))));
            assertThat(log.events().stream().filter(e -> call.channel().equals(e.get("Channel")))
                    .map(AmiApplicationEvent::getName)).containsExactly("Newchannel", "Hangup");
            // The same Hangup through a typed @EventListener: the cause as a number, the server named.
            await().atMost(Duration.ofSeconds(10)).until(() -> log.hangups().stream()
                    .anyMatch(hangup -> call.channel().equals(hangup.channel())));
            assertThat(log.hangups()).filteredOn(hangup -> call.channel().equals(hangup.channel())).singleElement()
                    .satisfies(hangup -> {
                        assertThat(hangup.server()).isEqualTo("default");
                        assertThat(hangup.cause()).isNotNull();
                        assertThat(hangup.causeTxt()).isNotBlank();
                        assertThat(hangup.uniqueid()).isEqualTo(call.uniqueid());
                    });
        }
    }
}
