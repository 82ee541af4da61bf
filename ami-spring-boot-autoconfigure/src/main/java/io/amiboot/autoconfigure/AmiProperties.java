package io.amiboot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the AMI clients ({@code ami.*}).
 *
 * <p>One server: {@code ami.url} (or {@code ami.host}, {@code ami.port}, {@code ami.username},
 * {@code ami.secret}); its client is named {@value #DEFAULT_SERVER}. Several servers:
 * {@code ami.servers.<name>.*}, each with the same settings as {@code ami.*}; settings a server leaves unset
 * are taken from {@code ami.*}.
 */
@ConfigurationProperties("ami")
public class AmiProperties extends AmiServerProperties {

    /** The name of the server configured directly under {@code ami.*}. */
    public static final String DEFAULT_SERVER = "default";

    /** Whether to auto-configure AMI clients. */
    private boolean enabled = true;

    /** Further Asterisk servers by name, each with the same settings as ami.* (unset ones inherited from ami.*). */
    private final Map<String, AmiServerProperties> servers = new LinkedHashMap<>();

    private final Startup startup = new Startup();

    private final Metrics metrics = new Metrics();

    /** Enabled, with no server configured yet and the startup and metrics defaults. */
    public AmiProperties() {
    }

    /** {@return whether AMI clients are auto-configured; {@code true} by default} */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets {@code ami.enabled}.
     *
     * @param enabled {@code false} to configure no AMI client
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@return the further servers by name, in configuration order; modifiable, never {@code null}} */
    public Map<String, AmiServerProperties> getServers() {
        return servers;
    }

    /** {@return the startup settings ({@code ami.startup.*}), never {@code null}} */
    public Startup getStartup() {
        return startup;
    }

    /** {@return the metrics settings ({@code ami.metrics.*}), never {@code null}} */
    public Metrics getMetrics() {
        return metrics;
    }

    /** How the application context starts the clients. */
    public static class Startup {

        /** Whether application startup waits for every client's first login, and fails if one does not log in in time. */
        private boolean wait;

        /** How long application startup waits for the first logins when ami.startup.wait is on. */
        private Duration timeout = Duration.ofSeconds(30);

        /** Startup that does not wait (the timeout, 30 seconds, applies once {@code wait} is on). */
        public Startup() {
        }

        /** {@return whether startup waits for every client's first login; {@code false} by default} */
        public boolean isWait() {
            return wait;
        }

        /**
         * Sets {@code ami.startup.wait}.
         *
         * @param wait {@code true} to wait for every first login and fail startup without one
         */
        public void setWait(boolean wait) {
            this.wait = wait;
        }

        /** {@return how long startup waits for the first logins; 30 seconds by default} */
        public Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets {@code ami.startup.timeout}.
         *
         * @param timeout how long startup waits for the first logins
         */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** Micrometer metrics of the clients. */
    public static class Metrics {

        /** How many distinct event or action names each server's metrics tag; the rest are tagged "other". */
        private int maxTagValues = 100;

        /** Metrics tagging up to 100 distinct event names and 100 action names per server. */
        public Metrics() {
        }

        /** {@return how many distinct event or action names are tagged per server; 100 by default} */
        public int getMaxTagValues() {
            return maxTagValues;
        }

        /**
         * Sets {@code ami.metrics.max-tag-values}.
         *
         * @param maxTagValues how many distinct names are tagged before the rest are tagged "other"
         */
        public void setMaxTagValues(int maxTagValues) {
            this.maxTagValues = maxTagValues;
        }
    }
}
