package io.amiboot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.autoconfigure.AmiAutoConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

/**
 * AMI secrets in {@code /actuator/env} and {@code /actuator/configprops}. Spring Boot 4 shows no values at all by
 * default; where an application shows them ({@code show-values=always}) Boot masks nothing by itself, so the
 * auto-configured {@link AmiSanitizingFunction} hides {@code ami.*secret}, the user-info secret of {@code ami.*url}
 * and of AMI URLs under any key, and the clients' secrets wherever they turn up.
 */
class AmiSanitizingFunctionTest {

    private static final String URL = "ami://amiboot:s3cr3t@pbx.example.org:5038";

    private static Object sanitize(List<SanitizingFunction> functions, String key, Object value, boolean show) {
        return new Sanitizer(functions).sanitize(new SanitizableData(null, key, value), show);
    }

    @Test
    void bootHidesEveryValueByDefault() {
        assertThat(sanitize(List.of(), "ami.url", URL, false)).isEqualTo("******");
        assertThat(sanitize(List.of(), "ami.secret", "s3cr3t", false)).isEqualTo("******");
    }

    @Test
    void bootAloneShowsSecretsWhenValuesAreShown() {
        // Why the function exists: Boot 4 no longer masks keys by name unless a SanitizingFunction says so.
        assertThat(sanitize(List.of(), "ami.secret", "s3cr3t", true)).isEqualTo("s3cr3t");
    }

    @Test
    void secretsAndUrlUserInfoAreHiddenWhenValuesAreShown() {
        List<SanitizingFunction> functions = List.of(new AmiSanitizingFunction());
        assertThat(sanitize(functions, "ami.secret", "s3cr3t", true)).isEqualTo("******");
        assertThat(sanitize(functions, "ami.servers.london.secret", "s3cr3t", true)).isEqualTo("******");
        assertThat(sanitize(functions, "AMI_SERVERS_LONDON_SECRET", "s3cr3t", true)).isEqualTo("******");
        assertThat(sanitize(functions, "ami.url", URL, true)).isEqualTo("ami://amiboot:******@pbx.example.org:5038");
        assertThat(sanitize(functions, "ami.servers[paris].url", "amis://u:p%40ss@10.0.0.2", true))
                .isEqualTo("amis://u:******@10.0.0.2");
        assertThat(sanitize(functions, "AMI_URL", URL, true)).isEqualTo("ami://amiboot:******@pbx.example.org:5038");
        assertThat(sanitize(functions, "ami.url", "not a url but s3cr3t@pbx", true)).isEqualTo("******");
        assertThat(sanitize(functions, "ami.url", "ami://nosecret@pbx", true)).isEqualTo("ami://nosecret@pbx");
        assertThat(sanitize(functions, "ami.host", "pbx", true)).isEqualTo("pbx");
        assertThat(sanitize(functions, "other.secret", "visible", true)).isEqualTo("visible");
    }

    @Test
    void anAmiUrlWithItsSecretIsMaskedUnderAnyKey() {
        // Found by the dashboard's SecretsIT: the launcher's AMIBOOT_ASTERISK_URL showed in /actuator/env in clear.
        List<SanitizingFunction> functions = List.of(new AmiSanitizingFunction());
        assertThat(sanitize(functions, "AMIBOOT_ASTERISK_URL", "ami://amiboot:amiboot@127.0.0.1:15038", true))
                .isEqualTo("ami://amiboot:******@127.0.0.1:15038");
        assertThat(sanitize(functions, "sun.java.command", "app.jar --ami.url=ami://admin:s3cr3t@pbx:5038 --server.port=8080", true))
                .isEqualTo("app.jar --ami.url=ami://admin:******@pbx:5038 --server.port=8080");
        assertThat(sanitize(functions, "SPRING_APPLICATION_JSON", "{\"ami\":{\"url\":\"AMIS://u:p@ss@h\"},\"x\":\"a@b\"}", true))
                .isEqualTo("{\"ami\":{\"url\":\"AMIS://u:******@h\"},\"x\":\"a@b\"}");
        assertThat(sanitize(functions, "launcher.url", "ami://nosecret@pbx", true)).isEqualTo("ami://nosecret@pbx");
        assertThat(sanitize(functions, "other.url", "http://u:p@host", true)).isEqualTo("http://u:p@host");
        assertThat(sanitize(functions, "other.port", 5038, true)).isEqualTo(5038);
    }

    @Test
    void aClientsSecretIsHiddenUnderAnyName() {
        List<SanitizingFunction> functions = List.of(new AmiSanitizingFunction(() -> List.of("Pbx pass&1", "")));
        // ami.secret=${PBX_PASS}: the variable it refers to.
        assertThat(sanitize(functions, "PBX_PASS", "Pbx pass&1", true)).isEqualTo("******");
        assertThat(sanitize(functions, "sun.java.command", "app.jar --ami.secret=Pbx pass&1", true)).isEqualTo("******");
        assertThat(sanitize(functions, "pbx.encoded", "Pbx+pass%261", true)).isEqualTo("******");
        assertThat(sanitize(functions, "pbx.encoded", "Pbx%20pass%261", true)).isEqualTo("******");
        assertThat(sanitize(functions, "other", "Pbx pass", true)).isEqualTo("Pbx pass");
        // The user's name is the secret: masking the secret in the URL is not enough.
        assertThat(sanitize(List.of(new AmiSanitizingFunction(() -> List.of("amiboot"))), "ami.url",
                "ami://amiboot:amiboot@pbx", true)).isEqualTo("******");
    }

    @Test
    void itRunsBeforeBroaderFunctionsSoUrlsKeepTheirHost() {
        List<SanitizingFunction> functions = new ArrayList<>(List.of(SanitizingFunction.sanitizeValue().ifLikelyUri(),
                new AmiSanitizingFunction()));
        AnnotationAwareOrderComparator.sort(functions);
        assertThat(sanitize(functions, "ami.url", URL, true)).isEqualTo("ami://amiboot:******@pbx.example.org:5038");
        assertThat(sanitize(functions, "other.url", "http://u:p@host", true)).isEqualTo("******");
    }

    @Test
    void theEnvAndConfigpropsEndpointsHideThem() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AmiAutoConfiguration.class, AmiSanitizingAutoConfiguration.class))
                .withPropertyValues("ami.url=ami://amiboot:s3cr3t@127.0.0.1:1", "ami.servers.london.host=127.0.0.1",
                        "ami.servers.london.port=1", "ami.servers.london.username=amiboot", "ami.servers.london.secret=${pbx.pass}",
                        "pbx.pass=l0nd0n", "launcher.asterisk=ami://amiboot:s3cr3t@127.0.0.1:1")
                .run(context -> {
                    assertThat(context).hasSingleBean(AmiSanitizingFunction.class);
                    List<SanitizingFunction> functions = context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
                    EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), functions, Show.ALWAYS);
                    assertThat(env.environmentEntry("ami.url").getProperty().getValue()).isEqualTo("ami://amiboot:******@127.0.0.1:1");
                    assertThat(env.environmentEntry("ami.servers.london.secret").getProperty().getValue()).isEqualTo("******");
                    assertThat(env.environmentEntry("ami.servers.london.username").getProperty().getValue()).isEqualTo("amiboot");
                    assertThat(env.environmentEntry("pbx.pass").getProperty().getValue()).isEqualTo("******");
                    assertThat(env.environmentEntry("launcher.asterisk").getProperty().getValue()).isEqualTo("ami://amiboot:******@127.0.0.1:1");

                    ConfigurationPropertiesReportEndpoint configprops = new ConfigurationPropertiesReportEndpoint(functions, Show.ALWAYS);
                    configprops.setApplicationContext(context);
                    Map<String, Object> ami = configprops.configurationPropertiesWithPrefix("ami").getContexts().values().iterator()
                            .next().getBeans().values().iterator().next().getProperties();
                    assertThat(ami.get("url")).isEqualTo("ami://amiboot:******@127.0.0.1:1");
                    assertThat(ami.toString()).doesNotContain("s3cr3t").doesNotContain("l0nd0n").contains("amiboot");
                });
    }
}
