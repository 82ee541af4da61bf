package io.amiboot.action;

import io.amiboot.client.AmiEvent;

/**
 * How an asynchronous {@code Originate} ended, from its {@code OriginateResponse} event.
 *
 * @param success whether the channel was answered ({@code Response: Success})
 * @param reason Asterisk's reason code (4 answered, 0 failed, 1 hung up, 3 ringing timed out, 5 busy, 8 congested)
 * @param channel the channel that was created, or {@code null}
 * @param uniqueid that channel's unique ID, or {@code null}
 * @param event the whole event
 */
public record OriginateResult(boolean success, int reason, String channel, String uniqueid, AmiEvent event) {

    static OriginateResult from(AmiEvent event) {
        return new OriginateResult("Success".equalsIgnoreCase(event.get("Response")),
                (int) CoreStatus.number(event.get("Reason"), -1), event.get("Channel"), event.get("Uniqueid"), event);
    }
}
