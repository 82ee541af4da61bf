package io.amiboot.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiAction;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.SipPhone;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Caller and callee of the dashboard's demo calls (Local channel pairs) as a real Asterisk 22 runs them. */
@RealAsterisk
class LiveCallPartiesIT {

    private static final String CALLER_NAME = "LiveCallPartiesIT";

    private static final Duration PATIENCE = LiveModelSession.PATIENCE;

    private LiveModelSession session;

    @AfterEach
    void close() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    private void connect(TestAsterisk asterisk) throws Exception {
        // The test's own channels: the demo calls' (by caller ID name) and the phones'.
        session = LiveModelSession.open(asterisk, "parties-it", LiveModel.EVENT_MASK,
                channel -> CALLER_NAME.equals(channel.get("CallerIDName")) || channel.get("Channel").startsWith("PJSIP/100"));
    }

    @Test
    void demoCallsAreFromTheirCallerIdToTheExtensionDialled(TestAsterisk asterisk) throws Exception {
        connect(asterisk);
        // As DemoTraffic originates: a Local channel to a demo extension, connected to Wait, with a caller ID
        originate("Local/500@demo", "5155");
        originate("Local/400@demo", "5156");

        Awaitility.await("both calls up, 400's bridged to the 100 it dialled").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    assertThat(ownCall("5155").channels()).hasSize(2).extracting(LiveChannel::state).containsOnly("Up");
                    assertThat(ownCall("5156").channels()).hasSize(4).extracting(LiveChannel::state).containsOnly("Up");
                    assertThat(ownCall("5156").channels()).anySatisfy(c -> assertThat(c.talkingTo()).isNotEmpty());
                });
        assertThat(ownCall("5155").caller()).isEqualTo(new LiveParty("5155", CALLER_NAME));
        assertThat(ownCall("5155").callee()).isEqualTo(new LiveParty("500", ""));
        assertThat(ownCall("5156").caller()).isEqualTo(new LiveParty("5156", CALLER_NAME));
        assertThat(ownCall("5156").callee()).isEqualTo(new LiveParty("400", ""));
    }

    @Test
    void aCallFromOnePhoneToAnotherIsFromTheOneEndpointToTheOtherByTheirNames(TestAsterisk asterisk) throws Exception {
        connect(asterisk);
        try (SipPhone alice = SipPhone.start("1001", SipPhone.Answer.AUTO);
             SipPhone bob = SipPhone.start("1002", SipPhone.Answer.AUTO)) {
            alice.awaitRegistered(PATIENCE);
            bob.awaitRegistered(PATIENCE);
            // Click-to-call without a caller ID: Alice's phone answers, then the dialplan dials Bob's endpoint
            session.client.send(AmiAction.builder("Originate").header("Channel", "PJSIP/1001").header("Context", "endpoints")
                    .header("Exten", "1002").header("Priority", "1").header("Async", "true").build())
                    .get(10, TimeUnit.SECONDS);
            Awaitility.await("one call holding both phones' channels, up").atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(phoneCall().channels())
                            .extracting(LiveChannel::state).containsExactly("Up", "Up"));
            assertThat(phoneCall().caller()).isEqualTo(new LiveParty("1001", "Alice"));
            assertThat(phoneCall().callee()).isEqualTo(new LiveParty("1002", "Bob"));
        }
        finally {
            session.hangUpOwnChannels(); // before the phones go
        }
    }

    private LiveCall phoneCall() {
        List<LiveCall> calls = session.model.snapshot().calls().stream()
                .filter(call -> call.first().name().startsWith("PJSIP/1001-")).toList();
        assertThat(calls).as("calls from PJSIP/1001").hasSize(1);
        return calls.get(0);
    }

    private void originate(String channel, String number) throws Exception {
        session.client.send(AmiAction.builder("Originate").header("Channel", channel).header("Application", "Wait")
                .header("Data", "30").header("CallerID", "\"" + CALLER_NAME + "\" <" + number + ">")
                .header("Async", "true").build()).get(10, TimeUnit.SECONDS);
    }

    private LiveCall ownCall(String number) {
        List<LiveCall> calls = session.model.snapshot().calls().stream()
                .filter(call -> call.first().callerIdName().equals(CALLER_NAME) && call.first().callerIdNum().equals(number))
                .toList();
        assertThat(calls).as("calls from %s <%s>", CALLER_NAME, number).hasSize(1);
        return calls.get(0);
    }
}
