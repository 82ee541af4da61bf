package io.amiboot.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiActionException;
import io.amiboot.client.AmiResponse;
import io.amiboot.client.AmiTimeoutException;
import io.amiboot.dashboard.TestAsteriskBeans;
import io.amiboot.live.LiveCall;
import io.amiboot.live.LiveChannel;
import io.amiboot.live.LiveSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code DELETE /api/calls/{id}} of a bridged call through a Local pair ({@code 500@demo} dialling {@code 400}):
 * Asterisk ends the pair's other half and the bridged party with the first Hangup, and answers the later ones
 * {@code No such channel}. The hang-up succeeds when the call is gone, whichever channel went first, and fails only
 * while the call is still up.
 */
@DashboardWebTest
class HangupRaceApiTest {

    private static final Instant START = Instant.parse("2026-11-26T05:00:00Z");

    private static final String ID = "1700000000.11";

    private static final List<String> CHANNELS = List.of("Local/500@demo-00000013;1", "Local/500@demo-00000013;2",
            "Local/100@test-00000014;1");

    private static final LiveSnapshot MODEL = new LiveSnapshot(3, true, List.of(new LiveCall(ID, List.of(
            channel("1700000000.11", CHANNELS.get(0), List.of()),
            channel("1700000000.12", CHANNELS.get(1), List.of(CHANNELS.get(2))),
            channel("1700000000.13", CHANNELS.get(2), List.of(CHANNELS.get(1)))), START)), List.of(), List.of());

    @Autowired
    private WebTestClient client;

    private static LiveChannel channel(String uniqueId, String name, List<String> talkingTo) {
        return new LiveChannel(uniqueId, ID, name, "Up", "5155", "Demo caller", "400", "", "demo", "400", "1", "Dial",
                false, talkingTo.isEmpty() ? "" : "b-1", talkingTo, START);
    }

    @BeforeEach
    void model() {
        TestAsteriskBeans.reset(MODEL);
    }

    private WebTestClient.ResponseSpec hangUp() {
        return client.mutate().defaultHeaders(headers -> headers.setBasicAuth("operator", "operator-pw")).build()
                .delete().uri("/api/calls/" + ID).exchange();
    }

    private static CompletableFuture<AmiResponse> refused(String message) {
        return CompletableFuture.failedFuture(new AmiActionException("Hangup",
                AmiResponse.of("Response", "Error", "Message", message)));
    }

    @Test
    void channelsTheFirstHangupEndedAreGoneAndTheHangupAnswers204() {
        // As Asterisk answers once the first Hangup took the Local pair and its bridge down.
        TestAsteriskBeans.answer = action -> action.get("Channel").equals(CHANNELS.get(0))
                ? TestAsteriskBeans.success(action) : refused("No such channel");
        hangUp().expectStatus().isNoContent();
        assertThat(TestAsteriskBeans.sent).extracting(a -> a.get("Channel")).containsExactlyElementsOf(CHANNELS);
    }

    @Test
    void whicheverChannelWentFirstACallAlreadyGoneAnswers204() {
        TestAsteriskBeans.answer = action -> refused("No such channel");
        hangUp().expectStatus().isNoContent();
    }

    @Test
    void anotherRefusalWhileTheCallIsStillUpIs502() {
        TestAsteriskBeans.answer = action -> action.get("Channel").equals(CHANNELS.get(0))
                ? TestAsteriskBeans.success(action) : refused("Permission denied");
        hangUp().expectStatus().isEqualTo(502).expectBody().jsonPath("$.detail").value(String.class,
                detail -> assertThat(detail).contains("Permission denied"));
    }

    @Test
    void aLateAnswerForACallThatEndedMeanwhileIs204() {
        TestAsteriskBeans.answer = action -> {
            // The call's Hangup events reached the live model while this answer was late.
            TestAsteriskBeans.reset(new LiveSnapshot(4, true, List.of(), List.of(), List.of()));
            return CompletableFuture.failedFuture(new AmiTimeoutException("Hangup", "t-1", Duration.ofSeconds(10)));
        };
        hangUp().expectStatus().isNoContent();
    }

    @Test
    void aLateAnswerWhileTheCallIsStillUpIs504() {
        TestAsteriskBeans.answer = action -> CompletableFuture.failedFuture(
                new AmiTimeoutException("Hangup", "t-1", Duration.ofSeconds(10)));
        hangUp().expectStatus().isEqualTo(504);
    }
}
