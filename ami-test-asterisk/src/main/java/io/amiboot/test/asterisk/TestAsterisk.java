package io.amiboot.test.asterisk;

import java.nio.file.Path;

/**
 * A real Asterisk server for integration tests, provided by {@link AsteriskExtension}.
 *
 * <p>Declare a parameter of this type in a test, lifecycle method or constructor of a class
 * annotated with {@link RealAsterisk}:
 *
 * <pre>{@code
 * @RealAsterisk
 * class MyIT {
 *     @Test
 *     void connects(TestAsterisk asterisk) {
 *         var client = connect(asterisk.host(), asterisk.amiPort(), asterisk.username(), asterisk.secret());
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>One server is shared by all tests of a JVM. Tests that {@link #stop()} it must {@link #start()} it
 * again; the extension also restarts a stopped server before handing it to the next test.
 */
public interface TestAsterisk {

    /** How the server was obtained. */
    enum Mode {
        /** An already running server named by {@code AMIBOOT_ASTERISK_URL} / {@code -Damiboot.asterisk.url}. */
        EXTERNAL,
        /** A Testcontainers container built from {@code docker/asterisk/Dockerfile}. */
        CONTAINER,
        /** The Debian rootfs of {@code scripts/asterisk.sh}, run with chroot (Linux, root). */
        ROOTFS
    }

    /** {@return where this server comes from} */
    Mode mode();

    /** {@return the host name or address of the AMI port} */
    String host();

    /** {@return the TCP port of AMI} */
    int amiPort();

    /** {@return the AMI user}, with {@code read=all}, {@code write=all} */
    String username();

    /** {@return the secret of {@link #username()}} */
    String secret();

    /** {@return {@code ami://user:secret@host:port}}, e.g. {@code ami://amiboot:amiboot@127.0.0.1:15038} */
    default String amiUrl() {
        return AmiEndpoint.toUrl(host(), amiPort(), username(), secret());
    }

    /**
     * {@code amis://} URL of the AMI-over-TLS port, e.g. {@code amis://amiboot:amiboot@localhost:15039}. Its
     * certificate names {@code localhost} only, so the same port by {@code 127.0.0.1} is a host name mismatch.
     *
     * @return the TLS URL
     * @throws AsteriskUnavailableException naming what is missing when no TLS port is known (never a skip)
     */
    String tlsUrl();

    /**
     * PEM file of the test CA that signed the TLS port's certificate; {@code scripts/asterisk.sh} makes a new CA at
     * each start, so read it when connecting, not once per JVM.
     *
     * @return the CA's PEM file
     * @throws AsteriskUnavailableException naming what is missing when no TLS port is known (never a skip)
     */
    Path tlsCaCertificate();

    /**
     * Whether {@link #stop()}, {@link #start()} and {@link #restart()} are supported. False for an external
     * server without {@code AMIBOOT_ASTERISK_CONTROL}.
     *
     * @return true if this server can be stopped and started
     */
    boolean isRestartable();

    /**
     * Stops Asterisk; the AMI port stops answering. Call {@link #start()} afterwards.
     *
     * @throws UnsupportedOperationException if not {@link #isRestartable() restartable}
     */
    void stop();

    /**
     * Starts Asterisk (no-op when it runs) and blocks until it is fully booted and the AMI port sends its banner.
     *
     * @throws UnsupportedOperationException if not {@link #isRestartable() restartable}
     */
    void start();

    /**
     * Stops and starts Asterisk; returns when it is fully booted and AMI answers again. Host, port and
     * credentials stay the same.
     *
     * @throws UnsupportedOperationException if not {@link #isRestartable() restartable}
     */
    void restart();
}
