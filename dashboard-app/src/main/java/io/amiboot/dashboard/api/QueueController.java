package io.amiboot.dashboard.api;

import io.amiboot.action.QueuePauseAction;
import io.amiboot.live.LiveQueue;
import io.amiboot.dashboard.live.AsteriskActions;
import io.amiboot.dashboard.live.LiveFeed;
import io.amiboot.dashboard.validation.Fields;
import io.amiboot.dashboard.validation.InvalidFieldException;
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

/** Lists queues and pauses or unpauses their members. */
@RestController
@RequestMapping("/api/queues")
public class QueueController {

    private final LiveFeed feed;

    private final AsteriskActions asterisk;

    private final CallActions actions;

    /**
     * A controller acting on the dashboard's Asterisk.
     *
     * @param feed the live model the queues are read from
     * @param asterisk where the QueuePause actions are sent
     * @param actions builds and checks the QueuePause actions
     */
    public QueueController(LiveFeed feed, AsteriskActions asterisk, CallActions actions) {
        this.feed = feed;
        this.asterisk = asterisk;
        this.actions = actions;
    }

    /** {@return every queue of the current snapshot, with its members and waiting callers} */
    @GetMapping
    public List<LiveQueue> queues() {
        return feed.snapshot().queues();
    }

    /**
     * Pauses a member of the queue.
     *
     * @param queue the queue's name
     * @param command the member (its interface) and an optional reason
     * @return completes once Asterisk answered the QueuePause
     * @throws InvalidFieldException if the queue's name, the member or the reason is missing or malformed (400)
     * @throws NotFoundException if the live model has no such queue (404)
     */
    @PostMapping("/{queue}/pause")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Void> pause(@PathVariable String queue, @RequestBody PauseCommand command) {
        return setPaused(queue, command, true);
    }

    /**
     * Unpauses a member of the queue.
     *
     * @param queue the queue's name
     * @param command the member (its interface) and an optional reason
     * @return completes once Asterisk answered the QueuePause
     * @throws InvalidFieldException if the queue's name, the member or the reason is missing or malformed (400)
     * @throws NotFoundException if the live model has no such queue (404)
     */
    @PostMapping("/{queue}/unpause")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Void> unpause(@PathVariable String queue, @RequestBody PauseCommand command) {
        return setPaused(queue, command, false);
    }

    private Mono<Void> setPaused(String queue, PauseCommand command, boolean paused) {
        Fields.require("queue", queue, Fields.NAME);
        QueuePauseAction request = actions.pause(queue, command, paused);
        if (feed.snapshot().queues().stream().noneMatch(q -> q.name().equals(queue))) {
            throw new NotFoundException("No queue " + queue);
        }
        return Mono.fromFuture(() -> asterisk.send(request)).then();
    }
}
