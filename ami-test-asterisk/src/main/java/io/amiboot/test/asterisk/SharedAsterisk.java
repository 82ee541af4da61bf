package io.amiboot.test.asterisk;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one server of this JVM: created on first use, stopped at the end (if we started it). */
final class SharedAsterisk {

    private static final Logger log = LoggerFactory.getLogger(SharedAsterisk.class);

    private static ManagedAsterisk instance;

    private static RuntimeException failure;

    private static boolean shutdownHookRegistered;

    private SharedAsterisk() {
    }

    /** The shared server, checked to answer AMI. Failures are remembered so later tests fail fast with the same message. */
    static synchronized ManagedAsterisk get() {
        if (failure != null) {
            throw new AsteriskUnavailableException(failure.getMessage(), failure);
        }
        if (instance == null) {
            try {
                instance = create(AsteriskResolver.choose(Environment.system()));
            }
            catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            if (!shutdownHookRegistered) {
                shutdownHookRegistered = true;
                Runtime.getRuntime().addShutdownHook(new Thread(SharedAsterisk::close, "amiboot-test-asterisk-shutdown"));
            }
        }
        instance.ensureRunning();
        return instance;
    }

    static synchronized void close() {
        if (instance != null) {
            instance.close();
            instance = null;
        }
    }

    static ManagedAsterisk create(AsteriskResolver.Choice choice) {
        long t0 = System.nanoTime();
        ManagedAsterisk asterisk;
        if (choice instanceof AsteriskResolver.External external) {
            asterisk = createExternal(external);
        }
        else if (choice instanceof AsteriskResolver.Container container) {
            asterisk = createContainer(container);
        }
        else if (choice instanceof AsteriskResolver.Rootfs rootfs) {
            asterisk = createRootfs(rootfs);
        }
        else {
            throw new IllegalArgumentException(String.valueOf(choice));
        }
        log.info("Using Asterisk: {} (ready after {} ms)", asterisk, Duration.ofNanos(System.nanoTime() - t0).toMillis());
        return asterisk;
    }

    private static ManagedAsterisk createExternal(AsteriskResolver.External external) {
        ScriptControl control = external.control() == null ? null : new ScriptControl(external.control());
        AmiEndpoint endpoint = external.endpoint();
        boolean started = false;
        if (control != null) {
            try {
                AmiProbe.readBanner(endpoint.host(), endpoint.port());
            }
            catch (java.io.IOException e) {
                log.info("External Asterisk {} does not answer; starting it with {}", endpoint, control);
                control.start();
                started = true;
            }
        }
        ManagedAsterisk asterisk = new ManagedAsterisk(TestAsterisk.Mode.EXTERNAL, endpoint, control, started);
        awaitReadyOrFail(asterisk, "the external Asterisk " + endpoint + " (from " + AsteriskResolver.URL_ENV + ")");
        return asterisk;
    }

    private static ManagedAsterisk createContainer(AsteriskResolver.Container choice) {
        ContainerControl control;
        try {
            control = ContainerControl.startNew(choice.repositoryRoot());
        }
        catch (RuntimeException e) {
            throw new AsteriskUnavailableException("Could not start the Asterisk container from " + AsteriskResolver.DOCKERFILE + ": "
                    + e.getMessage(), e);
        }
        AmiEndpoint endpoint = new AmiEndpoint(control.host(), control.amiPort(), "amiboot", "amiboot");
        ManagedAsterisk asterisk = new ManagedAsterisk(TestAsterisk.Mode.CONTAINER, endpoint, control, true);
        awaitReadyOrFail(asterisk, "the Asterisk container");
        return asterisk;
    }

    private static ManagedAsterisk createRootfs(AsteriskResolver.Rootfs choice) {
        ScriptControl control = new ScriptControl(choice.script());
        boolean startedByUs;
        try {
            // idempotent; tells whether it was already running (another JVM or a developer may have started it)
            startedByUs = control.startAndReport();
        }
        catch (RuntimeException e) {
            throw new AsteriskUnavailableException("Could not start Asterisk with " + choice.script() + ": " + e.getMessage(), e);
        }
        AmiEndpoint endpoint = AmiEndpoint.parse(control.url());
        ManagedAsterisk asterisk = new ManagedAsterisk(TestAsterisk.Mode.ROOTFS, endpoint, control, startedByUs);
        awaitReadyOrFail(asterisk, "the rootfs Asterisk of " + choice.script());
        return asterisk;
    }

    private static void awaitReadyOrFail(ManagedAsterisk asterisk, String what) {
        try {
            asterisk.awaitReady();
        }
        catch (RuntimeException e) {
            asterisk.close();
            throw new AsteriskUnavailableException("Cannot use " + what + ": " + e.getMessage(), e);
        }
    }
}
