package io.amiboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.live.LiveModelLimits;
import io.amiboot.client.AmiClientOptions;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generated property metadata (IDE completion) documents every property, with the client's real defaults. */
class ConfigurationMetadataTest {

    private static Map<String, JsonNode> properties() throws Exception {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, JsonNode> byName = new HashMap<>();
            root.get("properties").forEach(property -> byName.put(property.get("name").asString(), property));
            return byName;
        }
    }

    @Test
    void everyPropertyHasADescription() throws Exception {
        Map<String, JsonNode> properties = properties();
        assertThat(properties).containsKeys("ami.url", "ami.host", "ami.port", "ami.username", "ami.secret", "ami.enabled",
                "ami.connect-timeout", "ami.action-timeout", "ami.keepalive-interval", "ami.native-transport", "ami.max-unanswered-actions", "ami.reconnect.initial-delay",
                "ami.reconnect.max-delay", "ami.reconnect.multiplier", "ami.reconnect.jitter", "ami.reconnect.reset-after", "ami.events.mask",
                "ami.events.buffer-size", "ami.events.buffer-bytes", "ami.max-list-bytes", "ami.events.overflow-policy", "ami.ssl.bundle", "ami.startup.wait",
                "ami.startup.timeout", "ami.servers");
        properties.forEach((name, property) -> assertThat(property.path("description").asString(""))
                .as("description of %s", name).isNotBlank());
        assertThat(properties.get("ami.connect-timeout").get("type").asString()).isEqualTo("java.time.Duration");
    }

    @Test
    void documentedDefaultsAreTheClientDefaults() throws Exception {
        Map<String, JsonNode> properties = properties();
        AmiClientOptions defaults = AmiClientOptions.builder("ami://a:b@pbx").build();
        assertThat(duration(properties, "ami.connect-timeout")).isEqualTo(defaults.connectTimeout());
        assertThat(duration(properties, "ami.action-timeout")).isEqualTo(defaults.actionTimeout());
        assertThat(duration(properties, "ami.keepalive-interval")).isEqualTo(defaults.keepaliveInterval());
        assertThat(properties.get("ami.native-transport").get("defaultValue").asBoolean()).isEqualTo(defaults.nativeTransport());
        assertThat(properties.get("ami.max-unanswered-actions").get("defaultValue").asInt()).isEqualTo(defaults.maxUnansweredActions());
        assertThat(duration(properties, "ami.reconnect.initial-delay")).isEqualTo(defaults.reconnect().initialDelay());
        assertThat(duration(properties, "ami.reconnect.max-delay")).isEqualTo(defaults.reconnect().maxDelay());
        assertThat(properties.get("ami.reconnect.multiplier").get("defaultValue").asDouble()).isEqualTo(defaults.reconnect().multiplier());
        assertThat(properties.get("ami.reconnect.jitter").get("defaultValue").asDouble()).isEqualTo(defaults.reconnect().jitter());
        assertThat(duration(properties, "ami.reconnect.reset-after")).isEqualTo(defaults.reconnect().resetAfter());
        assertThat(dataSize(properties, "ami.events.buffer-bytes")).isEqualTo(defaults.eventBufferBytes());
        assertThat(dataSize(properties, "ami.max-list-bytes")).isEqualTo(defaults.maxListBytes());
        assertThat(properties.get("ami.reconnect.enabled").get("defaultValue").asBoolean()).isEqualTo(defaults.reconnect().enabled());
        assertThat(properties.get("ami.events.mask").get("defaultValue").asString()).isEqualTo(defaults.eventMask());
        assertThat(properties.get("ami.events.buffer-size").get("defaultValue").asInt()).isEqualTo(defaults.eventBufferSize());
        assertThat(properties.get("ami.events.overflow-policy").get("defaultValue").asString().replace('-', '_'))
                .isEqualToIgnoringCase(defaults.overflowPolicy().name());
        assertThat(properties.get("ami.auth-type").get("defaultValue").asString()).isEqualToIgnoringCase(defaults.authType().name());
    }

    @Test
    void documentedLiveModelDefaultsAreTheModelDefaults() throws Exception {
        Map<String, JsonNode> properties = properties();
        LiveModelLimits defaults = LiveModelLimits.DEFAULTS;
        assertThat(duration(properties, "ami.live-model.rebuild-interval")).isEqualTo(defaults.rebuildInterval());
        assertThat(duration(properties, "ami.live-model.rebuild-retry-max-delay")).isEqualTo(defaults.retryMaxDelay());
        assertThat(properties.get("ami.live-model.max-held-events").get("defaultValue").asInt()).isEqualTo(defaults.maxHeldEvents());
        assertThat(dataSize(properties, "ami.live-model.max-held-size")).isEqualTo(defaults.maxHeldBytes());
        assertThat(properties.get("ami.live-model.max-held-size").path("description").asString("")).isNotBlank();
    }

    private static long dataSize(Map<String, JsonNode> properties, String name) {
        return DataSize.parse(properties.get(name).get("defaultValue").asString()).toBytes();
    }

    private static Duration duration(Map<String, JsonNode> properties, String name) {
        return DurationStyle.detectAndParse(properties.get(name).get("defaultValue").asString());
    }
}
