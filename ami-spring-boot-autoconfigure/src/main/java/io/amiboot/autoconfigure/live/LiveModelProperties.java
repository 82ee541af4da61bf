package io.amiboot.autoconfigure.live;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the live call model ({@code ami.live-model.*}). */
@ConfigurationProperties("ami.live-model")
public class LiveModelProperties {

    /** Whether to keep a live model of calls, queues and endpoints of the Asterisk at ami.url. */
    private boolean enabled;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
