package io.amiboot.dashboard.api;

/**
 * A request to park a call; every field is optional.
 *
 * @param channel the channel to park (name or unique ID); when absent, the call's oldest channel in a two-party
 *     bridge (the caller's side of a bridged call), else its first channel
 * @param lot the parking lot; Asterisk's default lot when absent
 * @param timeoutSeconds how long it may stay parked before it rings the parker back, 1 to 3600; the lot's own
 *     timeout when absent
 */
public record ParkCommand(String channel, String lot, Integer timeoutSeconds) {
}
