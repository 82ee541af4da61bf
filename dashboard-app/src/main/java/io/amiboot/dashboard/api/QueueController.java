package io.amiboot.dashboard.api;

import io.amiboot.action.ActionRequest;
import io.amiboot.live.LiveQueue;
import io.amiboot.live.QueueKpis;
import io.amiboot.dashboard.live.Pbx;
import io.amiboot.dashboard.validation.Fields;
import io.amiboot.dashboard.validation.InvalidFieldException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Lists queues, adds and removes their members and pauses or unpauses them, of the server the URL names or of the only one. */
@RestController
@RequestMapping({ "/api/queues", Servers.SCOPED + "/queues" })
public class QueueController {

    private final Servers servers;

    private final QueueMemberActions actions;

    /**
     * A controller acting on the dashboard's Asterisk servers.
     *
     * @param servers the server each request means, with its live model and where its actions go
     * @param actions builds and checks the QueueAdd, QueueRemove and QueuePause actions
     */
    public QueueController(Servers servers, QueueMemberActions actions) {
        this.servers = servers;
        this.actions = actions;
    }

    /**
     * {@return every queue of the current snapshot, with its members and waiting callers}
     *
     * @param server the server the URL names, or {@code null} for the only one
     */
    @GetMapping
    public List<LiveQueue> queues(@PathVariable(required = false) String server) {
        return servers.resolve(server).feed().snapshot().queues();
    }

    /**
     * {@return each queue's figures over the current window: offered, answered, abandoned, service level, waits,
     * talk time, and each member's handled, missed, pause and call}
     *
     * @param server the server the URL names, or {@code null} for the only one
     */
    @GetMapping("/kpis")
    public List<QueueKpis> kpis(@PathVariable(required = false) String server) {
        return servers.resolve(server).feed().queueKpis();
    }

    /**
     * Adds a member to the queue (QueueAdd).
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param queue the queue's name
     * @param command the member's interface, name, penalty and whether it starts paused
     * @return completes once Asterisk answered the QueueAdd
     * @throws InvalidFieldException if a field is missing, malformed or not allowed (400)
     * @throws NotFoundException if there is no such server, or its live model has no such queue (404)
     */
    @PostMapping("/{queue}/members")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Void> addMember(@PathVariable(required = false) String server, @PathVariable String queue,
            @RequestBody MemberCommand command) {
        return act(server, queue, () -> actions.add(queue, command));
    }

    /**
     * Removes a member from the queue (QueueRemove).
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param queue the queue's name
     * @param member the member's interface, the rest of the path ({@code /api/queues/support/members/Local/100@test/n})
     * @return completes once Asterisk answered the QueueRemove
     * @throws InvalidFieldException if the queue's name or the interface is malformed (400)
     * @throws NotFoundException if there is no such server, or its live model has no such queue (404)
     */
    @DeleteMapping("/{queue}/members/{*member}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> removeMember(@PathVariable(required = false) String server, @PathVariable String queue,
            @PathVariable String member) {
        return act(server, queue, () -> actions.remove(queue, member.startsWith("/") ? member.substring(1) : member));
    }

    /**
     * Pauses a member of the queue.
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param queue the queue's name
     * @param command the member (its interface) and an optional reason
     * @return completes once Asterisk answered the QueuePause
     * @throws InvalidFieldException if the queue's name, the member or the reason is missing or malformed (400)
     * @throws NotFoundException if there is no such server, or its live model has no such queue (404)
     */
    @PostMapping("/{queue}/pause")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Void> pause(@PathVariable(required = false) String server, @PathVariable String queue,
            @RequestBody PauseCommand command) {
        return act(server, queue, () -> actions.pause(queue, command, true));
    }

    /**
     * Unpauses a member of the queue.
     *
     * @param server the server the URL names, or {@code null} for the only one
     * @param queue the queue's name
     * @param command the member (its interface) and an optional reason
     * @return completes once Asterisk answered the QueuePause
     * @throws InvalidFieldException if the queue's name, the member or the reason is missing or malformed (400)
     * @throws NotFoundException if there is no such server, or its live model has no such queue (404)
     */
    @PostMapping("/{queue}/unpause")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Void> unpause(@PathVariable(required = false) String server, @PathVariable String queue,
            @RequestBody PauseCommand command) {
        return act(server, queue, () -> actions.pause(queue, command, false));
    }

    /**
     * Sends the request about {@code queue} once the server, the queue's name and the request's fields are checked
     * (in that order) and the live model shows there is such a queue.
     */
    private Mono<Void> act(String server, String queue, Supplier<ActionRequest> checkedRequest) {
        Pbx pbx = servers.resolve(server);
        Fields.require("queue", queue, Fields.NAME);
        ActionRequest request = checkedRequest.get();
        if (pbx.feed().snapshot().queues().stream().noneMatch(q -> q.name().equals(queue))) {
            throw new NotFoundException("No queue " + queue);
        }
        return Mono.fromFuture(() -> pbx.actions().send(request)).then();
    }
}
