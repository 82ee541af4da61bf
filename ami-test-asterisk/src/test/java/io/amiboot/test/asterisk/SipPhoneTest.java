package io.amiboot.test.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The test phone's configuration and what it refuses, without starting baresip. */
class SipPhoneTest {

    @Test
    void aRegistrarOffLoopbackIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> SipPhone.start("1001", "1001", new InetSocketAddress("192.0.2.10", 5060), SipPhone.Answer.AUTO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only on loopback");
    }

    @Test
    void aUserOrPasswordThatCouldWriteMoreIntoTheAccountLineIsRefused() {
        assertThatThrownBy(() -> SipPhone.start("1001>;auth_pass=x", SipPhone.Answer.AUTO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letters and digits");
        assertThatThrownBy(() -> SipPhone.start("1001", "p;answermode=auto", SipPhone.TEST_ASTERISK_SIP, SipPhone.Answer.MANUAL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyPortIsOnLoopbackBelowTheEphemeralRangeAndApartFromAsterisksRtp() {
        String config = SipPhone.config(SipPhone.portsOf("1001"));
        assertThat(config).contains("net_interface 127.0.0.1", "sip_listen 127.0.0.1:");
        assertThat(config.lines().filter(line -> line.matches(".*\\d+\\.\\d+\\.\\d+\\.\\d+.*")))
                .allSatisfy(line -> assertThat(line).contains("127.0.0.1"));
        List<Integer> firstPorts = IntStream.rangeClosed(1001, 1003).mapToObj(user -> SipPhone.portsOf(Integer.toString(user))).toList();
        assertThat(firstPorts).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port)
                .isBetween(11000, 32768 - SipPhone.PORTS_PER_PHONE));
        assertThat(firstPorts.get(1) - firstPorts.get(0)).isGreaterThanOrEqualTo(SipPhone.PORTS_PER_PHONE);
    }

    @Test
    void aMissingBaresipFailsNamingTheDebianPackage() {
        FakeEnvironment env = new FakeEnvironment(Path.of("."));
        assertThatThrownBy(() -> SipPhone.TOOLS.provision(env, (timeout, command) -> new ScriptControl.Result(0, "")))
                .hasMessageContaining("lacks /usr/bin/baresip (package baresip-core)")
                .hasMessageContaining("apt-get install -y --no-install-recommends baresip-core");
    }
}
