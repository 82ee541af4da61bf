package io.amiboot.client;

import java.time.Duration;

/**
 * A change of the connection's state, as listeners see it.
 *
 * @param state the new state
 * @param managerVersion the AMI version of the banner ({@code Asterisk Call Manager/11.0.0} gives
 *        {@code 11.0.0}), or {@code null} before the banner
 * @param asteriskVersion the Asterisk version from {@code CoreSettings} once connected, or {@code null}
 * @param cause why the connection went down or the attempt failed, or {@code null}
 * @param attempt the number of the reconnect attempt (1 for the first retry), 0 otherwise
 * @param nextAttemptIn how long until the next attempt while disconnected, or {@code null}
 */
public record AmiConnectionEvent(AmiConnectionState state, String managerVersion, String asteriskVersion,
        Throwable cause, int attempt, Duration nextAttemptIn) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("AmiConnectionEvent[").append(state);
        if (asteriskVersion != null) {
            text.append(", Asterisk ").append(asteriskVersion);
        }
        if (managerVersion != null) {
            text.append(", AMI ").append(managerVersion);
        }
        if (cause != null) {
            text.append(", cause: ").append(cause.getMessage());
        }
        if (nextAttemptIn != null) {
            text.append(", attempt ").append(attempt).append(" in ").append(nextAttemptIn.toMillis()).append(" ms");
        }
        return text.append(']').toString();
    }
}
