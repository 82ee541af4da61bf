package io.amiboot.dashboard.api;

/**
 * Asterisk queued the originate; the call shows up in the live model once it starts.
 *
 * @param channel the channel being originated
 * @param context the context it is connected to
 * @param exten the extension it is connected to
 */
public record OriginateAccepted(String channel, String context, String exten) {
}
