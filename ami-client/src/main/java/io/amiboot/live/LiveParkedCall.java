package io.amiboot.live;

import java.time.Instant;

/**
 * A call waiting in a parking space until someone picks it up, it times out or it hangs up.
 *
 * @param lot the parking lot's name, e.g. {@code default}
 * @param space the parking space, the extension that picks it up, e.g. {@code 701}
 * @param channel the parked channel's name
 * @param uniqueId the parked channel's {@code Uniqueid}
 * @param callId the {@code Linkedid} of the call it belongs to, as in {@link LiveCall#id()}
 * @param callerIdNum the parked channel's caller ID number, or empty
 * @param callerIdName the parked channel's caller ID name, or empty
 * @param parker the dial string that rings whoever parked it when it times out, e.g. {@code PJSIP/1001}, or empty
 * @param parkedAt when it was parked
 * @param timeoutAt when it times out and rings the parker, or {@code null} when it waits until picked up
 */
public record LiveParkedCall(String lot, String space, String channel, String uniqueId, String callId,
        String callerIdNum, String callerIdName, String parker, Instant parkedAt, Instant timeoutAt) {
}
