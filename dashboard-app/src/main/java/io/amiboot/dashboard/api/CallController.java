package io.amiboot.dashboard.api;

import io.amiboot.action.ActionRequest;
import io.amiboot.action.OriginateRequest;
import io.amiboot.live.LiveCall;
import io.amiboot.live.LiveChannel;
import io.amiboot.client.AmiResponse;
import io.amiboot.dashboard.live.Pbx;
import io.amiboot.dashboard.validation.Fields;
import io.amiboot.dashboard.validation.InvalidFieldException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Lists, originates, hangs up, transfers and parks calls, of the server the URL names or of the only one. */
@RestController
@RequestMapping({ "/api/calls", Servers.SCOPED + "/calls" })
public class CallController {

    private final Servers servers;

    private final CallActions actions;

    /**
     * A controller acting on the dashboard's Asterisk servers.
     *
     * @param servers the server each request means, with its live model and where its actions go
     * @param actions builds and checks the actions from the requests
     */
    public CallController(Servers servers, CallActions actions) {
        this.servers = servers;
        this.actions = actions;
    }

    /**
     * {@return every call of the current snapshot, oldest first}
     *
     * @param server the server the URL names, or {@code null} for the only one
     */
    @GetMapping
    public List<LiveCall> calls(@PathVariable(required = false) String server) {
        return servers.resolve(server).feed().snapshot().calls();
    }

    /**
     * {@return one call of the current snapshot}
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param id the call's ID, as in the live model
     * @throws NotFoundException if there is no such server or call (404)
     */
    @GetMapping("/{id}")
    public LiveCall call(@PathVariable(required = false) String server, @PathVariable String id) {
        return find(servers.resolve(server), id);
    }

    /**
     * Originates a call; 202 once Asterisk queued it.
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param command what to originate; its contexts and variables are checked against the allow-lists
     * @return the originate's channel, context and extension, once Asterisk accepted the action
     * @throws InvalidFieldException if a field is missing, malformed or not allowed (400)
     */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<OriginateAccepted> originate(@PathVariable(required = false) String server,
            @RequestBody OriginateCommand command) {
        Pbx pbx = servers.resolve(server);
        OriginateRequest request = actions.originate(command);
        return send(pbx, request).thenReturn(OriginateAccepted.of(request));
    }

    /**
     * Hangs up every channel of a call, or only {@code channel} (name or unique ID).
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param id the call's ID
     * @param channel a channel of the call, by name or unique ID; {@code null} for all of them
     * @return completes once Asterisk answered every Hangup, in order; a channel Asterisk no longer knows counts as
     *     gone (ending one half of a Local pair ends the other first), and any other failure fails the request only
     *     while the live model still shows one of the channels
     */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> hangup(@PathVariable(required = false) String server, @PathVariable String id,
            @RequestParam(required = false) String channel) {
        Pbx pbx = servers.resolve(server);
        LiveCall call = find(pbx, id);
        List<String> names = channel == null ? call.channels().stream().map(LiveChannel::name).toList()
                : List.of(channelOf(call, channel).name());
        return Mono.fromFuture(() -> actions.hangUp(pbx.actions(), names))
                .onErrorResume(failure -> stillUp(pbx, names) ? Mono.error(failure) : Mono.empty()).then();
    }

    /** Whether the live model still shows one of the channels. */
    private static boolean stillUp(Pbx pbx, List<String> channelNames) {
        return pbx.feed().snapshot().calls().stream().flatMap(call -> call.channels().stream())
                .anyMatch(channel -> channelNames.contains(channel.name()));
    }

    /**
     * Transfers a channel of the call: {@code blind} with Redirect, {@code attended} with Atxfer.
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param id the call's ID
     * @param command the target and mode; without a channel, the call's first channel moves
     * @return completes once Asterisk answered the Redirect or Atxfer
     */
    @PostMapping("/{id}/transfer")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Void> transfer(@PathVariable(required = false) String server, @PathVariable String id,
            @RequestBody TransferCommand command) {
        Pbx pbx = servers.resolve(server);
        if (command == null) {
            throw new InvalidFieldException("body", "is required");
        }
        LiveCall call = find(pbx, id);
        LiveChannel channel = command.channel() == null ? call.first() : channelOf(call, command.channel());
        return send(pbx, actions.transfer(channel.name(), command)).then();
    }

    /**
     * Parks a channel of the call (Park) in the lot's next free space; the channel bridged with it hears the space,
     * leaves the call and is rung back if nobody picks the parked call up in time.
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param id the call's ID
     * @param command the channel, lot and timeout, all optional; without a body, the defaults of {@link ParkCommand}
     * @return completes once Asterisk answered the Park
     */
    @PostMapping("/{id}/park")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Void> park(@PathVariable(required = false) String server, @PathVariable String id,
            @RequestBody(required = false) ParkCommand command) {
        Pbx pbx = servers.resolve(server);
        LiveCall call = find(pbx, id);
        LiveChannel parked = command == null || command.channel() == null ? bridgedOrFirst(call) : channelOf(call, command.channel());
        String parker = parked.talkingTo().size() == 1 ? parked.talkingTo().get(0) : null;
        return send(pbx, actions.park(parked.name(), parker, command)).then();
    }

    /** The oldest channel talking to exactly one other: of a bridged call, the caller's side. */
    private static LiveChannel bridgedOrFirst(LiveCall call) {
        return call.channels().stream().filter(channel -> channel.talkingTo().size() == 1).findFirst().orElse(call.first());
    }

    /**
     * Supervisors: rings {@code from} and lets it listen to, whisper to or barge into a channel of the call.
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param id the call's ID
     * @param command who listens and how; without a channel, the call's first channel is spied on
     * @return completes once Asterisk accepted the originate (the phone rings after)
     */
    @PostMapping("/{id}/spy")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Void> spy(@PathVariable(required = false) String server, @PathVariable String id,
            @RequestBody SpyCommand command) {
        Pbx pbx = servers.resolve(server);
        if (command == null) {
            throw new InvalidFieldException("body", "is required");
        }
        LiveCall call = find(pbx, id);
        LiveChannel channel = command.channel() == null ? call.first() : channelOf(call, command.channel());
        return send(pbx, actions.spy(channel.name(), command)).then();
    }

    /**
     * Supervisors: starts recording a channel of the call (MixMonitor); the answer names the file.
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param id the call's ID
     * @param channel the channel to record, by name or unique ID; {@code null} for the call's first
     * @return the recorded channel and the file, once Asterisk answered the MixMonitor
     */
    @PostMapping("/{id}/recording")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Recording> startRecording(@PathVariable(required = false) String server, @PathVariable String id,
            @RequestParam(required = false) String channel) {
        Pbx pbx = servers.resolve(server);
        LiveCall call = find(pbx, id);
        LiveChannel recorded = channel == null ? call.first() : channelOf(call, channel);
        String file = "amiboot-" + call.id() + "-" + System.currentTimeMillis() + ".wav";
        return send(pbx, actions.startRecording(recorded.name(), file)).thenReturn(new Recording(recorded.name(), file));
    }

    /**
     * Supervisors: stops recording a channel of the call (StopMixMonitor).
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param id the call's ID
     * @param channel the recorded channel, by name or unique ID; {@code null} for the call's first
     * @return completes once Asterisk answered the StopMixMonitor
     */
    @DeleteMapping("/{id}/recording")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> stopRecording(@PathVariable(required = false) String server, @PathVariable String id,
            @RequestParam(required = false) String channel) {
        Pbx pbx = servers.resolve(server);
        LiveCall call = find(pbx, id);
        LiveChannel recorded = channel == null ? call.first() : channelOf(call, channel);
        return send(pbx, actions.stopRecording(recorded.name())).then();
    }

    /**
     * A recording that was started.
     *
     * @param channel the recorded channel
     * @param file the file Asterisk records into (relative names land in its monitor directory)
     */
    public record Recording(String channel, String file) {
    }

    private static LiveCall find(Pbx pbx, String id) {
        Fields.require("id", id, Fields.ID);
        return pbx.feed().snapshot().calls().stream().filter(call -> call.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No call " + id));
    }

    private static LiveChannel channelOf(LiveCall call, String channel) {
        Fields.require("channel", channel, Fields.CHANNEL);
        return call.channels().stream().filter(c -> c.uniqueId().equals(channel) || c.name().equals(channel))
                .findFirst().orElseThrow(() -> new NotFoundException("Call " + call.id() + " has no channel " + channel));
    }

    private static Mono<AmiResponse> send(Pbx pbx, ActionRequest request) {
        return Mono.fromFuture(() -> pbx.actions().send(request));
    }
}
