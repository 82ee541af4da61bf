package io.amiboot.autoconfigure.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiEvent;
import io.amiboot.event.EventCatalogue;
import io.amiboot.event.HangupEvent;
import io.amiboot.event.NewchannelEvent;
import org.junit.jupiter.api.Test;
import org.springframework.context.PayloadApplicationEvent;

/** A typed event as Spring would wrap it itself, with its type worked out once per event class. */
class TypedPayloadEventTest {

    private final Object source = new Object();

    @Test
    void hasTheTypeSpringGivesAPublishedPayload() {
        HangupEvent hangup = hangup("1.1");
        TypedPayloadEvent event = new TypedPayloadEvent(source, hangup);

        assertThat(event.getResolvableType()).isEqualTo(new PayloadApplicationEvent<>(source, hangup).getResolvableType());
        assertThat(event.getPayload()).isSameAs(hangup);
        assertThat(event.getSource()).isSameAs(source);
        // Which listeners take it (HangupEvent, ChannelEvent, not NewchannelEvent) is AmiTypedEventsTest's.
    }

    @Test
    void worksOutItsTypeOncePerEventClass() {
        TypedPayloadEvent first = new TypedPayloadEvent(source, hangup("1.1"));
        TypedPayloadEvent second = new TypedPayloadEvent(source, hangup("1.2"));
        TypedPayloadEvent other = new TypedPayloadEvent(source, EventCatalogue.typed(AmiEvent.of("Event", "Newchannel"), "pbx"));

        assertThat(second.getResolvableType()).isSameAs(first.getResolvableType());
        assertThat(other.getResolvableType().getGeneric().toClass()).isEqualTo(NewchannelEvent.class);
    }

    private static HangupEvent hangup(String uniqueid) {
        return new HangupEvent(AmiEvent.of("Event", "Hangup", "Uniqueid", uniqueid), "pbx");
    }
}
