package io.amiboot.dashboard.api;

/**
 * A request to pause or unpause a queue member.
 *
 * @param member the member's interface, e.g. {@code Local/100@test/n}
 * @param reason why, optional
 */
public record PauseCommand(String member, String reason) {
}
