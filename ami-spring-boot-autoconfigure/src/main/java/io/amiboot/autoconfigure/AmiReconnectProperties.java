package io.amiboot.autoconfigure;

import java.time.Duration;

/**
 * Reconnecting after a lost connection or a failed attempt, exponential backoff with jitter
 * ({@code ami.reconnect.*}, {@code ami.servers.<name>.reconnect.*}).
 */
public class AmiReconnectProperties {

    /** Whether to reconnect after a lost connection or a failed attempt. */
    private Boolean enabled;

    /** Delay before the first reconnect attempt. */
    private Duration initialDelay;

    /** Longest delay between two reconnect attempts. */
    private Duration maxDelay;

    /** Factor applied to the delay after each failed attempt (at least 1). */
    private Double multiplier;

    /** Random spread of each delay, as a fraction between 0 and 1 (0.2 means ±20%). */
    private Double jitter;

    /** How long a connection must stay logged in before the delays start over from the initial delay. */
    private Duration resetAfter;

    /** Reconnect settings with every value unset (inherited). */
    public AmiReconnectProperties() {
    }

    /** {@return whether to reconnect, or {@code null} when unset here} */
    public Boolean getEnabled() {
        return enabled;
    }

    /**
     * Sets {@code reconnect.enabled}.
     *
     * @param enabled whether to reconnect, or {@code null} to inherit it
     */
    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /** {@return the delay before the first reconnect attempt, or {@code null} when unset here} */
    public Duration getInitialDelay() {
        return initialDelay;
    }

    /**
     * Sets {@code reconnect.initial-delay}.
     *
     * @param initialDelay the delay before the first attempt, or {@code null} to inherit it
     */
    public void setInitialDelay(Duration initialDelay) {
        this.initialDelay = initialDelay;
    }

    /** {@return the longest delay between two attempts, or {@code null} when unset here} */
    public Duration getMaxDelay() {
        return maxDelay;
    }

    /**
     * Sets {@code reconnect.max-delay}.
     *
     * @param maxDelay the longest delay between two attempts, or {@code null} to inherit it
     */
    public void setMaxDelay(Duration maxDelay) {
        this.maxDelay = maxDelay;
    }

    /** {@return the growth factor of the delay per failed attempt, or {@code null} when unset here} */
    public Double getMultiplier() {
        return multiplier;
    }

    /**
     * Sets {@code reconnect.multiplier}.
     *
     * @param multiplier the growth factor of the delay, at least 1, or {@code null} to inherit it
     */
    public void setMultiplier(Double multiplier) {
        this.multiplier = multiplier;
    }

    /** {@return the random spread of each delay (0 to 1), or {@code null} when unset here} */
    public Double getJitter() {
        return jitter;
    }

    /**
     * Sets {@code reconnect.jitter}.
     *
     * @param jitter the random spread of each delay, 0 to 1, or {@code null} to inherit it
     */
    public void setJitter(Double jitter) {
        this.jitter = jitter;
    }

    /** {@return how long a login must last to reset the delays, or {@code null} when unset here} */
    public Duration getResetAfter() {
        return resetAfter;
    }

    /**
     * Sets {@code reconnect.reset-after}.
     *
     * @param resetAfter how long a login must last to reset the delays, or {@code null} to inherit it
     */
    public void setResetAfter(Duration resetAfter) {
        this.resetAfter = resetAfter;
    }
}
