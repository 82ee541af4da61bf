package io.amiboot.dashboard.api;

import io.amiboot.action.OriginateRequest;
import io.amiboot.dashboard.live.Pbx;
import io.amiboot.dashboard.validation.Fields;
import io.amiboot.dashboard.validation.InvalidFieldException;
import io.amiboot.live.LiveParkedCall;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Lists the parked calls and picks them up, of the server the URL names or of the only one. */
@RestController
@RequestMapping({ "/api/parking", Servers.SCOPED + "/parking" })
public class ParkingController {

    private final Servers servers;

    private final CallActions actions;

    /**
     * A controller acting on the dashboard's Asterisk servers.
     *
     * @param servers the server each request means, with its live model and where its actions go
     * @param actions builds and checks the pickup's originate
     */
    public ParkingController(Servers servers, CallActions actions) {
        this.servers = servers;
        this.actions = actions;
    }

    /**
     * {@return every parked call of the current snapshot, by parking lot and space}
     *
     * @param server the server the URL names, or {@code null} for the only one
     */
    @GetMapping
    public List<LiveParkedCall> parkedCalls(@PathVariable(required = false) String server) {
        return servers.resolve(server).feed().snapshot().parkedCalls();
    }

    /**
     * Picks up the call parked in a space: rings {@code from} and, once answered, dials the space; 202 once Asterisk
     * queued the originate.
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param space the parking space, e.g. {@code 701}
     * @param command who picks up, and optionally the lot and the allowed context the space is dialled in
     * @return the originate's channel, context and extension, once Asterisk accepted the action
     * @throws InvalidFieldException if a field is missing, malformed or not allowed, or the space is taken in several
     *     lots and the command names none (400)
     * @throws NotFoundException if no call is parked in that space (404)
     */
    @PostMapping("/{space}/pickup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<OriginateAccepted> pickUp(@PathVariable(required = false) String server, @PathVariable String space,
            @RequestBody PickupCommand command) {
        Pbx pbx = servers.resolve(server);
        Fields.require("space", space, Fields.PARKING_SPACE);
        OriginateRequest request = actions.pickUp(space, command);
        String lot = Fields.optional("lot", command.lot(), Fields.NAME);
        List<String> lots = pbx.feed().snapshot().parkedCalls().stream().filter(parked -> parked.space().equals(space))
                .map(LiveParkedCall::lot).filter(parkedIn -> lot == null || parkedIn.equals(lot)).toList();
        if (lots.isEmpty()) {
            throw new NotFoundException("No call is parked in space " + space + (lot == null ? "" : " of lot " + lot));
        }
        if (lots.size() > 1) {
            throw new InvalidFieldException("lot", "is required: space " + space + " is taken in the lots " + lots);
        }
        return Mono.fromFuture(() -> pbx.actions().send(request)).thenReturn(OriginateAccepted.of(request));
    }
}
