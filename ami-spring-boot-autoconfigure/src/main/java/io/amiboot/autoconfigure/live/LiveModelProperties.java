package io.amiboot.autoconfigure.live;

import io.amiboot.live.KpiWindow;
import io.amiboot.live.LiveModelLimits;
import io.amiboot.live.QueueKpiSettings;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings of the live call model ({@code ami.live-model.*}); the defaults are {@link LiveModelLimits#DEFAULTS}. */
@ConfigurationProperties("ami.live-model")
public class LiveModelProperties {

    /** Whether to keep a live model of calls, queues and endpoints of each configured Asterisk server. */
    private boolean enabled;

    /** Names of the servers (ami.servers.* keys, or default for ami.*) to keep a live model of; empty for every server. */
    private List<String> servers = new ArrayList<>();

    /** Least time between two rebuilds (after dropped events), first retry delay, and drop-warning interval. */
    private Duration rebuildInterval = LiveModelLimits.DEFAULTS.rebuildInterval();

    /** Longest wait before retrying a failed rebuild; the wait doubles from rebuild-interval per failure. */
    private Duration rebuildRetryMaxDelay = LiveModelLimits.DEFAULTS.retryMaxDelay();

    /** Events held back during a rebuild beyond which the rebuild starts over. */
    private int maxHeldEvents = LiveModelLimits.DEFAULTS.maxHeldEvents();

    /** Size of the events held back during a rebuild beyond which the rebuild starts over. */
    private DataSize maxHeldSize = DataSize.ofBytes(LiveModelLimits.DEFAULTS.maxHeldBytes());

    /** Longest wait of an answered queue caller that still counts for the queue's service level. */
    private Duration serviceLevelThreshold = QueueKpiSettings.DEFAULTS.serviceLevelThreshold();

    /** Time of day at which the queue figures (offered, answered, abandoned, waits) start again from zero. */
    private LocalTime kpiResetAt = LocalTime.MIDNIGHT;

    /** Time zone of kpi-reset-at; the system's when unset. */
    private ZoneId kpiZone;

    /** Off, with the limits of {@link LiveModelLimits#DEFAULTS}. */
    public LiveModelProperties() {
    }

    /** {@return whether the live model is kept; {@code false} by default} */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets {@code ami.live-model.enabled}.
     *
     * @param enabled {@code true} to keep a live model of each configured Asterisk server
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@return the servers to keep a model of; empty (the default) for every configured server} */
    public List<String> getServers() {
        return servers;
    }

    /**
     * Sets {@code ami.live-model.servers}.
     *
     * @param servers server names, each a configured AMI server; empty for all
     */
    public void setServers(List<String> servers) {
        this.servers = servers;
    }

    /** {@return the least time between two rebuilds, also the first retry delay} */
    public Duration getRebuildInterval() {
        return rebuildInterval;
    }

    /**
     * Sets {@code ami.live-model.rebuild-interval}.
     *
     * @param rebuildInterval the least time between two rebuilds, positive
     */
    public void setRebuildInterval(Duration rebuildInterval) {
        this.rebuildInterval = rebuildInterval;
    }

    /** {@return the longest wait before retrying a failed rebuild} */
    public Duration getRebuildRetryMaxDelay() {
        return rebuildRetryMaxDelay;
    }

    /**
     * Sets {@code ami.live-model.rebuild-retry-max-delay}.
     *
     * @param rebuildRetryMaxDelay the longest wait before retrying a failed rebuild, at least the rebuild interval
     */
    public void setRebuildRetryMaxDelay(Duration rebuildRetryMaxDelay) {
        this.rebuildRetryMaxDelay = rebuildRetryMaxDelay;
    }

    /** {@return how many events held back during a rebuild make it start over} */
    public int getMaxHeldEvents() {
        return maxHeldEvents;
    }

    /**
     * Sets {@code ami.live-model.max-held-events}.
     *
     * @param maxHeldEvents how many held-back events make a rebuild start over, at least 1
     */
    public void setMaxHeldEvents(int maxHeldEvents) {
        this.maxHeldEvents = maxHeldEvents;
    }

    /** {@return the size of the held-back events that makes a rebuild start over} */
    public DataSize getMaxHeldSize() {
        return maxHeldSize;
    }

    /**
     * Sets {@code ami.live-model.max-held-size}.
     *
     * @param maxHeldSize the size of the held-back events that makes a rebuild start over, at least 1 byte
     */
    public void setMaxHeldSize(DataSize maxHeldSize) {
        this.maxHeldSize = maxHeldSize;
    }

    /** {@return the service level threshold of the queue figures} */
    public Duration getServiceLevelThreshold() {
        return serviceLevelThreshold;
    }

    /**
     * Sets {@code ami.live-model.service-level-threshold}.
     *
     * @param serviceLevelThreshold positive
     */
    public void setServiceLevelThreshold(Duration serviceLevelThreshold) {
        this.serviceLevelThreshold = serviceLevelThreshold;
    }

    /** {@return the time of day the queue figures start again} */
    public LocalTime getKpiResetAt() {
        return kpiResetAt;
    }

    /**
     * Sets {@code ami.live-model.kpi-reset-at}.
     *
     * @param kpiResetAt a time of day, e.g. {@code 06:00}
     */
    public void setKpiResetAt(LocalTime kpiResetAt) {
        this.kpiResetAt = kpiResetAt;
    }

    /** {@return the time zone of the reset, or null for the system's} */
    public ZoneId getKpiZone() {
        return kpiZone;
    }

    /**
     * Sets {@code ami.live-model.kpi-zone}.
     *
     * @param kpiZone a zone such as {@code Europe/Paris}, or null for the system's
     */
    public void setKpiZone(ZoneId kpiZone) {
        this.kpiZone = kpiZone;
    }

    /** These settings as the model's queue figure settings. */
    QueueKpiSettings toKpiSettings() {
        return new QueueKpiSettings(serviceLevelThreshold,
                new KpiWindow(kpiResetAt, kpiZone != null ? kpiZone : ZoneId.systemDefault()));
    }

    /** These settings as the model's limits. */
    LiveModelLimits toLimits() {
        return new LiveModelLimits(rebuildInterval, rebuildRetryMaxDelay, maxHeldEvents, maxHeldSize.toBytes());
    }
}
