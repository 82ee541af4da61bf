package io.amiboot.live;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.AmiClientOptionsBuilder;
import io.amiboot.client.AmiEvent;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A client logged in to the real Asterisk and a started live model fed by it, for the live model's ITs; closing it
 * hangs up the channels the test calls its own, then closes the model and the client.
 */
final class LiveModelSession implements AutoCloseable {

    /** How long an IT waits for the real Asterisk and the model. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    final AmiClient client;

    final LiveModel model;

    private final Predicate<AmiEvent> ownChannel;

    private LiveModelSession(AmiClient client, LiveModel model, Predicate<AmiEvent> ownChannel) {
        this.client = client;
        this.model = model;
        this.ownChannel = ownChannel;
    }

    /**
     * Connects a client named {@code name}, starts a model on it and waits for its first snapshot.
     *
     * @param eventMask the client's event mask, or {@code null} for the client's default
     * @param ownChannel which {@code CoreShowChannel} entries are the test's, hung up on close
     */
    static LiveModelSession open(TestAsterisk asterisk, String name, String eventMask, Predicate<AmiEvent> ownChannel)
            throws Exception {
        AmiClientOptionsBuilder options = AmiClientOptions.builder(asterisk.amiUrl()).name(name);
        if (eventMask != null) {
            options.eventMask(eventMask);
        }
        AmiClient client = AmiClient.create(options.build());
        client.connect().get(30, TimeUnit.SECONDS);
        LiveModelSession session = new LiveModelSession(client, new LiveModel(client, Clock.systemUTC()).start(), ownChannel);
        await("the first snapshot", () -> session.model.snapshot().connected());
        return session;
    }

    /** Hangs up every channel Asterisk lists that is the test's own; a channel gone meanwhile is no failure. */
    void hangUpOwnChannels() throws InterruptedException, ExecutionException, TimeoutException {
        for (AmiEvent channel : client.send(AmiAction.of("CoreShowChannels")).get(10, TimeUnit.SECONDS).events()) {
            if (channel.get("Channel") != null && ownChannel.test(channel)) {
                client.send(AmiAction.builder("Hangup").header("Channel", channel.get("Channel")).build())
                        .exceptionally(ignored -> null).get(10, TimeUnit.SECONDS);
            }
        }
    }

    static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        try {
            hangUpOwnChannels();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            model.close();
            client.close();
        }
    }
}
