package io.amiboot.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.action.ActionRequest;
import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiResponse;
import io.amiboot.dashboard.validation.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Every action the dashboard's call control sends, header by header in wire order: the library's requests write
 * them, the dashboard only validates and chooses the values.
 */
class CallActionsTest {

    private final CallActions actions = new CallActions(List.of("test", "demo"), List.of("ACCOUNT", "TICKET"));

    private final QueueMemberActions members = new QueueMemberActions(actions);

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
        List<AmiAction> sent = new ArrayList<>();
        actions.hangUp(action -> {
            sent.add(action);
            return CompletableFuture.completedFuture(AmiResponse.of("Response", "Success"));
        }, List.of("PJSIP/1001-00000001")).join();
        assertThat(sent).extracting(AmiAction::toString)
                .containsExactly("AmiAction[Action: Hangup, Channel: PJSIP/1001-00000001, Cause: 16]");
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
        assertThat(wire(members.pause("sales", new PauseCommand("PJSIP/1001", "lunch"), true)))
                .isEqualTo("AmiAction[Action: QueuePause, Interface: PJSIP/1001, Paused: true, Queue: sales, Reason: lunch]");
        assertThat(wire(members.pause("sales", new PauseCommand("PJSIP/1001", ""), false)))
                .isEqualTo("AmiAction[Action: QueuePause, Interface: PJSIP/1001, Paused: false, Queue: sales]");
    }

    @Test
    void addAMemberWithEveryFieldAndRemoveIt() {
        assertThat(wire(members.add("support", new MemberCommand("Local/100@test/n", "Sales Bot", 2, true))))
                .isEqualTo("AmiAction[Action: QueueAdd, Queue: support, Interface: Local/100@test/n, "
                        + "MemberName: Sales Bot, Penalty: 2, Paused: true]");
        assertThat(wire(members.add("support", new MemberCommand("PJSIP/1002", null, null, null))))
                .isEqualTo("AmiAction[Action: QueueAdd, Queue: support, Interface: PJSIP/1002]");
        assertThat(wire(members.remove("support", "PJSIP/1002")))
                .isEqualTo("AmiAction[Action: QueueRemove, Queue: support, Interface: PJSIP/1002]");
    }

    @Test
    void aLocalMemberMustNameAnAllowedContextWhenAdded() {
        assertThatThrownBy(() -> members.add("support", new MemberCommand("Local/100@from-trunk/n", null, null, null)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("interface").hasMessageContaining("from-trunk");
        assertThatThrownBy(() -> members.add("support", new MemberCommand("Local/100/n", null, null, null)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("interface").hasMessageContaining("default");
        assertThatThrownBy(() -> members.add("support", new MemberCommand("PJSIP/1002,1", null, null, null)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("interface");
        assertThatThrownBy(() -> members.add("support", new MemberCommand("PJSIP/1002", null, 1001, null)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("penalty");
        // Removing names a member Asterisk has; it reaches no dialplan, so only the pattern applies.
        assertThat(wire(members.remove("support", "Local/100@from-trunk/n"))).contains("Interface: Local/100@from-trunk/n");
    }

    @Test
    void anAttendedTransferDialsKeypadDigitsOnly() {
        assertThatThrownBy(() -> actions.transfer("PJSIP/1001-00000001", new TransferCommand("attended", null, "sales", null)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("to");
        assertThat(wire(actions.transfer("PJSIP/1001-00000001", new TransferCommand("blind", null, "sales", null))))
                .contains("Exten: sales");
    }

    private static String wire(ActionRequest request) {
        return request.action().toString();
    }
}
