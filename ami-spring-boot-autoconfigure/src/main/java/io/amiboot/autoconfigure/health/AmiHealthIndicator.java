package io.amiboot.autoconfigure.health;

import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionEvent;
import io.amiboot.client.AmiConnectionState;
import io.amiboot.client.AmiEvent;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one AMI client, from its connection state alone (no action is sent): UP while logged in, with the
 * Asterisk version and uptime; DOWN otherwise, with the reason and the next reconnect attempt. While the client
 * tries again, the reason still says why the connection was lost or the last attempt failed.
 *
 * <p>The uptime comes from the {@code FullyBooted} event Asterisk sends at each login (it needs the
 * {@code system} read class); it is left out when that event was not seen.
 */
public final class AmiHealthIndicator implements HealthIndicator, AutoCloseable {

    private final AmiClient client;

    private final AmiClient.Registration registration;

    private final AmiClient.Registration connectionRegistration;

    /** The last connection loss or failed attempt since the client was last connected, or {@code null}. */
    private volatile AmiConnectionEvent lastFailure;

    /** {@link System#nanoTime()} at Asterisk's start, from the last FullyBooted, or {@code Long.MIN_VALUE}. */
    private volatile long bootedAtNanos = Long.MIN_VALUE;

    /**
     * Starts listening to the client's events and connection changes, until {@link #close()}.
     *
     * @param client the client whose health this reports
     */
    public AmiHealthIndicator(AmiClient client) {
        this.client = client;
        this.registration = client.addEventListener(this::onEvent);
        this.connectionRegistration = client.addConnectionListener(this::onStateChange);
    }

    private void onStateChange(AmiConnectionEvent event) {
        if (event.state() == AmiConnectionState.CONNECTED) {
            lastFailure = null;
        }
        else if (event.cause() != null) {
            lastFailure = event;
        }
    }

    private void onEvent(AmiEvent event) {
        if (event.is("FullyBooted")) {
            String uptime = event.get("Uptime");
            if (uptime != null) {
                try {
                    bootedAtNanos = System.nanoTime() - Duration.ofSeconds(Long.parseLong(uptime.trim())).toNanos();
                }
                catch (NumberFormatException ex) {
                    // Leave the uptime out.
                }
            }
        }
    }

    @Override
    public Health health() {
        AmiConnectionState state = client.state();
        AmiConnectionEvent last = client.lastConnectionEvent();
        String address = client.options().url().host() + ":" + client.options().url().port();
        if (state == AmiConnectionState.CONNECTED) {
            Health.Builder up = Health.up().withDetail("address", address);
            if (client.asteriskVersion() != null) {
                up.withDetail("asteriskVersion", client.asteriskVersion());
            }
            if (client.managerVersion() != null) {
                up.withDetail("amiVersion", client.managerVersion());
            }
            long bootedAt = bootedAtNanos;
            if (bootedAt != Long.MIN_VALUE) {
                up.withDetail("uptime", Duration.ofSeconds(Duration.ofNanos(System.nanoTime() - bootedAt).toSeconds()).toString());
            }
            up.withDetail("inFlightActions", client.inFlightActions());
            up.withDetail("droppedEvents", client.droppedEvents());
            return up.build();
        }
        Health.Builder down = Health.down().withDetail("address", address).withDetail("state", state.name());
        down.withDetail("reason", reason(state, last, lastFailure));
        if (last.nextAttemptIn() != null && state == AmiConnectionState.DISCONNECTED) {
            down.withDetail("nextAttemptIn", last.nextAttemptIn().toString());
        }
        if (client.reconnectAttempts() > 0) {
            down.withDetail("reconnectAttempts", client.reconnectAttempts());
        }
        return down.build();
    }

    private static String reason(AmiConnectionState state, AmiConnectionEvent last, AmiConnectionEvent lastFailure) {
        if (last.cause() != null && last.cause().getMessage() != null) {
            return last.cause().getMessage();
        }
        if (state == AmiConnectionState.CONNECTING && lastFailure != null && lastFailure.cause().getMessage() != null) {
            // A retry in progress says nothing by itself; what went wrong before it is what an operator needs.
            return "Reconnecting; the last attempt failed: " + lastFailure.cause().getMessage();
        }
        return switch (state) {
            case NEW -> "Not started yet";
            case CONNECTING -> "Connecting";
            case CLOSED -> "Closed";
            default -> "Disconnected";
        };
    }

    /** Stops watching the client's events. */
    @Override
    public void close() {
        registration.close();
        connectionRegistration.close();
    }
}
