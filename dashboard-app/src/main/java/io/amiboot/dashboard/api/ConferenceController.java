package io.amiboot.dashboard.api;

import io.amiboot.action.ActionRequest;
import io.amiboot.action.ConfbridgeKickAction;
import io.amiboot.action.ConfbridgeLockAction;
import io.amiboot.action.ConfbridgeMuteAction;
import io.amiboot.action.ConfbridgeUnlockAction;
import io.amiboot.action.ConfbridgeUnmuteAction;
import io.amiboot.dashboard.live.Pbx;
import io.amiboot.dashboard.validation.Fields;
import io.amiboot.dashboard.validation.InvalidFieldException;
import io.amiboot.live.LiveConference;
import io.amiboot.live.LiveConferenceParticipant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Lists ConfBridge conference rooms and mutes, unmutes, kicks their participants and locks or unlocks them, of the
 * server the URL names or of the only one. Every action names a room and a participant the live model holds: the
 * participant's channel is taken from the model, never from the request, so a request cannot aim at ConfBridge's
 * {@code all} or {@code participants}. The URL names a participant by its channel's unique ID: channel names hold
 * {@code /} (and Local ones {@code ;}), which Spring Security's firewall refuses in a path even percent-encoded.
 */
@RestController
@RequestMapping({ "/api/conferences", Servers.SCOPED + "/conferences" })
public class ConferenceController {

    private final Servers servers;

    /**
     * A controller acting on the dashboard's Asterisk servers.
     *
     * @param servers the server each request means, with its live model and where its actions go
     */
    public ConferenceController(Servers servers) {
        this.servers = servers;
    }

    /**
     * {@return every conference room of the current snapshot, by name, with its participants}
     *
     * @param server the server the URL names, or {@code null} for the only one
     */
    @GetMapping
    public List<LiveConference> conferences(@PathVariable(required = false) String server) {
        return servers.resolve(server).feed().snapshot().conferences();
    }

    /**
     * Mutes a participant (ConfbridgeMute).
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param room the room's name
     * @param channel the participant's channel, by its unique ID
     * @return completes once Asterisk answered
     * @throws InvalidFieldException if the room or channel is malformed (400)
     * @throws NotFoundException if there is no such server, room or participant in the live model (404)
     */
    @PostMapping("/{room}/participants/{channel}/mute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Void> mute(@PathVariable(required = false) String server, @PathVariable String room,
            @PathVariable String channel) {
        return toParticipant(server, room, channel, ConfbridgeMuteAction::new);
    }

    /**
     * Unmutes a participant (ConfbridgeUnmute).
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param room the room's name
     * @param channel the participant's channel, by its unique ID
     * @return completes once Asterisk answered
     * @throws InvalidFieldException if the room or channel is malformed (400)
     * @throws NotFoundException if there is no such server, room or participant in the live model (404)
     */
    @PostMapping("/{room}/participants/{channel}/unmute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Void> unmute(@PathVariable(required = false) String server, @PathVariable String room,
            @PathVariable String channel) {
        return toParticipant(server, room, channel, ConfbridgeUnmuteAction::new);
    }

    /**
     * Kicks a participant out of the room (ConfbridgeKick); its channel goes on in the dialplan after ConfBridge.
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param room the room's name
     * @param channel the participant's channel, by its unique ID
     * @return completes once Asterisk answered
     * @throws InvalidFieldException if the room or channel is malformed (400)
     * @throws NotFoundException if there is no such server, room or participant in the live model (404)
     */
    @DeleteMapping("/{room}/participants/{channel}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> kick(@PathVariable(required = false) String server, @PathVariable String room,
            @PathVariable String channel) {
        return toParticipant(server, room, channel, ConfbridgeKickAction::new);
    }

    /**
     * Locks the room: no one else may join (ConfbridgeLock); answers once the live model shows the lock.
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param room the room's name
     * @return completes once Asterisk answered and the live model listed the rooms' locks again
     * @throws InvalidFieldException if the room is malformed (400)
     * @throws NotFoundException if there is no such server or room in the live model (404)
     */
    @PostMapping("/{room}/lock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> lock(@PathVariable(required = false) String server, @PathVariable String room) {
        return toRoom(server, room, ConfbridgeLockAction::new);
    }

    /**
     * Unlocks the room (ConfbridgeUnlock); answers once the live model shows it unlocked.
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param room the room's name
     * @return completes once Asterisk answered and the live model listed the rooms' locks again
     * @throws InvalidFieldException if the room is malformed (400)
     * @throws NotFoundException if there is no such server or room in the live model (404)
     */
    @PostMapping("/{room}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> unlock(@PathVariable(required = false) String server, @PathVariable String room) {
        return toRoom(server, room, ConfbridgeUnlockAction::new);
    }

    private Mono<Void> toParticipant(String server, String room, String channel,
            BiFunction<String, String, ActionRequest> action) {
        Pbx pbx = servers.resolve(server);
        Fields.require("room", room, Fields.CONFERENCE);
        Fields.require("channel", channel, Fields.ID);
        LiveConference conference = find(pbx, room);
        LiveConferenceParticipant participant = conference.participant(channel);
        if (participant == null) {
            throw new NotFoundException("Conference room " + room + " has no participant " + channel);
        }
        ActionRequest request = action.apply(conference.name(), participant.channel());
        return Mono.fromFuture(() -> pbx.actions().send(request)).then();
    }

    private Mono<Void> toRoom(String server, String room, Function<String, ActionRequest> action) {
        Pbx pbx = servers.resolve(server);
        ActionRequest request = action.apply(find(pbx, room).name());
        return Mono.fromFuture(() -> pbx.actions().send(request))
                .then(Mono.fromFuture(() -> pbx.feed().refreshConferenceLocks()));
    }

    private static LiveConference find(Pbx pbx, String room) {
        Fields.require("room", room, Fields.CONFERENCE);
        return pbx.feed().snapshot().conferences().stream().filter(conference -> conference.name().equals(room))
                .findFirst().orElseThrow(() -> new NotFoundException("No conference room " + room));
    }
}
