package io.amiboot.dashboard.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.client.AmiEvent;
import io.amiboot.dashboard.validation.InvalidFieldException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Relay filters come from query parameters and are validated like any other input. */
class RelayFilterTest {

    @Test
    void defaultsToCallsQueuesEndpointsConferencesAndParkingWithoutTheEventLog() {
        RelayFilter filter = RelayFilter.parse(Map.of());
        assertThat(filter.kinds()).containsExactlyInAnyOrder("calls", "queues", "endpoints", "conferences", "parking");
        assertThat(filter.wants(AmiEvent.of("Event", "Newchannel"))).isFalse();
    }

    @Test
    void eventLogFiltersByEventNameIgnoringCase() {
        RelayFilter filter = RelayFilter.parse(Map.of("kinds", List.of("events"), "event", List.of("Hangup, newchannel")));
        assertThat(filter.wants(AmiEvent.of("Event", "Newchannel"))).isTrue();
        assertThat(filter.wants(AmiEvent.of("Event", "hangup"))).isTrue();
        assertThat(filter.wants(AmiEvent.of("Event", "Newexten"))).isFalse();
    }

    @Test
    void invalidValuesAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> RelayFilter.parse(Map.of("kinds", List.of("calls,secrets"))))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("kinds"));
        assertThatThrownBy(() -> RelayFilter.parse(Map.of("queue", List.of("sales\r\n"))))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("queue"));
        assertThatThrownBy(() -> RelayFilter.parse(Map.of("event", List.of("New channel"))))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("event"));
    }
}
