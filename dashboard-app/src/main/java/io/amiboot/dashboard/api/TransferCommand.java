package io.amiboot.dashboard.api;

/**
 * A request to transfer a channel of a call.
 *
 * @param mode {@code blind} (Redirect) or {@code attended} (Atxfer)
 * @param channel the channel to transfer (name or unique ID); the call's first channel when absent
 * @param to the extension to transfer to
 * @param context its allowed dialplan context; the first allowed context when absent
 */
public record TransferCommand(String mode, String channel, String to, String context) {
}
