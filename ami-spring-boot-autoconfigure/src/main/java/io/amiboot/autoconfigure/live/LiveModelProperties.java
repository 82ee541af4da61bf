package io.amiboot.autoconfigure.live;

import io.amiboot.live.LiveModelLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings of the live call model ({@code ami.live-model.*}); the defaults are {@link LiveModelLimits#DEFAULTS}. */
@ConfigurationProperties("ami.live-model")
public class LiveModelProperties {

    /** Whether to keep a live model of calls, queues and endpoints of the Asterisk at ami.url. */
    private boolean enabled;

    /** Least time between two rebuilds (after dropped events), first retry delay, and drop-warning interval. */
    private Duration rebuildInterval = LiveModelLimits.DEFAULTS.rebuildInterval();

    /** Longest wait before retrying a failed rebuild; the wait doubles from rebuild-interval per failure. */
    private Duration rebuildRetryMaxDelay = LiveModelLimits.DEFAULTS.retryMaxDelay();

    /** Events held back during a rebuild beyond which the rebuild starts over. */
    private int maxHeldEvents = LiveModelLimits.DEFAULTS.maxHeldEvents();

    /** Size of the events held back during a rebuild beyond which the rebuild starts over. */
    private DataSize maxHeldSize = DataSize.ofBytes(LiveModelLimits.DEFAULTS.maxHeldBytes());

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getRebuildInterval() {
        return rebuildInterval;
    }

    public void setRebuildInterval(Duration rebuildInterval) {
        this.rebuildInterval = rebuildInterval;
    }

    public Duration getRebuildRetryMaxDelay() {
        return rebuildRetryMaxDelay;
    }

    public void setRebuildRetryMaxDelay(Duration rebuildRetryMaxDelay) {
        this.rebuildRetryMaxDelay = rebuildRetryMaxDelay;
    }

    public int getMaxHeldEvents() {
        return maxHeldEvents;
    }

    public void setMaxHeldEvents(int maxHeldEvents) {
        this.maxHeldEvents = maxHeldEvents;
    }

    public DataSize getMaxHeldSize() {
        return maxHeldSize;
    }

    public void setMaxHeldSize(DataSize maxHeldSize) {
        this.maxHeldSize = maxHeldSize;
    }

    /** These settings as the model's limits. */
    LiveModelLimits toLimits() {
        return new LiveModelLimits(rebuildInterval, rebuildRetryMaxDelay, maxHeldEvents, maxHeldSize.toBytes());
    }
}
