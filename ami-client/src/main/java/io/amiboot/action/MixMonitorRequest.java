package io.amiboot.action;

import io.amiboot.client.AmiAction;
import java.util.Objects;

/**
 * A {@code MixMonitor}: records a channel; the response's {@code MixMonitorID} names the recording.
 *
 * @param channel the channel to record
 * @param file the file, relative to Asterisk's monitor directory unless absolute
 * @param options MixMonitor options (e.g. {@code b}), or {@code null}
 */
public record MixMonitorRequest(String channel, String file, String options) implements ActionRequest {

    /**
     * Checks that the channel and file are given.
     *
     * @param channel not null
     * @param file not null
     * @param options may be null
     * @throws NullPointerException naming a required part that is null
     */    public MixMonitorRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(file, "file");
    }

    @Override
    public AmiAction action() {
        return AmiAction.builder("MixMonitor").header("Channel", channel).header("File", file)
                .headerIfPresent("Options", options).build();
    }
}
