package io.amiboot.dashboard.api;

/**
 * A supervisor's request to listen to, whisper to or barge into a channel of a call (ChanSpy).
 *
 * @param from the supervisor's endpoint ({@code 1003}) or an extension in an allowed context, rung first
 * @param mode {@code listen} (default), {@code whisper} (the spied channel hears the supervisor) or {@code barge}
 *        (both parties hear the supervisor)
 * @param channel the channel to spy on (name or unique ID); the call's first channel when absent
 */
public record SpyCommand(String from, String mode, String channel) {
}
