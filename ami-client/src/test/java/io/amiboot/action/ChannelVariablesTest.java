package io.amiboot.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names Asterisk acts on, as an originate's variable allow-list must see them. */
class ChannelVariablesTest {

    @Test
    void inheritancePrefixesAreNotPartOfTheName() {
        assertThat(ChannelVariables.baseName("__FORWARD_CONTEXT")).isEqualTo("FORWARD_CONTEXT");
        assertThat(ChannelVariables.baseName("_TICKET")).isEqualTo("TICKET");
        assertThat(ChannelVariables.baseName("TICKET")).isEqualTo("TICKET");
        assertThat(ChannelVariables.baseName("___X")).isEqualTo("_X");
    }

    @Test
    void variablesThatMoveACallOrEnableFeaturesAreReservedWithOrWithoutPrefixes() {
        for (String name : new String[] { "TRANSFER_CONTEXT", "__FORWARD_CONTEXT", "_DYNAMIC_FEATURES", "GOTO_ON_BLINDXFR",
                "transfer_context", "TOUCH_MIXMONITOR_OUTPUT", "OUTBOUND_GROUP", "ARG1", "MASTER_CHANNEL",
                // documented in Asterisk's XML only (set by applications)
                "DIALSTATUS", "QUEUESTATUS",
                // by family
                "PJSIP_SOMETHING_NEW", "TOUCH_ANYTHING" }) {
            assertThat(ChannelVariables.isReservedByAsterisk(name)).as(name).isTrue();
        }
    }

    @Test
    void ordinaryNamesAreNotReserved() {
        for (String name : new String[] { "ACCOUNT", "TICKET", "__CRM_ID", "CUSTOMER", "ARGUMENT_X" }) {
            assertThat(ChannelVariables.isReservedByAsterisk(name)).as(name).isFalse();
        }
    }
}
