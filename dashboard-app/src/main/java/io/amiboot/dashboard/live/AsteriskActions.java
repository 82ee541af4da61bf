package io.amiboot.dashboard.live;

import io.amiboot.action.ActionRequest;
import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Sends actions to one of the dashboard's Asterisk servers. Typed requests from the library's action layer go out as the
 * {@link io.amiboot.client.AmiAction} they build, through {@link #send(AmiAction)}, so an implementation (the
 * client, or a test's recorder) sees every action exactly as it reaches the wire.
 */
@FunctionalInterface
public interface AsteriskActions {

    /**
     * Sends the action.
     *
     * @param action the action, as it goes on the wire
     * @return Asterisk's response; fails as {@code AmiClient.send} does (error response, timeout, no connection)
     */
    CompletableFuture<AmiResponse> send(AmiAction action);

    /**
     * Sends the action a typed request builds.
     *
     * @param request the typed request
     * @return Asterisk's response, failing as {@link #send(AmiAction)} does
     */
    default CompletableFuture<AmiResponse> send(ActionRequest request) {
        return send(request.action());
    }
}
