package io.amiboot.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.client.AmiActionException;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hanging up a call whose channels end each other, through the real client to a scripted Asterisk that answers as
 * Asterisk 22 does once a Local pair's other half (or the bridged party) went down with the first Hangup.
 */
class CallHangupTest {

    private static final List<String> LOCAL_PAIR_CALL = List.of("Local/500@demo-00000013;1", "Local/500@demo-00000013;2",
            "Local/100@test-00000014;1");

    private ScriptedAmiPeer peer;

    private AmiClient client;

    /** The channels the scripted Asterisk no longer knows; the others it hangs up. */
    private volatile Set<String> gone = Set.of();

    /** A refusal other than "No such channel", for one channel. */
    private volatile Map<String, String> refused = Map.of();

    @BeforeEach
    void start() throws Exception {
        peer = new ScriptedAmiPeer().respond("Hangup", headers -> {
            String channel = headers.get("Channel");
            String message = gone.contains(channel) ? "No such channel" : refused.get(channel);
            return "Response: " + (message == null ? "Success" : "Error") + "\r\nActionID: " + headers.get("ActionID")
                    + "\r\nMessage: " + (message == null ? "Channel Hungup" : message) + "\r\n\r\n";
        });
        client = AmiClient.create(AmiClientOptions.builder(peer.url("admin", "s3cret")).keepaliveInterval(Duration.ZERO).build());
        client.start().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        peer.close();
    }

    @Test
    void channelsTheFirstHangupAlreadyEndedCountAsGoneAndTheCallHangupSucceeds() throws Exception {
        gone = Set.of(LOCAL_PAIR_CALL.get(1), LOCAL_PAIR_CALL.get(2));
        CallHangup.Outcome outcome = new AmiActionSender(client).hangupCall(LOCAL_PAIR_CALL, 16).get(10, TimeUnit.SECONDS);
        assertThat(outcome.hungUp()).containsExactly(LOCAL_PAIR_CALL.get(0));
        assertThat(outcome.alreadyGone()).containsExactly(LOCAL_PAIR_CALL.get(1), LOCAL_PAIR_CALL.get(2));
        for (String channel : LOCAL_PAIR_CALL) {
            Map<String, String> hangup = peer.nextAction("Hangup");
            assertThat(hangup).containsEntry("Channel", channel).containsEntry("Cause", "16");
        }
    }

    @Test
    void anotherRefusalFailsTheCallHangupAndStopsThere() {
        refused = Map.of(LOCAL_PAIR_CALL.get(1), "Permission denied");
        assertThatThrownBy(() -> new AmiActionSender(client).hangupCall(LOCAL_PAIR_CALL, 16).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(AmiActionException.class)
                .hasMessageContaining("Permission denied")
                .satisfies(failure -> assertThat(CallHangup.isChannelGone(failure)).isFalse());
        assertThat(peer.received()).doesNotContain("Channel: " + LOCAL_PAIR_CALL.get(2));
    }

    @Test
    void onlyNoSuchChannelMeansGone() {
        assertThat(CallHangup.isChannelGone(new IllegalStateException("No such channel"))).isFalse();
    }
}
