package io.amiboot.action;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Shortcuts that change this AMI session. What they set lasts until the next reconnect, which logs in with the
 * client's options again.
 */
public sealed interface SessionActions extends ActionShortcuts permits AmiActionSender {

    /**
     * Sends {@code Events}: changes this session's event mask until the next reconnect.
     *
     * @param mask {@code on}, {@code off}, or event classes such as {@code call,agent}
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> events(String mask) {
        return client().send(AmiAction.builder("Events").header("EventMask", mask).build());
    }

    /**
     * Sends {@code Filter}: adds an event filter to this session until the next reconnect; the AMI user needs the
     * {@code system} write permission.
     *
     * @param filter e.g. {@code Event: Hangup} (only matching events) or {@code !Event: VarSet} (all but those)
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> filter(String filter) {
        return client().send(AmiAction.builder("Filter").header("Operation", "Add").header("Filter", filter).build());
    }

    /**
     * Sends {@code UserEvent}: Asterisk sends a {@code UserEvent} event to every session.
     *
     * @param name the event's {@code UserEvent} header
     * @param headers further headers of the event, in the map's order; not null
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> userEvent(String name, Map<String, String> headers) {
        AmiAction.Builder action = AmiAction.builder("UserEvent").header("UserEvent", name);
        headers.forEach(action::header);
        return client().send(action.build());
    }

    /**
     * Sends {@code Logoff}: ends the session, after which the client closes for good (it does not reconnect).
     *
     * @return a future of Asterisk's {@code Goodbye}
     */
    default CompletableFuture<AmiResponse> logoff() {
        return client().send(AmiAction.of("Logoff"));
    }
}
