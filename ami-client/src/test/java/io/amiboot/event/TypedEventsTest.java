package io.amiboot.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.client.AmiEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated events read leniently: a missing or malformed header is null, never an exception. */
class TypedEventsTest {

    private static final AmiEvent HANGUP = AmiEvent.of("Event", "Hangup", "Privilege", "call,all",
            "Channel", "PJSIP/1001-00000001", "ChannelState", "6", "ChannelStateDesc", "Up", "CallerIDNum", "1001",
            "Uniqueid", "1700000000.1", "Linkedid", "1700000000.0", "Cause", "16", "Cause-txt", "Normal Clearing",
            "X-Unexpected", "surprise");

    @Test
    void theCatalogueMapsAnEventToItsTypeAndLeavesAnUnknownOneRaw() {
        TypedEvent typed = EventCatalogue.typed(HANGUP, "pbx1");
        assertThat(typed).isInstanceOf(HangupEvent.class).isInstanceOf(ChannelEvent.class);
        assertThat(typed.raw()).isSameAs(HANGUP);
        assertThat(typed.server()).isEqualTo("pbx1");
        assertThat(typed.eventName()).isEqualTo("Hangup");
        assertThat(EventCatalogue.typed(AmiEvent.of("Event", "NoSuchEventAnywhere"), "pbx1")).isNull();
        assertThat(EventCatalogue.type("Hangup")).isEqualTo(HangupEvent.class);
        assertThat(EventCatalogue.type("NoSuchEventAnywhere")).isNull();
    }

    @Test
    void aNameInAnotherCaseStillMapsToItsType() {
        assertThat(EventCatalogue.typed(AmiEvent.of("Event", "hangup", "Cause", "17"), "pbx1"))
                .isInstanceOfSatisfying(HangupEvent.class, hangup -> assertThat(hangup.cause()).isEqualTo(17));
        assertThat(EventCatalogue.type("NEWCHANNEL")).isEqualTo(NewchannelEvent.class);
    }

    @Test
    void accessorsAreTyped() {
        HangupEvent hangup = new HangupEvent(HANGUP, "pbx1");
        assertThat(hangup.cause()).isEqualTo(16);
        assertThat(hangup.causeTxt()).isEqualTo("Normal Clearing");
        assertThat(hangup.channel()).isEqualTo("PJSIP/1001-00000001");
        assertThat(hangup.channelState()).isEqualTo(6);
        assertThat(hangup.channelStateDesc()).isEqualTo(ChannelSnapshot.ChannelStateDesc.UP);
        assertThat(hangup.channelSnapshot().uniqueid()).isEqualTo("1700000000.1");
        assertThat(hangup.techCause()).as("absent").isNull();
    }

    @Test
    void malformedAndUnknownValuesNeverThrow() {
        AmiEvent odd = AmiEvent.of("Event", "Hangup", "ChannelState", "six", "ChannelStateDesc", "Levitating", "Cause", "");
        HangupEvent hangup = new HangupEvent(odd, "pbx1");
        assertThat(hangup.channelState()).isNull();
        assertThat(hangup.cause()).isNull();
        assertThat(hangup.channelStateDesc()).isEqualTo(ChannelSnapshot.ChannelStateDesc.UNRECOGNIZED);
        assertThat(hangup.channel()).isNull();
        assertThat(hangup.raw().get("ChannelStateDesc")).as("the raw value stays").isEqualTo("Levitating");
        HangupEvent empty = new HangupEvent(AmiEvent.of("Event", "Hangup"), null);
        assertThat(empty.channelStateDesc()).isNull();
        assertThat(empty.undocumentedHeaders()).isEmpty();
    }

    @Test
    void undocumentedHeadersAreThoseTheXmlDoesNotGiveLeavingOutTheEnvelope() {
        assertThat(new HangupEvent(HANGUP, "pbx1").undocumentedHeaders()).containsExactly(Map.entry("X-Unexpected", "surprise"));
    }

    @Test
    void aPrefixedSnapshotIsAViewOfItsHeaders() {
        AmiEvent dial = AmiEvent.of("Event", "DialBegin", "Channel", "PJSIP/1001-1", "DestChannel", "PJSIP/1002-2",
                "DestChannelStateDesc", "Ringing", "DestUniqueid", "2.2", "DialString", "1002");
        DialBeginEvent begin = new DialBeginEvent(dial, "pbx1");
        assertThat(begin.destChannelSnapshot().channel()).isEqualTo("PJSIP/1002-2");
        assertThat(begin.destChannelSnapshot().channelStateDesc()).isEqualTo(ChannelSnapshot.ChannelStateDesc.RINGING);
        assertThat(begin.destChannelSnapshot().prefix()).isEqualTo("Dest");
        assertThat(begin.channel()).isEqualTo("PJSIP/1001-1");
        assertThat(begin.dialString()).isEqualTo("1002");
    }

    @Test
    void aTypedViewOfAnotherEventIsAProgrammingError() {
        assertThatThrownBy(() -> new HangupEvent(AmiEvent.of("Event", "Newchannel"), "pbx1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Newchannel").hasMessageContaining("Hangup");
    }

    @Test
    void booleansReadEveryWayAsteriskWritesThem() {
        assertThat(EventValues.bool("Yes")).isTrue();
        assertThat(EventValues.bool("no")).isFalse();
        assertThat(EventValues.bool("1")).isTrue();
        assertThat(EventValues.bool("false")).isFalse();
        assertThat(EventValues.bool("maybe")).isNull();
        assertThat(EventValues.longValue("1700000000123")).isEqualTo(1_700_000_000_123L);
        assertThat(EventValues.integer("99999999999")).as("out of range").isNull();
    }
}
