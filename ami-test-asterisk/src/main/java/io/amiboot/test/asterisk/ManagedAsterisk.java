package io.amiboot.test.asterisk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link TestAsterisk} handed to tests: endpoint + optional {@link Control}. */
final class ManagedAsterisk implements TestAsterisk, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ManagedAsterisk.class);

    /** Fully booted + AMI banner after a start/restart. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /** Quick banner check before each hand-out. */
    static final Duration BANNER_TIMEOUT = Duration.ofSeconds(10);

    private final Mode mode;

    private final AmiEndpoint endpoint;

    private final Control control;

    /** Stop (or remove) the server at the end: we started it. */
    private final boolean owned;

    /** A test stopped it and has not started it again. */
    private boolean stopped;

    private boolean closed;

    /** Resolved on first use: most tests never ask. */
    private TlsEndpoint tls;

    /** How long {@link #ensureRunning()} waits for the banner; shortened by unit tests. */
    Duration bannerTimeout = BANNER_TIMEOUT;

    ManagedAsterisk(Mode mode, AmiEndpoint endpoint, Control control, boolean owned) {
        this.mode = mode;
        this.endpoint = endpoint;
        this.control = control;
        this.owned = owned;
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public String host() {
        return endpoint.host();
    }

    @Override
    public int amiPort() {
        return endpoint.port();
    }

    @Override
    public String username() {
        return endpoint.username();
    }

    @Override
    public String secret() {
        return endpoint.secret();
    }

    @Override
    public String tlsUrl() {
        return tls().url();
    }

    @Override
    public Path tlsCaCertificate() {
        return tls().caCertificate();
    }

    private synchronized TlsEndpoint tls() {
        if (tls == null) {
            tls = TlsEndpoint.resolve(Environment.system(), mode, control instanceof ScriptControl script ? script : null);
        }
        return tls;
    }

    @Override
    public boolean isRestartable() {
        return control != null;
    }

    @Override
    public synchronized void stop() {
        requireControl("stop");
        log.info("Stopping Asterisk ({})", this);
        stopped = true;
        control.stop();
    }

    @Override
    public synchronized void start() {
        requireControl("start");
        log.info("Starting Asterisk ({})", this);
        control.start();
        awaitReady();
        stopped = false;
    }

    @Override
    public synchronized void restart() {
        requireControl("restart");
        log.info("Restarting Asterisk ({})", this);
        long t0 = System.nanoTime();
        stopped = true;
        control.restart();
        awaitReady();
        stopped = false;
        log.info("Asterisk restarted in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /** Fully booted and AMI answering, within {@link #READY_TIMEOUT}. */
    void awaitReady() {
        String banner = AmiProbe.awaitReady(endpoint, READY_TIMEOUT);
        log.debug("Asterisk ready: {} on {}:{}", banner, host(), amiPort());
    }

    /**
     * Before each hand-out: start it again if a test left it stopped, then check the banner (fails loudly otherwise).
     */
    synchronized void ensureRunning() {
        if (closed) {
            throw new IllegalStateException("The test Asterisk has already been shut down");
        }
        if (stopped && control != null) {
            log.warn("A test left Asterisk stopped; starting it again");
            start();
        }
        try {
            AmiProbe.readBanner(host(), amiPort());
            return;
        }
        catch (IOException first) {
            log.debug("AMI banner check failed, retrying: {}", first.getMessage());
        }
        try {
            AmiProbe.awaitBanner(host(), amiPort(), bannerTimeout);
        }
        catch (IllegalStateException e) {
            if (control == null) {
                throw new AsteriskUnavailableException("The test Asterisk (" + this + ") does not answer on AMI any more: " + e.getMessage(), e);
            }
            // e.g. another JVM sharing this machine's Asterisk stopped it at its end
            log.warn("Asterisk ({}) does not answer on AMI any more; starting it again", this);
            start();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (control == null) {
            return;
        }
        try {
            if (owned) {
                log.info("Stopping the Asterisk started for the tests ({})", this);
                control.stop();
            }
            else if (stopped) {
                log.info("Starting the external Asterisk again, a test left it stopped ({})", this);
                control.start();
            }
        }
        catch (RuntimeException e) {
            log.warn("Could not stop/start Asterisk at the end: {}", e.getMessage(), e);
        }
        finally {
            control.close();
        }
    }

    private void requireControl(String operation) {
        if (control == null) {
            throw new UnsupportedOperationException("Cannot " + operation + " the external Asterisk " + endpoint
                    + ": set " + AsteriskResolver.CONTROL_ENV + " to a script taking start/stop (e.g. scripts/asterisk.sh)"
                    + " to make it restartable, or check isRestartable() first.");
        }
    }

    @Override
    public String toString() {
        return mode + " " + endpoint.redacted() + (control != null ? ", control: " + control : "") + (owned ? ", owned" : "");
    }
}
