package io.amiboot.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The typed requests write exactly these headers, in this order, and refuse a missing part naming it. */
class ActionRequestsTest {

    @Test
    void hangupWithAndWithoutCause() {
        assertThat(new HangupRequest("PJSIP/1001-00000001", 16).action())
                .hasToString("AmiAction[Action: Hangup, Channel: PJSIP/1001-00000001, Cause: 16]");
        assertThat(new HangupRequest("/^PJSIP/", null).action()).hasToString("AmiAction[Action: Hangup, Channel: /^PJSIP/]");
    }

    @Test
    void redirectOfOneOrTwoChannels() {
        assertThat(new RedirectRequest("PJSIP/1001-1", DialplanLocation.of("test", "600")).action())
                .hasToString("AmiAction[Action: Redirect, Channel: PJSIP/1001-1, Context: test, Exten: 600, Priority: 1]");
        assertThat(new RedirectRequest("A", DialplanLocation.of("c", "1"), "B", new DialplanLocation("d", "2", 3)).action())
                .hasToString("AmiAction[Action: Redirect, Channel: A, Context: c, Exten: 1, Priority: 1, "
                        + "ExtraChannel: B, ExtraContext: d, ExtraExten: 2, ExtraPriority: 3]");
        assertThatThrownBy(() -> new RedirectRequest("A", DialplanLocation.of("c", "1"), "B", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extra channel and its target");
        assertThatThrownBy(() -> new RedirectRequest("A", DialplanLocation.of("c", "1"), null, DialplanLocation.of("d", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extra channel and its target");
    }

    @Test
    void atxferAndRecording() {
        assertThat(new AtxferRequest("PJSIP/1001-1", "test", "600").action())
                .hasToString("AmiAction[Action: Atxfer, Channel: PJSIP/1001-1, Exten: 600, Context: test]");
        assertThat(new MixMonitorRequest("PJSIP/1001-1", "call.wav", null).action())
                .hasToString("AmiAction[Action: MixMonitor, Channel: PJSIP/1001-1, File: call.wav]");
        assertThat(new MixMonitorRequest("PJSIP/1001-1", "call.wav", "b").action())
                .hasToString("AmiAction[Action: MixMonitor, Channel: PJSIP/1001-1, File: call.wav, Options: b]");
        assertThat(new StopMixMonitorRequest("PJSIP/1001-1", null).action())
                .hasToString("AmiAction[Action: StopMixMonitor, Channel: PJSIP/1001-1]");
        assertThat(new StopMixMonitorRequest("PJSIP/1001-1", "0x7f").action())
                .hasToString("AmiAction[Action: StopMixMonitor, Channel: PJSIP/1001-1, MixMonitorID: 0x7f]");
    }

    @Test
    void queuePauseInOneQueueOrAll() {
        assertThat(new QueuePauseRequest("support", "PJSIP/1001", true, "lunch").action())
                .hasToString("AmiAction[Action: QueuePause, Interface: PJSIP/1001, Paused: true, Queue: support, Reason: lunch]");
        assertThat(new QueuePauseRequest(null, "PJSIP/1001", false, null).action())
                .hasToString("AmiAction[Action: QueuePause, Interface: PJSIP/1001, Paused: false]");
    }

    @Test
    void aMissingPartIsRefusedNamingIt() {
        assertThatThrownBy(() -> new HangupRequest(null, 16)).hasMessage("channel");
        assertThatThrownBy(() -> new RedirectRequest("A", null)).hasMessage("target");
        assertThatThrownBy(() -> new AtxferRequest("A", null, "600")).hasMessage("context");
        assertThatThrownBy(() -> new AtxferRequest("A", "test", null)).hasMessage("exten");
        assertThatThrownBy(() -> new MixMonitorRequest("A", null, null)).hasMessage("file");
        assertThatThrownBy(() -> new StopMixMonitorRequest(null, null)).hasMessage("channel");
        assertThatThrownBy(() -> new QueuePauseRequest("q", null, true, null)).hasMessage("iface");
    }

    @Test
    void aLineBreakInAPartNeverBecomesAHeader() {
        // The action's own checks apply: a CR/LF would inject a header after Channel.
        assertThatThrownBy(() -> new HangupRequest("PJSIP/1001\r\nAction: Command", 16).action())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Channel'");
    }
}
