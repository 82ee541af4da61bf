package io.amiboot.dashboard.api;

/**
 * A request to pick up a parked call.
 *
 * @param from who picks it up: an endpoint ({@code 1001}, rung first) or an extension in an allowed context
 *     ({@code 100@test})
 * @param lot the parking lot the call is parked in; needed only when the same space is taken in several lots
 * @param context the allowed dialplan context the space is dialled in (it must include the lot's context,
 *     {@code parkedcalls} by default); the first allowed context when absent
 */
public record PickupCommand(String from, String lot, String context) {
}
