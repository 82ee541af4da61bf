package io.amiboot.test.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagedAsteriskTest {

    ScriptedAmiPeer ami;

    AmiEndpoint endpoint;

    RecordingControl control;

    @BeforeEach
    void start() throws IOException {
        ami = new ScriptedAmiPeer();
        endpoint = AmiEndpoint.parse(ami.url("amiboot", "amiboot"));
        control = new RecordingControl();
    }

    @AfterEach
    void stop() throws IOException {
        ami.close();
    }

    @Test
    void externalWithoutControlIsNotRestartable() {
        ManagedAsterisk asterisk = new ManagedAsterisk(TestAsterisk.Mode.EXTERNAL, endpoint, null, false);

        assertThat(asterisk.isRestartable()).isFalse();
        assertThatThrownBy(asterisk::restart).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("AMIBOOT_ASTERISK_CONTROL");
        assertThatThrownBy(asterisk::stop).isInstanceOf(UnsupportedOperationException.class);
        asterisk.ensureRunning();
        asterisk.close();
        assertThat(ami.isRunning()).isTrue();
    }

    @Test
    void restartBlocksUntilAmiAnswersAgain() {
        ManagedAsterisk asterisk = new ManagedAsterisk(TestAsterisk.Mode.ROOTFS, endpoint, control, true);

        asterisk.restart();

        assertThat(control.calls).containsExactly("stop", "start");
        assertThat(ami.isRunning()).isTrue();
        assertThat(ami.received()).containsOnlyOnce("Action: Login");
    }

    @Test
    void serverLeftStoppedIsStartedBeforeTheNextHandOut() {
        ManagedAsterisk asterisk = new ManagedAsterisk(TestAsterisk.Mode.EXTERNAL, endpoint, control, false);
        asterisk.stop();
        assertThat(ami.isRunning()).isFalse();

        asterisk.ensureRunning();

        assertThat(ami.isRunning()).isTrue();
        assertThat(control.calls).containsExactly("stop", "start");
    }

    @Test
    void ownedServerIsStoppedAtTheEnd() {
        ManagedAsterisk asterisk = new ManagedAsterisk(TestAsterisk.Mode.ROOTFS, endpoint, control, true);

        asterisk.close();

        assertThat(control.calls).containsExactly("stop", "close");
        assertThat(ami.isRunning()).isFalse();
    }

    @Test
    void externalServerIsLeftRunningAndStartedAgainIfATestStoppedIt() {
        ManagedAsterisk running = new ManagedAsterisk(TestAsterisk.Mode.EXTERNAL, endpoint, control, false);
        running.close();
        assertThat(control.calls).containsExactly("close");

        control.calls.clear();
        ManagedAsterisk stopped = new ManagedAsterisk(TestAsterisk.Mode.EXTERNAL, endpoint, control, false);
        stopped.stop();
        stopped.close();
        assertThat(control.calls).containsExactly("stop", "start", "close");
        assertThat(ami.isRunning()).isTrue();
    }

    @Test
    void deadServerFailsLoudly() throws IOException {
        ManagedAsterisk asterisk = new ManagedAsterisk(TestAsterisk.Mode.EXTERNAL, endpoint, null, false);
        asterisk.bannerTimeout = Duration.ofMillis(500);
        ami.stop();

        assertThatThrownBy(asterisk::ensureRunning).isInstanceOf(AsteriskUnavailableException.class)
                .hasMessageContaining("does not answer on AMI");
    }

    @Test
    void deadServerWithControlIsStartedAgain() throws IOException {
        ManagedAsterisk asterisk = new ManagedAsterisk(TestAsterisk.Mode.ROOTFS, endpoint, control, false);
        asterisk.bannerTimeout = Duration.ofMillis(500);
        ami.stop(); // e.g. another JVM stopped the shared server

        asterisk.ensureRunning();

        assertThat(ami.isRunning()).isTrue();
        assertThat(control.calls).containsExactly("start");
    }

    /** Stops/starts the fake server like scripts/asterisk.sh stops/starts Asterisk. */
    final class RecordingControl implements Control {

        final List<String> calls = new ArrayList<>();

        @Override
        public void start() {
            calls.add("start");
            try {
                ami.start();
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            calls.add("stop");
            try {
                ami.stop();
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }
}
