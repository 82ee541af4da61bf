package io.amiboot.dashboard.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiEvent;
import io.amiboot.dashboard.DashboardProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the raw event log leaves out, by default and as configured. */
class EventPrivacyTest {

    private final EventPrivacy defaults = new EventPrivacy(new DashboardProperties.EventLogPrivacy(null, null));

    @Test
    void eventsThatCarrySecretsAreLeftOutByDefaultByNameOrByClass() {
        assertThat(defaults.allows(AmiEvent.of("Event", "DTMFEnd", "Privilege", "dtmf,all", "Digit", "4"))).isFalse();
        assertThat(defaults.allows(AmiEvent.of("Event", "VarSet", "Privilege", "dialplan,all", "Value", "PIN=1234"))).isFalse();
        assertThat(defaults.allows(AmiEvent.of("Event", "Newexten", "Privilege", "dialplan,all", "AppData", "PIN=1"))).isFalse();
        assertThat(defaults.allows(AmiEvent.of("Event", "Cdr", "Privilege", "cdr,all"))).isFalse();
        assertThat(defaults.allows(AmiEvent.of("Event", "CEL", "Privilege", "cel,all"))).isFalse();
        assertThat(defaults.allows(AmiEvent.of("Event", "AGIExecStart", "Privilege", "agi,all"))).isFalse();
        assertThat(defaults.allows(AmiEvent.of("Event", "ChallengeResponseFailed", "Privilege", "security,all",
                "Challenge", "1234", "Response", "d41d8cd98f00b204e9800998ecf8427e"))).isFalse();
        // a class Asterisk adds to a security event later, or an event name of the list that arrives without its class
        assertThat(defaults.allows(AmiEvent.of("Event", "SomeNewSecurityEvent", "Privilege", "security,all"))).isFalse();
        assertThat(defaults.allows(AmiEvent.of("Event", "dtmfbegin"))).isFalse();
        assertThat(defaults.allows(AmiEvent.of("Event", "VoicemailPasswordChange", "Privilege", "user,all"))).isFalse();
    }

    @Test
    void theBoardsOwnEventsPass() {
        assertThat(defaults.allows(AmiEvent.of("Event", "Newchannel", "Privilege", "call,all"))).isTrue();
        assertThat(defaults.allows(AmiEvent.of("Event", "QueueCallerJoin", "Privilege", "agent,all"))).isTrue();
        assertThat(defaults.allows(AmiEvent.of("Event", "UserEvent", "Privilege", "user,all"))).isTrue();
        assertThat(defaults.allows(AmiEvent.of("Event", "FullyBooted"))).isTrue();
    }

    @Test
    void theRulesAreConfigurable() {
        EventPrivacy open = new EventPrivacy(new DashboardProperties.EventLogPrivacy(List.of(), List.of("UserEvent")));
        assertThat(open.allows(AmiEvent.of("Event", "DTMFEnd", "Privilege", "dtmf,all"))).isTrue();
        assertThat(open.allows(AmiEvent.of("Event", "UserEvent", "Privilege", "user,all"))).isFalse();
    }
}
