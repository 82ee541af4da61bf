package io.amiboot.client;

/**
 * Receives every AMI event in wire order, on the client's event thread (never a Netty event-loop thread).
 * A listener may block or call {@code send(...).join()}; events wait in the bounded buffer meanwhile.
 */
@FunctionalInterface
public interface AmiEventListener {

    /**
     * Handles one event; a runtime exception it throws is logged and the next event still comes.
     *
     * @param event the event, never null
     */
    void onEvent(AmiEvent event);
}
