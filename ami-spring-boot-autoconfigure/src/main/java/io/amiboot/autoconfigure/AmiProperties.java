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

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Map<String, AmiServerProperties> getServers() {
        return servers;
    }

    public Startup getStartup() {
        return startup;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    /** How the application context starts the clients. */
    public static class Startup {

        /** Whether application startup waits for every client's first login, and fails if one does not log in in time. */
        private boolean wait;

        /** How long application startup waits for the first logins when ami.startup.wait is on. */
        private Duration timeout = Duration.ofSeconds(30);

        public boolean isWait() {
            return wait;
        }

        public void setWait(boolean wait) {
            this.wait = wait;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** Micrometer metrics of the clients. */
    public static class Metrics {

        /** How many distinct event or action names each server's metrics tag; the rest are tagged "other". */
        private int maxTagValues = 100;

        public int getMaxTagValues() {
            return maxTagValues;
        }

        public void setMaxTagValues(int maxTagValues) {
            this.maxTagValues = maxTagValues;
        }
    }
}
