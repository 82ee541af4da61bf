package io.amiboot.autoconfigure;

import io.amiboot.client.AmiAuthenticationException;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionEvent;
import io.amiboot.client.AmiConnectionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the clients with the application context and closes them when it stops. Starting does not wait
 * for Asterisk (the clients connect and reconnect in the background) unless {@code ami.startup.wait} is on;
 * then it waits up to {@code ami.startup.timeout} for every first login and fails startup with
 * {@link AmiStartupException} if one does not happen (at once if Asterisk refuses the credentials).
 */
public final class AmiClientsLifecycle implements SmartLifecycle {

    /** Before the web server starts and after it stops, so requests in flight can still use AMI. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger logger = LoggerFactory.getLogger(AmiClientsLifecycle.class);

    private final AmiClients clients;

    private final boolean waitForLogin;

    private final Duration timeout;

    private volatile boolean running;

    /**
     * Manages the start and stop of {@code clients}; nothing happens until {@link #start()}.
     *
     * @param clients the clients to start and close
     * @param startup whether and how long {@link #start()} waits for the first logins
     */
    public AmiClientsLifecycle(AmiClients clients, AmiProperties.Startup startup) {
        this.clients = clients;
        this.waitForLogin = startup.isWait();
        this.timeout = startup.getTimeout();
    }

    @Override
    public void start() {
        clients.forEach(AmiClient::start);
        running = true;
        if (waitForLogin) {
            awaitFirstLogins();
        }
    }

    private void awaitFirstLogins() {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> failures = new ArrayList<>();
        Throwable firstCause = null;
        for (var entry : clients.asMap().entrySet()) {
            AmiClient client = entry.getValue();
            AmiConnectionEvent last;
            AmiConnectionEvent lastFailure = null;
            while (true) {
                last = client.lastConnectionEvent();
                if (last.cause() != null) {
                    lastFailure = last;
                }
                boolean refused = last.cause() instanceof AmiAuthenticationException;
                // The CONNECTED notice, not the state: it follows CoreSettings, so the Asterisk version is known.
                if (last.state() == AmiConnectionState.CONNECTED || refused || client.state() == AmiConnectionState.CLOSED
                        || System.nanoTime() >= deadline) {
                    break;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (client.state() != AmiConnectionState.CONNECTED) {
                // At the deadline the client may be in its next attempt: the failure of the one before is the reason.
                String why = last.cause() != null ? last.cause().getMessage()
                        : lastFailure != null ? lastFailure.cause().getMessage() + " (now " + client.state() + " again)"
                        : "no answer yet (" + client.state() + ")";
                String what = last.cause() instanceof AmiAuthenticationException ? "was refused" : "did not log in within " + timeout;
                failures.add("server '" + entry.getKey() + "' (" + client.options().url() + ") " + what + ": " + why);
                if (firstCause == null) {
                    firstCause = last.cause() != null ? last.cause() : lastFailure == null ? null : lastFailure.cause();
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AmiStartupException(failures, firstCause);
        }
        logger.debug("All {} AMI clients logged in", clients.size());
    }

    @Override
    public void stop() {
        running = false;
        clients.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
