package io.amiboot.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.AmiClientOptionsBuilder;
import io.amiboot.client.ReconnectPolicy;
import io.amiboot.client.AmiConnectionState;
import io.amiboot.client.AmiUrl;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The secret of the AMI URL's user info never shows in logs (every level, TRACE included), in exceptions (messages,
 * causes, stack traces), in {@code toString()}s or in health details: through a login, an action, a cut connection
 * and its reconnect, a refused login, a refused connection, a server that is not AMI, and close.
 */
class SecretsNeverLeakTest {

    private static final String SECRET = "Qx9-hunter2-Zz";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    private Logger amiboot;

    private Level previousLevel;

    private final List<String> exposed = new ArrayList<>();

    private ScriptedAmiPeer peer;

    @BeforeEach
    void captureLogs() throws Exception {
        amiboot = (Logger) LoggerFactory.getLogger("io.amiboot");
        previousLevel = amiboot.getLevel();
        amiboot.setLevel(Level.TRACE);
        logs.start();
        amiboot.addAppender(logs);
        peer = new ScriptedAmiPeer();
    }

    @AfterEach
    void restoreLogs() throws Exception {
        amiboot.detachAppender(logs);
        amiboot.setLevel(previousLevel);
        peer.close();
    }

    private AmiClientOptionsBuilder options(String url) {
        return AmiClientOptions.builder(url).name("secrets").keepaliveInterval(Duration.ZERO)
                .reconnect(new ReconnectPolicy(true, Duration.ofMillis(20), Duration.ofMillis(50), 1.0, 0.0));
    }

    @Test
    void aSessionWithACutAndAReconnectLogsNoSecret() throws Exception {
        AmiClient client = AmiClient.create(options(peer.url("admin", SECRET)).build());
        AmiHealthIndicator health = new AmiHealthIndicator(client);
        exposed.add(health.health().toString());
        client.connect().get(10, TimeUnit.SECONDS);
        assertThat(peer.nextAction("Login")).containsEntry("Secret", SECRET);
        client.send(AmiAction.of("Ping")).get(5, TimeUnit.SECONDS);
        exposed.add(health.health().toString());
        exposed.add(client.toString());
        exposed.add(client.options().toString());
        exposed.add(String.valueOf(client.lastConnectionEvent()));
        peer.dropConnections();
        peer.nextAction("Login");
        await().atMost(Duration.ofSeconds(10)).until(client::state, AmiConnectionState.CONNECTED::equals);
        Throwable unknown = catchThrowable(() -> client.send(AmiAction.of("NoSuchAction")).get(5, TimeUnit.SECONDS));
        exposed.add(stackTrace(unknown));
        client.close();
        exposed.add(health.health().toString());
        health.close();
        assertNoSecret("a session with a cut and a reconnect", 2);
    }

    @Test
    void aRefusedLoginARefusedConnectionAndAServerThatIsNotAmiFailWithoutTheSecret() throws Exception {
        peer.requireLogin("admin", "another secret");
        try (AmiClient refused = AmiClient.create(options(peer.url("admin", SECRET)).build())) {
            exposed.add(stackTrace(catchThrowable(() -> refused.connect().get(10, TimeUnit.SECONDS))));
            try (AmiHealthIndicator health = new AmiHealthIndicator(refused)) {
                exposed.add(health.health().toString());
            }
        }
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (AmiClient unreachable = AmiClient.create(options("ami://admin:" + SECRET + "@127.0.0.1:" + closedPort)
                .reconnect(ReconnectPolicy.DISABLED).build())) {
            exposed.add(stackTrace(catchThrowable(() -> unreachable.connect().get(10, TimeUnit.SECONDS))));
            try (AmiHealthIndicator health = new AmiHealthIndicator(unreachable)) {
                exposed.add(health.health().toString());
            }
        }
        peer.banner("220 smtp.example ESMTP");
        try (AmiClient notAmi = AmiClient.create(options(peer.url("admin", SECRET)).reconnect(ReconnectPolicy.DISABLED).build())) {
            exposed.add(stackTrace(catchThrowable(() -> notAmi.connect().get(10, TimeUnit.SECONDS))));
        }
        exposed.add(stackTrace(catchThrowable(() -> AmiUrl.parse("ami://admin:" + SECRET + "@host:notaport"))));
        assertNoSecret("refused login, refused connection, non-AMI server, bad URL", 3);
    }

    private void assertNoSecret(String scenario, int minimumLogLines) {
        assertThat(logs.list).as("captured log lines").hasSizeGreaterThanOrEqualTo(minimumLogLines);
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).as("log line").doesNotContain(SECRET);
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                assertThat(ThrowableProxyUtil.asString(thrown)).as("logged exception").doesNotContain(SECRET);
            }
        }
        assertThat(exposed).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(SECRET));
        Reliability.row("Secrets in the client: " + scenario, "one client",
                logs.list.size() + " log lines at TRACE, " + exposed.size() + " exceptions/health details/toStrings",
                "the AMI secret appears in none", "nothing");
    }

    private static String stackTrace(Throwable thrown) {
        assertThat(thrown).isNotNull();
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
