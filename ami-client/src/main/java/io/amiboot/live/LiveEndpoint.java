package io.amiboot.live;

/**
 * A PJSIP endpoint and its presence.
 *
 * @param name the endpoint name, e.g. {@code 1001}
 * @param device its device, e.g. {@code PJSIP/1001}
 * @param state its device state
 * @param contactStatus the last contact status ({@code Reachable}, {@code Unreachable}, ...), or empty
 */
public record LiveEndpoint(String name, String device, DeviceState state, String contactStatus) {
}
