package io.amiboot.test.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Talks raw AMI to the real Asterisk provided by the extension, and restarts it. */
@RealAsterisk
class AsteriskExtensionIT {

    private static final Logger log = LoggerFactory.getLogger(AsteriskExtensionIT.class);

    @Test
    void bannerLoginAndRestart(TestAsterisk asterisk) throws IOException {
        log.info("Got {} Asterisk at {}", asterisk.mode(), asterisk.amiUrl());
        assertThat(asterisk.username()).isEqualTo("amiboot");
        assertThat(asterisk.amiUrl()).startsWith("ami://amiboot:amiboot@");

        loginAndCheck(asterisk);

        assertThat(asterisk.isRestartable()).as("restartable (%s)", asterisk.mode()).isTrue();
        long t0 = System.nanoTime();
        asterisk.restart();
        log.info("restart() took {} ms", (System.nanoTime() - t0) / 1_000_000);

        try (Socket socket = new Socket(asterisk.host(), asterisk.amiPort())) {
            socket.setSoTimeout(5_000);
            assertThat(reader(socket).readLine()).startsWith("Asterisk Call Manager/");
        }
        loginAndCheck(asterisk);
    }

    @Test
    void stopAndStartKeepHostAndPort(TestAsterisk asterisk) throws IOException {
        String url = asterisk.amiUrl();

        asterisk.stop();
        assertThatThrownBy(() -> AmiProbe.readBanner(asterisk.host(), asterisk.amiPort())).isInstanceOf(IOException.class);

        asterisk.start();
        assertThat(asterisk.amiUrl()).isEqualTo(url);
        loginAndCheck(asterisk);
    }

    @Test
    void sameServerForEveryTest(TestAsterisk first, TestAsterisk second) {
        assertThat(first).isSameAs(second);
        assertThat(AsteriskExtension.sharedAsterisk()).isSameAs(first);
    }

    @Test
    void readOnlyViewerCannotOriginate(TestAsterisk asterisk) throws IOException {
        try (Socket socket = new Socket(asterisk.host(), asterisk.amiPort())) {
            socket.setSoTimeout(5_000);
            BufferedReader in = reader(socket);
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("Asterisk Call Manager/");

            send(out, "Action: Login\r\nActionID: 1\r\nUsername: viewer\r\nSecret: viewer\r\nEvents: off\r\n\r\n");
            assertThat(response(in, "1")).containsEntry("Response", "Success");

            send(out, "Action: Originate\r\nActionID: 2\r\nChannel: Local/100@test\r\nApplication: Wait\r\nData: 1\r\nAsync: true\r\n\r\n");
            assertThat(response(in, "2")).containsEntry("Response", "Error").containsEntry("Message", "Permission denied");
        }
    }

    private static void loginAndCheck(TestAsterisk asterisk) throws IOException {
        try (Socket socket = new Socket(asterisk.host(), asterisk.amiPort())) {
            socket.setSoTimeout(5_000);
            BufferedReader in = reader(socket);
            OutputStream out = socket.getOutputStream();
            String banner = in.readLine();
            assertThat(banner).startsWith("Asterisk Call Manager/");

            send(out, "Action: Login\r\nActionID: login-1\r\nUsername: " + asterisk.username() + "\r\nSecret: " + asterisk.secret()
                    + "\r\nEvents: off\r\n\r\n");
            assertThat(response(in, "login-1")).containsEntry("Response", "Success");

            send(out, "Action: Command\r\nActionID: cmd-1\r\nCommand: core show version\r\n\r\n");
            Map<String, String> version = response(in, "cmd-1");
            assertThat(version).containsEntry("Response", "Success");
            assertThat(version.get("Output")).startsWith("Asterisk 22.");

            send(out, "Action: Logoff\r\nActionID: bye\r\n\r\n");
            assertThat(response(in, "bye")).containsEntry("Response", "Goodbye");
        }
    }

    private static Map<String, String> response(BufferedReader in, String actionId) throws IOException {
        Map<String, String> message;
        while ((message = AmiProbe.readMessage(in)) != null) {
            if (actionId.equals(message.get("ActionID")) && message.containsKey("Response")) {
                return message;
            }
        }
        throw new IOException("connection closed before the response to " + actionId);
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
