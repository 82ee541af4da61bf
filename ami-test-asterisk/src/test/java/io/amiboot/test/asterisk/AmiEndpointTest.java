package io.amiboot.test.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmiEndpointTest {

    @Test
    void parsesUrl() {
        AmiEndpoint endpoint = AmiEndpoint.parse("ami://amiboot:amiboot@127.0.0.1:15038");

        assertThat(endpoint).isEqualTo(new AmiEndpoint("127.0.0.1", 15038, "amiboot", "amiboot"));
        assertThat(endpoint.url()).isEqualTo("ami://amiboot:amiboot@127.0.0.1:15038");
    }

    @Test
    void defaultPortIs5038() {
        assertThat(AmiEndpoint.parse("ami://u:s@pbx.example").port()).isEqualTo(5038);
    }

    @Test
    void percentEncodedCredentialsRoundTrip() {
        AmiEndpoint endpoint = AmiEndpoint.parse("ami://us%40er:p%3As%2Bw%20d@[::1]:15038");

        assertThat(endpoint.username()).isEqualTo("us@er");
        assertThat(endpoint.secret()).isEqualTo("p:s+w d");
        assertThat(endpoint.host()).isEqualTo("::1");
        assertThat(AmiEndpoint.parse(endpoint.url())).isEqualTo(endpoint);
    }

    @Test
    void redactsSecret() {
        AmiEndpoint endpoint = AmiEndpoint.parse("ami://amiboot:topsecret@127.0.0.1:15038");

        assertThat(endpoint.toString()).doesNotContain("topsecret").contains("amiboot").contains("15038");
    }

    @Test
    void rejectsMalformedUrls() {
        assertThatThrownBy(() -> AmiEndpoint.parse("http://a:b@host:1")).hasMessageContaining("scheme must be ami");
        assertThatThrownBy(() -> AmiEndpoint.parse("ami://host:1")).hasMessageContaining("ami://user:secret@host:port");
        assertThatThrownBy(() -> AmiEndpoint.parse("ami://user@host:1")).hasMessageContaining("ami://user:secret@host:port");
        assertThatThrownBy(() -> AmiEndpoint.parse("ami://a:b@ho st:1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testAsteriskUrlUsesSameFormat() {
        TestAsterisk asterisk = new ManagedAsterisk(TestAsterisk.Mode.EXTERNAL, AmiEndpoint.parse("ami://amiboot:amiboot@127.0.0.1:15038"),
                null, false);

        assertThat(asterisk.amiUrl()).isEqualTo("ami://amiboot:amiboot@127.0.0.1:15038");
    }
}
