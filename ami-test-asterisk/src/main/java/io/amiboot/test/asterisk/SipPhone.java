package io.amiboot.test.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SIP phone for tests: Debian's baresip as a user agent on loopback, registered to one of the test Asterisk's
 * PJSIP endpoints ({@code 1001}..{@code 1003}, password = user), answering every call itself or leaving it ringing.
 * Its audio is a sine tone sent and nothing played, so it needs no sound device. baresip is installed as root on
 * Debian when missing ({@link DebianTools}); otherwise starting a phone fails saying how to install it.
 *
 * <pre>{@code
 * try (SipPhone alice = SipPhone.start("1001", SipPhone.Answer.AUTO)) {
 *     alice.awaitRegistered(Duration.ofSeconds(10));
 *     // originate to PJSIP/1001: the phone answers
 * }
 * }</pre>
 */
public final class SipPhone implements AutoCloseable {

    /** Whether the phone answers the calls it gets. */
    public enum Answer {
        /** Answers at once. */
        AUTO,
        /** Never answers: the call rings until the caller gives up. */
        MANUAL
    }

    /** Where the test Asterisk takes SIP (its {@code pjsip.conf} transport). */
    public static final InetSocketAddress TEST_ASTERISK_SIP = new InetSocketAddress(InetAddress.getLoopbackAddress(), 15060);

    static final Path BARESIP = Path.of("/usr/bin/baresip");

    static final DebianTools TOOLS = new DebianTools("The SIP phone tests need Debian's baresip",
            List.of(new DebianTools.Executable(BARESIP, "baresip-core")), List.of("baresip-core"),
            Path.of("/run/lock/amiboot-baresip.lock"));

    static final int FIRST_PORT = 16000;

    static final int PORTS_PER_PHONE = 16;

    /** What baresip logs once a REGISTER was answered {@code 200 OK}. */
    private static final String REGISTERED = ": {0/UDP/v4} 200 OK";

    private final String user;

    private final Path directory;

    private final Process process;

    private SipPhone(String user, Path directory, Process process) {
        this.user = user;
        this.directory = directory;
        this.process = process;
    }

    /**
     * Starts a phone registering to the test Asterisk as {@code user}, its password the user's name.
     *
     * @param user the endpoint, e.g. {@code 1001}
     * @param answer whether it answers calls
     * @return the running phone; close it to stop it
     */
    public static SipPhone start(String user, Answer answer) {
        return start(user, user, TEST_ASTERISK_SIP, answer);
    }

    /**
     * Starts a phone registering as {@code user} to {@code registrar}, which must be on loopback.
     *
     * @param user the SIP user (digits and letters only)
     * @param password its password
     * @param registrar the registrar's address, on loopback
     * @param answer whether it answers calls
     * @return the running phone; close it to stop it
     */
    public static SipPhone start(String user, String password, InetSocketAddress registrar, Answer answer) {
        if (!user.matches("[A-Za-z0-9]+") || !password.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("SIP user and password must be letters and digits: " + user);
        }
        if (!registrar.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("Test phones register only on loopback, not " + registrar);
        }
        TOOLS.provision(Environment.system(), ScriptControl::runCommand);
        try {
            Path directory = Files.createTempDirectory("amiboot-phone-" + user + "-");
            int sipPort = portsOf(user);
            Files.writeString(directory.resolve("config"), config(sipPort), StandardCharsets.US_ASCII);
            Files.writeString(directory.resolve("accounts"), "<sip:" + user + "@" + registrar.getAddress().getHostAddress()
                    + ":" + registrar.getPort() + ";transport=udp>;auth_pass=" + password + ";answermode="
                    + (answer == Answer.AUTO ? "auto" : "manual") + ";regint=60\n", StandardCharsets.US_ASCII);
            Process process = new ProcessBuilder(BARESIP.toString(), "-f", directory.toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("baresip.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            return new SipPhone(user, directory, process);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start baresip for " + user, ex);
        }
    }

    /**
     * baresip's configuration: SIP and RTP on loopback only, G.711, a sine tone as the microphone (ausine makes
     * 48 kHz stereo only; baresip resamples it), no player, no console.
     */
    static String config(int sipPort) {
        return String.join("\n",
                "poll_method epoll",
                "net_interface 127.0.0.1",
                "sip_listen 127.0.0.1:" + sipPort,
                "sip_transports udp",
                "rtp_ports " + (sipPort + 4) + "-" + (sipPort + PORTS_PER_PHONE - 1),
                "audio_source ausine,440",
                "ausrc_srate 48000",
                "ausrc_channels 2",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module ausine.so",
                "module_app account.so",
                "module_app menu.so",
                "");
    }

    /**
     * The first of the phone's ports: SIP over UDP and TCP on it, TLS on the next (baresip 1.0 always listens for
     * TLS, one above the SIP port), RTP from four above. Fixed per user, below Linux's ephemeral range (32768 and
     * up), so that no two phones and no client socket take each other's ports.
     */
    static int portsOf(String user) {
        return FIRST_PORT + Math.floorMod(user.hashCode(), 1000) * PORTS_PER_PHONE;
    }

    /** {@return the SIP user this phone registers as} */
    public String user() {
        return user;
    }

    /** {@return the phone's own log, for a failure message} */
    public String log() {
        try {
            return Files.readString(directory.resolve("baresip.log"), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    /**
     * Waits until the registrar accepted the phone's REGISTER.
     *
     * @param timeout how long at most
     * @throws IllegalStateException if the phone exited or did not register in time, with its log
     */
    public void awaitRegistered(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(REGISTERED)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("baresip for " + user + " exited with " + process.exitValue() + ":\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("baresip for " + user + " did not register within " + timeout + ":\n" + log());
            }
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS); // returns at once if it exits
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + user + " to register", ex);
            }
        }
    }

    /** {@return whether baresip still runs} */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops baresip (it unregisters on SIGTERM) and removes its files. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }

    @Override
    public String toString() {
        return "SipPhone[" + user + ", " + (process.isAlive() ? "running" : "exited") + "]";
    }
}
