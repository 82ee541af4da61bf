package io.amiboot.action;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Shortcuts that act on existing channels: hang up, move, transfer, park, bridge, read and set variables,
 * record. Each future completes with Asterisk's answer; a refusal (e.g. no such channel) fails it with
 * {@link io.amiboot.client.AmiActionException}.
 */
public sealed interface ChannelActions extends ActionShortcuts permits AmiActionSender {

    /**
     * Sends {@code Hangup} with Asterisk's default cause.
     *
     * @param channel a channel name or a {@code /regex/}
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> hangup(String channel) {
        return client().send(new HangupAction(channel).action());
    }

    /**
     * Sends {@code Hangup} with a cause code.
     *
     * @param channel a channel name or a {@code /regex/}
     * @param cause the Q.850 cause code (16 normal clearing, 17 busy, 21 rejected)
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> hangup(String channel, int cause) {
        return client().send(new HangupAction(channel).cause(Integer.toString(cause)).action());
    }

    /**
     * Hangs up a call: a {@code Hangup} of each of its channels in turn, counting a channel Asterisk no longer knows
     * as gone (hanging up one half of a Local pair or one party of a bridge ends the others first); see
     * {@link CallHangup}.
     *
     * @param channels the call's channel names
     * @param cause the Q.850 cause code (16 normal clearing)
     * @return a future of which channels were hung up and which were already gone; it fails only on another refusal,
     *     a timeout or a lost connection
     */
    default CompletableFuture<CallHangup.Outcome> hangupCall(List<String> channels, int cause) {
        return CallHangup.hangUp(client()::send, channels, cause);
    }

    /**
     * Sends {@code Redirect}: moves a channel to another place in the dialplan.
     *
     * @param channel the channel to move
     * @param target where it goes
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> redirect(String channel, DialplanLocation target) {
        return client().send(RedirectRequests.of(channel, target).action());
    }

    /**
     * Sends {@code Redirect} of two channels at once (e.g. both parties of a bridged call), each to its own place.
     *
     * @param channel the first channel
     * @param target where the first channel goes
     * @param extraChannel the second channel
     * @param extraTarget where the second channel goes
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> redirect(String channel, DialplanLocation target, String extraChannel,
            DialplanLocation extraTarget) {
        return client().send(RedirectRequests.of(channel, target, extraChannel, extraTarget).action());
    }

    /**
     * Sends {@code Atxfer}: starts an attended transfer of {@code channel}'s peer; needs the {@code atxfer} feature
     * code in features.conf.
     *
     * @param channel the channel whose peer is transferred
     * @param context the dialplan context of the transfer target
     * @param exten the extension of the transfer target
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> atxfer(String channel, String context, String exten) {
        return client().send(new AtxferAction(channel, exten).context(context).action());
    }

    /**
     * Sends {@code BlindTransfer}: transfers {@code channel}'s peer to {@code exten@context}.
     *
     * @param channel the channel whose peer is transferred
     * @param context the dialplan context of the transfer target
     * @param exten the extension of the transfer target
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> blindTransfer(String channel, String context, String exten) {
        return client().send(AmiAction.builder("BlindTransfer").header("Channel", channel).header("Context", context)
                .header("Exten", exten).build());
    }

    /**
     * Sends {@code Park} of a channel to the default parking lot, with Asterisk's default timeout.
     *
     * @param channel the channel to park
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> park(String channel) {
        return park(channel, null, null, null);
    }

    /**
     * Sends {@code Park}. Every argument but {@code channel} may be null for Asterisk's default.
     *
     * @param channel the channel to park
     * @param timeoutChannel the channel the call returns to when the parking times out
     * @param timeout how long the call stays parked (sent in milliseconds)
     * @param parkingLot the parking lot's name
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> park(String channel, String timeoutChannel, Duration timeout, String parkingLot) {
        return client().send(AmiAction.builder("Park").header("Channel", channel)
                .headerIfPresent("TimeoutChannel", timeoutChannel)
                .headerIfPresent("Timeout", timeout == null ? null : timeout.toMillis())
                .headerIfPresent("Parkinglot", parkingLot).build());
    }

    /**
     * Sends {@code Bridge}: bridges two existing channels.
     *
     * @param channel1 the first channel
     * @param channel2 the second channel
     * @param tone whether the second channel hears a courtesy tone first
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> bridge(String channel1, String channel2, boolean tone) {
        return client().send(AmiAction.builder("Bridge").header("Channel1", channel1).header("Channel2", channel2)
                .header("Tone", tone ? "Channel2" : "no").build());
    }

    /**
     * Sends {@code Getvar}: reads a channel variable or dialplan function.
     *
     * @param channel the channel, or null for a global variable
     * @param variable the variable's name, or a function such as {@code CALLERID(num)}
     * @return a future of the value, or of null when it is unset
     */
    default CompletableFuture<String> getvar(String channel, String variable) {
        return client().send(AmiAction.builder("Getvar").headerIfPresent("Channel", channel).header("Variable", variable)
                .build()).thenApply(response -> response.get("Value"));
    }

    /**
     * Sends {@code Setvar}: sets a channel variable.
     *
     * @param channel the channel, or null for a global variable
     * @param variable the variable's name
     * @param value the new value
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> setvar(String channel, String variable, String value) {
        return client().send(AmiAction.builder("Setvar").headerIfPresent("Channel", channel).header("Variable", variable)
                .header("Value", value).build());
    }

    /**
     * Sends {@code MixMonitor}: records a channel.
     *
     * @param channel the channel to record
     * @param file the recording's file, relative to Asterisk's monitor directory
     * @param options MixMonitor's options (e.g. {@code b}), or null
     * @return a future of Asterisk's answer; its {@code MixMonitorID} header names the recording
     */
    default CompletableFuture<AmiResponse> mixMonitor(String channel, String file, String options) {
        return client().send(new MixMonitorAction(channel).file(Objects.requireNonNull(file, "file")).options(options).action());
    }

    /**
     * Sends {@code StopMixMonitor} of every recording of a channel.
     *
     * @param channel the recorded channel
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> stopMixMonitor(String channel) {
        return stopMixMonitor(channel, null);
    }

    /**
     * Sends {@code StopMixMonitor}.
     *
     * @param channel the recorded channel
     * @param mixMonitorId the recording to stop (its {@code MixMonitorID}), or null for all of the channel's
     * @return a future of Asterisk's answer
     */
    default CompletableFuture<AmiResponse> stopMixMonitor(String channel, String mixMonitorId) {
        return client().send(new StopMixMonitorAction(channel).mixMonitorID(mixMonitorId).action());
    }
}
