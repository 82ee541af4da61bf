package io.amiboot.action;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiResponse;
import io.amiboot.client.AmiTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Shortcuts that place calls with {@code Originate}, and optionally wait for the call's outcome. */
public sealed interface OriginateActions extends ActionShortcuts permits AmiActionSender {

    /**
     * Sends {@code Originate}. With {@code Async} (the request's default) Asterisk's answer only says the call is
     * being placed; its outcome follows in an {@code OriginateResponse} event (see
     * {@link #originateAndAwait(OriginateRequest)}). A synchronous request waits up to its ring timeout (30 s
     * when it sets none) plus the client's action timeout.
     *
     * @param request the call to place
     * @return a future of Asterisk's answer to the action
     */
    default CompletableFuture<AmiResponse> originate(OriginateRequest request) {
        if (request.async()) {
            return client().send(request.action());
        }
        return client().send(request.action(), longestWait(request, client()));
    }

    /**
     * Sends an asynchronous {@code Originate} and waits for its {@code OriginateResponse} event (matched by
     * {@code ActionID}), up to the ring timeout (30 s when the request sets none) plus the client's action timeout.
     *
     * @param request the call to place; must be asynchronous
     * @return a future of the call's outcome, answered or failed; it fails with
     *         {@link AmiTimeoutException} when no {@code OriginateResponse} came in time
     * @throws IllegalArgumentException for a request with {@code async(false)}
     */
    default CompletableFuture<OriginateResult> originateAndAwait(OriginateRequest request) {
        if (!request.async()) {
            throw new IllegalArgumentException("originateAndAwait needs an asynchronous Originate; use originate() for async(false)");
        }
        AmiClient client = client();
        Duration wait = longestWait(request, client);
        CompletableFuture<String> actionId = new CompletableFuture<>();
        CompletableFuture<AmiEvent> outcome = new CompletableFuture<>();
        Map<String, AmiEvent> seen = new ConcurrentHashMap<>();
        // Registered before sending: the event may overtake the callback that learns the ActionID.
        AmiClient.Registration registration = client.addEventListener(event -> {
            if (event.is("OriginateResponse") && event.actionId() != null) {
                seen.put(event.actionId(), event);
                String id = actionId.getNow(null);
                if (id != null && id.equals(event.actionId())) {
                    outcome.complete(event);
                }
            }
        });
        client.send(request.action()).whenComplete((response, failure) -> {
            if (failure != null) {
                outcome.completeExceptionally(failure);
                return;
            }
            actionId.complete(response.actionId());
            AmiEvent early = seen.get(response.actionId());
            if (early != null) {
                outcome.complete(early);
            }
        });
        outcome.orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).whenComplete((event, failure) -> registration.close());
        return outcome.handle((event, failure) -> {
            if (failure instanceof TimeoutException) {
                throw new AmiTimeoutException("Originate (OriginateResponse)", actionId.getNow("?"), wait);
            }
            if (failure != null) {
                throw failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
            }
            return OriginateResult.from(event);
        });
    }

    /** How long an {@code Originate} may take: the ring timeout (Asterisk's 30 s when unset), then the action timeout. */
    private static Duration longestWait(OriginateRequest request, AmiClient client) {
        Duration ring = request.timeout() != null ? request.timeout() : Duration.ofSeconds(30);
        return ring.plus(client.options().actionTimeout());
    }
}
