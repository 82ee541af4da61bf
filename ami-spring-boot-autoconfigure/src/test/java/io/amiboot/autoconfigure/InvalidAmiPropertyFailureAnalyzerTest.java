package io.amiboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** Bad {@code ami.*} values stop startup with a report that says what is wrong and what to do, never the secret. */
@ExtendWith(OutputCaptureExtension.class)
class InvalidAmiPropertyFailureAnalyzerTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AmiAutoConfiguration.class));

    static FailureAnalysis analysis(Throwable failure) {
        FailureAnalysis analysis = new InvalidAmiPropertyFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        return analysis;
    }

    private FailureAnalysis failureFor(String... properties) {
        FailureAnalysis[] result = new FailureAnalysis[1];
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            result[0] = analysis(context.getStartupFailure());
        });
        return result[0];
    }

    @Test
    void wrongScheme() {
        FailureAnalysis analysis = failureFor("ami.url=http://amiboot:s3cr3t@pbx:5038");
        assertThat(analysis.getDescription()).contains("property 'ami.url'", "scheme is 'http'", "ami://")
                .doesNotContain("s3cr3t");
        assertThat(analysis.getAction()).contains("ami://user:secret@host[:port]", "amis://", "percent-encoded");
    }

    @Test
    void unparseableUrlDoesNotRepeatTheSecret() {
        FailureAnalysis analysis = failureFor("ami.url=ami://amiboot:s3 cr3t@pbx:5038");
        assertThat(analysis.getDescription()).contains("property 'ami.url'", "not a valid URL").doesNotContain("s3 cr3t", "cr3t");
    }

    @Test
    void missingHost() {
        FailureAnalysis analysis = failureFor("ami.servers.london.url=ami://amiboot:s3cr3t@:5038");
        assertThat(analysis.getDescription()).contains("'ami.servers.london.url'").doesNotContain("s3cr3t");
    }

    @Test
    void hostWithoutUser() {
        FailureAnalysis analysis = failureFor("ami.host=pbx");
        assertThat(analysis.getDescription()).contains("'ami.username'", "is not set");
        assertThat(analysis.getAction()).contains("ami.username", "ami.secret", "manager.conf");
    }

    @Test
    void serverWithoutAddress() {
        FailureAnalysis analysis = failureFor("ami.servers.paris.action-timeout=2s");
        assertThat(analysis.getDescription()).contains("'ami.servers.paris'", "neither a url nor a host");
    }

    @Test
    void negativeTimeoutNamesTheProperty() {
        FailureAnalysis analysis = failureFor("ami.url=ami://a:s3cr3t@pbx", "ami.servers.b.url=ami://a:s3cr3t@pbx2",
                "ami.servers.b.connect-timeout=-1s");
        assertThat(analysis.getDescription()).contains("'ami.servers.b.connect-timeout'", "positive").doesNotContain("s3cr3t");
    }

    @Test
    void inheritedBadValueNamesTheTopLevelProperty() {
        FailureAnalysis analysis = failureFor("ami.servers.b.url=ami://a:s3cr3t@pbx2", "ami.events.buffer-size=0");
        assertThat(analysis.getDescription()).contains("'ami.events.buffer-size'");
    }

    @Test
    void badReconnectSettings() {
        FailureAnalysis analysis = failureFor("ami.url=ami://a:s3cr3t@pbx", "ami.reconnect.jitter=2");
        assertThat(analysis.getDescription()).contains("'ami.reconnect'", "jitter");
    }

    @Test
    void defaultServerConfiguredTwice() {
        FailureAnalysis analysis = failureFor("ami.url=ami://a:s3cr3t@pbx", "ami.servers.default.url=ami://a:s3cr3t@pbx2");
        assertThat(analysis.getDescription()).contains("'ami.servers.default'");
    }

    @Test
    void startupPrintsTheAnalysisWithoutAStackTrace(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("ami.url=http://amiboot:s3cr3t@pbx:5038", "spring.main.banner-mode=off");
        org.assertj.core.api.Assertions.assertThatThrownBy(application::run).isInstanceOf(Exception.class);
        assertThat(output).contains("APPLICATION FAILED TO START", "The AMI client configuration is invalid: property 'ami.url'",
                "Action:", "ami://user:secret@host[:port]");
        assertThat(output.toString()).doesNotContain("s3cr3t").doesNotContain("\tat io.amiboot");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(AmiAutoConfiguration.class)
    static class App {
    }
}
