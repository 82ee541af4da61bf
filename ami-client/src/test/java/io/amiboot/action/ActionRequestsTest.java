package io.amiboot.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The catalogue's actions the sender and the dashboard use write exactly these headers, in this order, and refuse a
 * missing part naming it.
 */
class ActionRequestsTest {

    @Test
    void hangupWithAndWithoutCause() {
        assertThat(new HangupAction("PJSIP/1001-00000001").cause("16").action())
                .hasToString("AmiAction[Action: Hangup, Channel: PJSIP/1001-00000001, Cause: 16]");
        assertThat(new HangupAction("/^PJSIP/").action()).hasToString("AmiAction[Action: Hangup, Channel: /^PJSIP/]");
    }

    @Test
    void redirectOfOneOrTwoChannels() {
        assertThat(RedirectRequests.of("PJSIP/1001-1", DialplanLocation.of("test", "600")).action())
                .hasToString("AmiAction[Action: Redirect, Channel: PJSIP/1001-1, Exten: 600, Context: test, Priority: 1]");
        assertThat(RedirectRequests.of("A", DialplanLocation.of("c", "1"), "B", new DialplanLocation("d", "2", 3)).action())
                .hasToString("AmiAction[Action: Redirect, Channel: A, Exten: 1, Context: c, Priority: 1, "
                        + "ExtraChannel: B, ExtraExten: 2, ExtraContext: d, ExtraPriority: 3]");
        assertThatThrownBy(() -> RedirectRequests.of("A", DialplanLocation.of("c", "1"), "B", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extra channel and its target");
        assertThatThrownBy(() -> RedirectRequests.of("A", DialplanLocation.of("c", "1"), null, DialplanLocation.of("d", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extra channel and its target");
    }

    @Test
    void atxferAndRecording() {
        assertThat(new AtxferAction("PJSIP/1001-1", "600").context("test").action())
                .hasToString("AmiAction[Action: Atxfer, Channel: PJSIP/1001-1, Exten: 600, Context: test]");
        assertThat(new MixMonitorAction("PJSIP/1001-1").file("call.wav").action())
                .hasToString("AmiAction[Action: MixMonitor, Channel: PJSIP/1001-1, File: call.wav]");
        assertThat(new MixMonitorAction("PJSIP/1001-1").file("call.wav").options("b").action())
                .hasToString("AmiAction[Action: MixMonitor, Channel: PJSIP/1001-1, File: call.wav, Options: b]");
        assertThat(new StopMixMonitorAction("PJSIP/1001-1").action())
                .hasToString("AmiAction[Action: StopMixMonitor, Channel: PJSIP/1001-1]");
        assertThat(new StopMixMonitorAction("PJSIP/1001-1").mixMonitorID("0x7f").action())
                .hasToString("AmiAction[Action: StopMixMonitor, Channel: PJSIP/1001-1, MixMonitorID: 0x7f]");
    }

    @Test
    void queuePauseInOneQueueOrAll() {
        assertThat(new QueuePauseAction("PJSIP/1001", "true").queue("support").reason("lunch").action())
                .hasToString("AmiAction[Action: QueuePause, Interface: PJSIP/1001, Paused: true, Queue: support, Reason: lunch]");
        assertThat(new QueuePauseAction("PJSIP/1001", "false").action())
                .hasToString("AmiAction[Action: QueuePause, Interface: PJSIP/1001, Paused: false]");
    }

    @Test
    void aMissingPartIsRefusedNamingIt() {
        assertThatThrownBy(() -> new HangupAction(null)).hasMessage("Hangup needs Channel");
        assertThatThrownBy(() -> RedirectRequests.of("A", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new AtxferAction("A", null)).hasMessage("Atxfer needs Exten");
        assertThatThrownBy(() -> new StopMixMonitorAction(null)).hasMessage("StopMixMonitor needs Channel");
        assertThatThrownBy(() -> new QueuePauseAction(null, "true")).hasMessage("QueuePause needs Interface");
    }

    @Test
    void aLineBreakInAPartNeverBecomesAHeader() {
        // The action's own checks apply: a CR/LF would inject a header after Channel.
        assertThatThrownBy(() -> new HangupAction("PJSIP/1001\r\nAction: Command"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Channel'");
    }
}
