package io.amiboot.live;

import java.time.Instant;
import java.util.List;

/**
 * One Asterisk channel as the live model sees it.
 *
 * @param uniqueId the channel's {@code Uniqueid}
 * @param linkedId the {@code Linkedid} that groups it into a call
 * @param name the channel name, e.g. {@code PJSIP/1001-00000001}
 * @param state the channel state description, e.g. {@code Up} or {@code Ringing}
 * @param callerIdNum the caller ID number, or empty
 * @param callerIdName the caller ID name, or empty
 * @param connectedLineNum the connected line number, or empty
 * @param connectedLineName the connected line name, or empty
 * @param context the dialplan context it runs in
 * @param exten the dialplan extension
 * @param priority the dialplan priority
 * @param application the dialplan application it runs, or empty when unknown: after a dialplan step seen without
 * its {@code Newexten} (a client logged in with {@link LiveModel#EVENT_MASK} gets none)
 * @param onHold whether it is on hold
 * @param bridgeId the bridge it is in, or {@code null}
 * @param talkingTo the names of the other channels in its bridge
 * @param startedAt when it was created (from its age in a snapshot)
 */
public record LiveChannel(String uniqueId, String linkedId, String name, String state, String callerIdNum,
        String callerIdName, String connectedLineNum, String connectedLineName, String context, String exten,
        String priority, String application, boolean onHold, String bridgeId, List<String> talkingTo,
        Instant startedAt) {

    /**
     * Copies the list of bridge peers so the record stays immutable.
     *
     * @param uniqueId the channel's {@code Uniqueid}
     * @param linkedId the {@code Linkedid} that groups it into a call
     * @param name the channel name, e.g. {@code PJSIP/1001-00000001}
     * @param state the channel state description, e.g. {@code Up} or {@code Ringing}
     * @param callerIdNum the caller ID number, or empty
     * @param callerIdName the caller ID name, or empty
     * @param connectedLineNum the connected line number, or empty
     * @param connectedLineName the connected line name, or empty
     * @param context the dialplan context it runs in
     * @param exten the dialplan extension
     * @param priority the dialplan priority
     * @param application the dialplan application it runs, or empty when unknown: after a dialplan step seen without
     *        its {@code Newexten} (a client logged in with {@link LiveModel#EVENT_MASK} gets none)
     * @param onHold whether it is on hold
     * @param bridgeId the bridge it is in, or {@code null}
     * @param talkingTo the names of the other channels in its bridge
     * @param startedAt when it was created (from its age in a snapshot)
     */
    public LiveChannel {
        talkingTo = List.copyOf(talkingTo);
    }
}
