package io.amiboot.action;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiResponse;
import io.amiboot.event.TypedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Typed shortcuts for the common AMI actions of one {@link AmiClient}, grouped by job into the interfaces it
 * implements ({@link ServerActions}, {@link SessionActions}, {@link ChannelActions}, {@link OriginateActions},
 * {@link QueueActions}, {@link ListQueries}); {@link #action(String, Map)} sends any other action. Thread-safe,
 * as the client is.
 *
 * <p>Every method sends at once and returns a future that completes on the client's callback executor, never on
 * the Netty event loop, so it may be joined anywhere, also in an event listener. Futures fail with
 * {@link io.amiboot.client.AmiActionException} when Asterisk answers {@code Response: Error} (the error
 * response is kept), {@link io.amiboot.client.AmiConnectionException} while disconnected (actions are not
 * queued), and {@link io.amiboot.client.AmiTimeoutException} after the action timeout. For a {@link Mono}, wrap
 * any call with {@link #mono(Function)}: {@code sender.mono(AmiActionSender::coreStatus)}.
 *
 * <p>Methods returning {@code List<AmiEvent>} send list actions and complete with the list's entries once the
 * whole list has arrived.
 */
public final class AmiActionSender
        implements ServerActions, SessionActions, ChannelActions, OriginateActions, QueueActions, ListQueries {

    private final AmiClient client;

    /**
     * A sender of actions on {@code client}; it holds no resources of its own, so any number may share a client.
     *
     * @param client the client to send through; not null
     */
    public AmiActionSender(AmiClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public AmiClient client() {
        return client;
    }

    /** {@return the name of the client's server, as in its options} */
    public String server() {
        return client.options().name();
    }

    /**
     * Sends any action, e.g. {@code action("ModuleCheck", Map.of("Module", "app_queue"))}.
     *
     * @param name the action's name
     * @param headers its headers, written in the map's iteration order; not null
     * @return a future of Asterisk's answer
     */
    public CompletableFuture<AmiResponse> action(String name, Map<String, String> headers) {
        return client.send(AmiAction.of(name, headers));
    }

    /**
     * Sends an action without headers.
     *
     * @param name the action's name
     * @return a future of Asterisk's answer
     */
    public CompletableFuture<AmiResponse> action(String name) {
        return client.send(AmiAction.of(name));
    }

    /**
     * Sends a prepared action (use {@link AmiAction#builder(String)} for repeated headers).
     *
     * @param action the action
     * @return a future of Asterisk's answer
     */
    public CompletableFuture<AmiResponse> send(AmiAction action) {
        return client.send(action);
    }

    /**
     * Sends a typed request, e.g. {@code send(new HangupRequest(channel, 16))}.
     *
     * @param request the request, whose {@link ActionRequest#action()} is put on the wire
     * @return a future of Asterisk's answer
     */
    public CompletableFuture<AmiResponse> send(ActionRequest request) {
        return client.send(request.action());
    }

    /**
     * Sends a list action of the catalogue (e.g. {@link CoreShowChannelsAction}) and completes with its entries as
     * their typed events, once Asterisk sent the list's {@code Complete} event.
     *
     * @param <E> the type of the entries
     * @param request the action
     * @return the entries in the order received; fails as {@link #send(ActionRequest)} fails
     */
    public <E extends TypedEvent> CompletableFuture<List<E>> list(ListActionRequest<E> request) {
        return client.send(request.action()).thenApply(response -> request.entries(response, server()));
    }

    /**
     * Sends a prepared action that waits for its answer longer or shorter than the client's action timeout.
     *
     * @param action the action
     * @param timeout how long to wait for the complete answer; positive
     * @return a future of Asterisk's answer
     */
    public CompletableFuture<AmiResponse> send(AmiAction action, Duration timeout) {
        return client.send(action, timeout);
    }

    /**
     * Any call of this sender as a {@link Mono} that sends when subscribed, again on each subscription:
     * {@code sender.mono(s -> s.hangup(channel))}.
     *
     * @param <T> what the call's future completes with
     * @param call the call to make on this sender
     * @return a Mono of the call's result, failing as its future fails
     */
    public <T> Mono<T> mono(Function<AmiActionSender, CompletableFuture<T>> call) {
        return Mono.fromFuture(() -> call.apply(this));
    }

    @Override
    public String toString() {
        return "AmiActionSender[" + server() + "]";
    }
}
