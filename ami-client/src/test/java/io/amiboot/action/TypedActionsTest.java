package io.amiboot.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.ListResponseFixture;
import io.amiboot.event.CoreShowChannelEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated actions: required parameters by construction, optional ones on copies, AmiAction's header checks. */
class TypedActionsTest {

    @Test
    void requiredParametersAreConstructorArgumentsAndANullOneNamesItself() {
        AmiAction hangup = new HangupAction("PJSIP/1001-00000001").action();
        assertThat(hangup.name()).isEqualTo("Hangup");
        assertThat(headers(hangup)).containsExactly("Channel: PJSIP/1001-00000001");
        assertThatThrownBy(() -> new HangupAction(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("Hangup needs Channel");
    }

    @Test
    void optionalParametersGiveCopiesAndASecondValueReplacesTheFirst() {
        HangupAction plain = new HangupAction("PJSIP/1001-1");
        HangupAction withCause = plain.cause("16");
        assertThat(headers(plain.action())).containsExactly("Channel: PJSIP/1001-1");
        assertThat(headers(withCause.cause("17").action())).containsExactly("Channel: PJSIP/1001-1", "Cause: 17");
        assertThat(headers(withCause.cause(null).action())).containsExactly("Channel: PJSIP/1001-1");
    }

    @Test
    void aValueThatWouldInjectAHeaderIsRefusedWithTheHeadersName() {
        assertThatThrownBy(() -> new HangupAction("PJSIP/1001-1\r\nAction: Originate"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Channel");
        assertThatThrownBy(() -> new SetvarAction("BLA", "x").channel("PJSIP/1\nVariable: X"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Channel");
    }

    @Test
    void aSecretNeverShowsInToString() {
        LoginAction login = new LoginAction("admin").secret("hunter2");
        assertThat(login.toString()).doesNotContain("hunter2");
    }

    @Test
    void aListActionTakesItsEntriesAsTypedEvents() {
        CoreShowChannelsAction list = new CoreShowChannelsAction();
        AmiEvent channel = AmiEvent.of("Event", "CoreShowChannel", "Channel", "PJSIP/1001-1", "Duration", "00:00:05");
        AmiEvent other = AmiEvent.of("Event", "SomethingElse");
        List<CoreShowChannelEvent> entries = list.entries(ListResponseFixture.of(List.of(channel, other)), "pbx1");
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.channel()).isEqualTo("PJSIP/1001-1");
            assertThat(entry.server()).isEqualTo("pbx1");
        });
        assertThat(list.entryType()).isEqualTo(CoreShowChannelEvent.class);
    }

    private static List<String> headers(AmiAction action) {
        return java.util.stream.IntStream.range(0, action.size())
                .mapToObj(i -> action.headerName(i) + ": " + action.headerValue(i)).toList();
    }
}
