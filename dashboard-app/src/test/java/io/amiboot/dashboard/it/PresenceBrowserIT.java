package io.amiboot.dashboard.it;

import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.SipPhone;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.springframework.http.MediaType;

/**
 * Presence on the board from a real SIP phone: Debian's baresip registers as endpoint 1003 of the test Asterisk over
 * loopback and answers by itself, and the board's endpoint badge follows it from unavailable to idle to in use.
 */
@RealAsterisk
class PresenceBrowserIT {

    private static final String PHONE = "1003";

    private RunningDashboard dashboard;

    private BoardBrowser board;

    @AfterEach
    void stop() {
        if (board != null) {
            board.close();
        }
        if (dashboard != null) {
            dashboard.hangUpAll("PresenceIT");
            dashboard.close();
        }
    }

    @Test
    void aSipPhoneGoesFromUnavailableToIdleToInUseOnTheBoard(TestAsterisk asterisk) {
        dashboard = RunningDashboard.start(asterisk);
        board = BoardBrowser.open(1366, 768, () -> "endpoints: " + board.driver.findElement(By.id("endpoints")).getDomProperty("outerHTML"));
        board.signIn(dashboard.baseUrl(), "operator");
        awaitBadge("unavailable");
        try (SipPhone phone = SipPhone.start(PHONE, SipPhone.Answer.AUTO)) {
            phone.awaitRegistered(Duration.ofSeconds(30));
            awaitBadge("idle");
            dashboard.api("operator").post().uri("/api/calls").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("from", PHONE, "to", "100", "context", "test", "callerIdName", "PresenceIT"))
                    .retrieve().toBodilessEntity().block(Duration.ofSeconds(15));
            awaitBadge("in use");
        }
    }

    /** Waits until endpoint {@value #PHONE}'s badge on the board reads {@code text}. */
    private void awaitBadge(String text) {
        board.waiting().ignoring(StaleElementReferenceException.class).until(driver -> driver
                .findElement(By.cssSelector("#endpoints li.endpoint[data-endpoint='" + PHONE + "'] > span.badge")).getText().equals(text));
    }
}
