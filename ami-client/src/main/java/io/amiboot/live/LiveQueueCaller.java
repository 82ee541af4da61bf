package io.amiboot.live;

import java.time.Instant;

/**
 * A caller waiting in a queue.
 *
 * @param uniqueId the waiting channel's {@code Uniqueid}
 * @param channel the waiting channel's name
 * @param callerIdNum its caller ID number
 * @param callerIdName its caller ID name
 * @param position its position in the queue, from 1
 * @param joinedAt when it joined the queue
 */
public record LiveQueueCaller(String uniqueId, String channel, String callerIdNum, String callerIdName, int position,
        Instant joinedAt) {
}
