package io.amiboot.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.action.ActionRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every action the dashboard's call control sends, header by header in wire order: the library's requests write
 * them, the dashboard only validates and chooses the values.
 */
class CallActionsTest {

    private final CallActions actions = new CallActions(List.of("test", "demo"), List.of("ACCOUNT", "TICKET"));

    @Test
    void originateFromAnEndpointWithCallerIdAndSortedVariables() {
        OriginateCommand command = new OriginateCommand("1001", "200", "test", "Front desk", "+4930123",
                Map.of("TICKET", "4711", "ACCOUNT", "sales-7"), 20);
        assertThat(wire(actions.originate(command))).isEqualTo("AmiAction[Action: Originate, Channel: PJSIP/1001, "
                + "Context: test, Exten: 200, Priority: 1, Timeout: 20000, CallerID: \"Front desk\" <+4930123>, "
                + "Variable: ACCOUNT=sales-7, Variable: TICKET=4711, Async: true]");
    }

    @Test
    void originateFromAnExtensionIntoTheFirstAllowedContextWithTheDefaultTimeout() {
        OriginateCommand command = new OriginateCommand("500@test", "200", null, null, null, null, null);
        assertThat(wire(actions.originate(command))).isEqualTo("AmiAction[Action: Originate, Channel: Local/500@test, "
                + "Context: test, Exten: 200, Priority: 1, Timeout: 30000, Async: true]");
    }

    @Test
    void spyRingsTheSupervisorIntoChanSpy() {
        assertThat(wire(actions.spy("PJSIP/1001-00000001", new SpyCommand("1003", "whisper", null))))
                .isEqualTo("AmiAction[Action: Originate, Channel: PJSIP/1003, Application: ChanSpy, "
                        + "Data: PJSIP/1001-00000001,qwE, CallerID: \"Spy\" <whisper>, Async: true]");
    }

    @Test
    void hangupTransferAndRecording() {
        assertThat(wire(actions.hangup("PJSIP/1001-00000001")))
                .isEqualTo("AmiAction[Action: Hangup, Channel: PJSIP/1001-00000001, Cause: 16]");
        assertThat(wire(actions.transfer("PJSIP/1001-00000001", new TransferCommand(null, null, "600", "demo"))))
                .isEqualTo("AmiAction[Action: Redirect, Channel: PJSIP/1001-00000001, Exten: 600, Context: demo, Priority: 1]");
        assertThat(wire(actions.transfer("PJSIP/1001-00000001", new TransferCommand("attended", null, "600", null))))
                .isEqualTo("AmiAction[Action: Atxfer, Channel: PJSIP/1001-00000001, Exten: 600, Context: test]");
        assertThat(wire(actions.startRecording("PJSIP/1001-00000001", "amiboot-1.wav")))
                .isEqualTo("AmiAction[Action: MixMonitor, Channel: PJSIP/1001-00000001, File: amiboot-1.wav]");
        assertThat(wire(actions.stopRecording("PJSIP/1001-00000001")))
                .isEqualTo("AmiAction[Action: StopMixMonitor, Channel: PJSIP/1001-00000001]");
    }

    @Test
    void pauseWithAReasonAndAnEmptyReasonLeftOut() {
        assertThat(wire(actions.pause("sales", new PauseCommand("PJSIP/1001", "lunch"), true)))
                .isEqualTo("AmiAction[Action: QueuePause, Interface: PJSIP/1001, Paused: true, Queue: sales, Reason: lunch]");
        assertThat(wire(actions.pause("sales", new PauseCommand("PJSIP/1001", ""), false)))
                .isEqualTo("AmiAction[Action: QueuePause, Interface: PJSIP/1001, Paused: false, Queue: sales]");
    }

    private static String wire(ActionRequest request) {
        return request.action().toString();
    }
}
