package io.amiboot.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Requests and typed results of the action sender, without Asterisk. */
class OriginateRequestTest {

    @Test
    void asyncByDefaultWithDialplanTargetAndVariables() {
        OriginateRequest request = OriginateRequest.toChannel("PJSIP/1001").dialplan(DialplanLocation.of("from-internal", "600"))
                .callerId("\"Support\" <600>").timeout(Duration.ofSeconds(20)).variable("A", "1").variable("B", "x=y").build();
        AmiAction action = request.action();
        assertThat(action.name()).isEqualTo("Originate");
        assertThat(action.get("Channel")).isEqualTo("PJSIP/1001");
        assertThat(action.get("Context")).isEqualTo("from-internal");
        assertThat(action.get("Exten")).isEqualTo("600");
        assertThat(action.get("Priority")).isEqualTo("1");
        assertThat(action.get("Timeout")).isEqualTo("20000");
        assertThat(action.get("CallerID")).isEqualTo("\"Support\" <600>");
        assertThat(action.get("Async")).isEqualTo("true");
        assertThat(request.async()).isTrue();
        assertThat(action.toBuilder().build()).isEqualTo(action);
        assertThat(action.toString()).contains("Variable: A=1", "Variable: B=x=y");
    }

    @Test
    void aCommaInAVariableValueIsRefusedNamingTheVariable() {
        // Asterisk splits a Variable: header on commas: this value would also set TRANSFER_CONTEXT=trunk.
        OriginateRequest.Builder request = OriginateRequest.toChannel("PJSIP/1001").dialplan(DialplanLocation.of("demo", "600"));
        assertThatThrownBy(() -> request.variable("TICKET", "x,TRANSFER_CONTEXT=trunk"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'TICKET'").hasMessageContaining("','");
    }

    @Test
    void aVariableNameWithACommaOrParenthesesIsRefusedNamingIt() {
        OriginateRequest.Builder request = OriginateRequest.toChannel("PJSIP/1001").dialplan(DialplanLocation.of("demo", "600"));
        for (String name : new String[] { "A,TRANSFER_CONTEXT", "CHANNEL(language)", "X)", "A=B", "" }) {
            assertThatThrownBy(() -> request.variable(name, "1")).as(name).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(name.isEmpty() ? "needs a name" : "'" + name + "'");
        }
        assertThat(request.variable("__TICKET", "a=b (c)").build().action().get("Variable")).isEqualTo("__TICKET=a=b (c)");
    }

    @Test
    void applicationInsteadOfDialplanAndSynchronousOnRequest() {
        AmiAction action = OriginateRequest.toChannel("Local/100@test").application("Wait", "5").async(false).build().action();
        assertThat(action.get("Application")).isEqualTo("Wait");
        assertThat(action.get("Data")).isEqualTo("5");
        assertThat(action.get("Context")).isNull();
        assertThat(action.get("Async")).isEqualTo("false");
    }

    @Test
    void needsATarget() {
        assertThatThrownBy(() -> OriginateRequest.toChannel("PJSIP/1001").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dialplan location or an application");
        assertThatThrownBy(() -> OriginateRequest.toChannel("x").variable("a=b", "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DialplanLocation("c", "e", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typedResults() {
        CoreStatus status = CoreStatus.from(AmiResponse.of("Response", "Success", "CoreStartupDate", "2025-01-02",
                "CoreStartupTime", "03:04:05", "CoreReloadDate", "2025-01-02", "CoreReloadTime", "04:05:06",
                "CoreCurrentCalls", "3", "CoreProcessedCalls", "42"));
        assertThat(status.startup()).isEqualTo(LocalDateTime.of(2025, 1, 2, 3, 4, 5));
        assertThat(status.lastReload()).isEqualTo(LocalDateTime.of(2025, 1, 2, 4, 5, 6));
        assertThat(status.currentCalls()).isEqualTo(3);
        assertThat(status.processedCalls()).isEqualTo(42);

        CoreSettings settings = CoreSettings.from(AmiResponse.of("Response", "Success", "AMIversion", "11.0.0",
                "AsteriskVersion", "22.5.2", "CoreMaxCalls", "0"));
        assertThat(settings.asteriskVersion()).isEqualTo("22.5.2");
        assertThat(settings.amiVersion()).isEqualTo("11.0.0");
        assertThat(settings.systemName()).isEmpty();

        OriginateResult result = OriginateResult.from(AmiEvent.of("Event", "OriginateResponse", "Response", "Failure",
                "Reason", "5", "Channel", "PJSIP/1001"));
        assertThat(result.success()).isFalse();
        assertThat(result.reason()).isEqualTo(5);
    }
}
