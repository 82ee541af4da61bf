package io.amiboot.live;

import java.time.Instant;

/**
 * A channel in a ConfBridge conference room.
 *
 * @param channel the channel's name, e.g. {@code Local/851@test-00000001;2}; its key in the room
 * @param uniqueId the channel's unique ID
 * @param callerIdNum its caller ID number, or empty
 * @param callerIdName its caller ID name, or empty
 * @param admin whether its user profile makes it an admin of the room
 * @param muted whether it is muted
 * @param talking whether Asterisk last reported it talking (only with {@code talk_detection_events} in its profile)
 * @param joinedAt when it joined; for a participant known from a snapshot only, when its channel was answered,
 *        since {@code ConfbridgeList} tells no more
 */
public record LiveConferenceParticipant(String channel, String uniqueId, String callerIdNum, String callerIdName,
        boolean admin, boolean muted, boolean talking, Instant joinedAt) {
}
