package io.amiboot.dashboard.api;

import io.amiboot.action.OriginateRequest;
import io.amiboot.client.AmiAction;

/**
 * Asterisk queued the originate; the call shows up in the live model once it starts.
 *
 * @param channel the channel being originated
 * @param context the context it is connected to
 * @param exten the extension it is connected to
 */
public record OriginateAccepted(String channel, String context, String exten) {

    /**
     * {@return what an originate says it rings and connects to}
     *
     * @param request the originate that Asterisk accepted
     */
    static OriginateAccepted of(OriginateRequest request) {
        AmiAction originate = request.action();
        return new OriginateAccepted(originate.get("Channel"), originate.get("Context"), originate.get("Exten"));
    }
}
