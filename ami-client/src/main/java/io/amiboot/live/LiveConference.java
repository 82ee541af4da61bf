package io.amiboot.live;

import java.util.List;

/**
 * A ConfBridge conference room with its participants.
 *
 * @param name the room's name, as given to {@code ConfBridge()}
 * @param locked whether the room is locked (no one else may join)
 * @param participants its participants, in the order they joined
 */
public record LiveConference(String name, boolean locked, List<LiveConferenceParticipant> participants) {

    /**
     * Copies the list so the record stays immutable.
     *
     * @param name the room's name, as given to {@code ConfBridge()}
     * @param locked whether the room is locked (no one else may join)
     * @param participants its participants, in the order they joined
     */
    public LiveConference {
        participants = List.copyOf(participants);
    }

    /**
     * {@return the participant on this channel, or {@code null}}
     *
     * @param channelOrUniqueId the participant's channel name or its channel's unique ID
     */
    public LiveConferenceParticipant participant(String channelOrUniqueId) {
        return participants.stream().filter(participant -> participant.channel().equals(channelOrUniqueId)
                || participant.uniqueId().equals(channelOrUniqueId)).findFirst().orElse(null);
    }
}
