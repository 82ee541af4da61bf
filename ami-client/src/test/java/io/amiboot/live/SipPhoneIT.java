package io.amiboot.live;

import static io.amiboot.live.LiveModelSession.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiAction;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.SipPhone;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real SIP phones (baresip on loopback) registered to the real Asterisk: the live model follows their presence from
 * unavailable to idle, ringing and in use, and an endpoint-to-endpoint call.
 */
@RealAsterisk
class SipPhoneIT {

    private static final Duration PATIENCE = LiveModelSession.PATIENCE;

    private LiveModelSession session;

    @AfterEach
    void close() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    private void connect(TestAsterisk asterisk) throws Exception {
        session = LiveModelSession.open(asterisk, "phones-it", null,
                channel -> channel.get("Channel").startsWith("PJSIP/100"));
    }

    @Test
    void aPhoneGoesFromUnavailableToIdleToInUseAndBack(TestAsterisk asterisk) throws Exception {
        connect(asterisk);
        await("1001 unavailable before its phone runs", () -> state("1001") == DeviceState.UNAVAILABLE);
        try (SipPhone alice = SipPhone.start("1001", SipPhone.Answer.AUTO)) {
            alice.awaitRegistered(PATIENCE);
            await("1001 idle once registered", () -> state("1001") == DeviceState.NOT_INUSE);

            originate("PJSIP/1001", "Wait", "30");
            await("1001 in use once it answered", () -> state("1001") == DeviceState.INUSE);
            assertThat(phoneChannels()).singleElement().satisfies(channel -> {
                assertThat(channel.name()).startsWith("PJSIP/1001-");
                assertThat(channel.state()).isEqualTo("Up");
            });

            session.hangUpOwnChannels();
            await("1001 idle after the hangup", () -> state("1001") == DeviceState.NOT_INUSE);
        }
        await("1001 unavailable once its phone left", () -> state("1001") == DeviceState.UNAVAILABLE);
    }

    @Test
    void aPhoneThatDoesNotAnswerRingsAndAnEndpointToEndpointCallBridgesTwoPhones(TestAsterisk asterisk) throws Exception {
        connect(asterisk);
        try (SipPhone alice = SipPhone.start("1001", SipPhone.Answer.AUTO);
             SipPhone bob = SipPhone.start("1002", SipPhone.Answer.AUTO);
             SipPhone carol = SipPhone.start("1003", SipPhone.Answer.MANUAL)) {
            for (SipPhone phone : List.of(alice, bob, carol)) {
                phone.awaitRegistered(PATIENCE);
            }
            originate("PJSIP/1003", "Wait", "30");
            await("1003 ringing", () -> state("1003") == DeviceState.RINGING);

            // Alice answers, then the dialplan dials Bob's endpoint, which answers too: one call, two phones.
            originateToExtension("PJSIP/1001", "1002");
            await("1001 and 1002 in use", () -> state("1001") == DeviceState.INUSE && state("1002") == DeviceState.INUSE);
            await("one call holding both phones' channels", () -> session.model.snapshot().calls().stream()
                    .anyMatch(call ->
                    call.channels().stream().map(LiveChannel::name).filter(name -> name.startsWith("PJSIP/100")).count() == 2
                            && call.channels().stream().allMatch(channel -> channel.state().equals("Up"))));
        }
    }

    private DeviceState state(String endpoint) {
        return session.model.snapshot().endpoints().stream().filter(e -> e.name().equals(endpoint)).findFirst()
                .map(LiveEndpoint::state).orElse(DeviceState.UNKNOWN);
    }

    private List<LiveChannel> phoneChannels() {
        return session.model.snapshot().calls().stream().flatMap(call -> call.channels().stream())
                .filter(channel -> channel.name().startsWith("PJSIP/100")).toList();
    }

    private void originate(String channel, String application, String data) throws Exception {
        session.client.send(AmiAction.builder("Originate").header("Channel", channel).header("Application", application)
                .header("Data", data).header("CallerID", "\"SipPhoneIT\" <555>").header("Async", "true").build())
                .get(10, TimeUnit.SECONDS);
    }

    private void originateToExtension(String channel, String extension) throws Exception {
        session.client.send(AmiAction.builder("Originate").header("Channel", channel).header("Context", "endpoints")
                .header("Exten", extension).header("Priority", "1").header("CallerID", "\"SipPhoneIT\" <555>")
                .header("Async", "true").build()).get(10, TimeUnit.SECONDS);
    }
}
