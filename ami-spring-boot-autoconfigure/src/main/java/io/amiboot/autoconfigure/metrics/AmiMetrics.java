package io.amiboot.autoconfigure.metrics;

import io.amiboot.autoconfigure.AmiClientOptionsCustomizer;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientObserver;
import io.amiboot.client.AmiClientOptionsBuilder;
import io.amiboot.client.AmiEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of the AMI clients, all tagged with {@code server}:
 * <ul>
 * <li>{@code ami.events.received} (counter, tag {@code event}: the event name, at most
 *     {@code ami.metrics.max-tag-values} distinct names per server, then {@code other});</li>
 * <li>{@code ami.actions} (timer, tags {@code action} (bounded the same way) and {@code outcome}:
 *     {@code success}, {@code error}, {@code timeout}, {@code disconnected});</li>
 * <li>{@code ami.reconnects} (counter), {@code ami.events.dropped} (counter), {@code ami.actions.in.flight} (gauge).</li>
 * </ul>
 * As an {@link AmiClientOptionsCustomizer} it adds its observer to each client's options (keeping any other
 * observer); {@link #bind(AmiClient)} adds the gauge and the event counter once the client exists.
 */
public final class AmiMetrics implements AmiClientOptionsCustomizer {

    private final MeterRegistry registry;

    private final int maxTagValues;

    /**
     * Meters in {@code registry}, registered as clients are customized and bound.
     *
     * @param registry where the meters are registered
     * @param maxTagValues how many distinct event or action names are tagged per server before the rest are tagged
     *     {@code other}
     */
    public AmiMetrics(MeterRegistry registry, int maxTagValues) {
        this.registry = registry;
        this.maxTagValues = maxTagValues;
    }

    @Override
    public void customize(String server, AmiClientOptionsBuilder options) {
        AmiClientObserver existing = options.build().observer();
        AmiClientObserver metrics = new ServerObserver(server);
        options.observer(existing == AmiClientObserver.NONE ? metrics : new CompositeObserver(existing, metrics));
    }

    /**
     * Registers the in-flight gauge and the received-events counter of a client.
     *
     * @param client the client; its server name tags the meters
     * @return the event listener's registration; closing it stops counting events (the gauge stays)
     */
    public AmiClient.Registration bind(AmiClient client) {
        String server = client.options().name();
        Gauge.builder("ami.actions.in.flight", client, AmiClient::inFlightActions)
                .description("AMI actions sent and not yet answered").tag("server", server).register(registry);
        BoundedTagValues names = new BoundedTagValues(maxTagValues);
        Map<String, Counter> counters = new ConcurrentHashMap<>();
        return client.addEventListener((AmiEvent event) -> {
            String name = names.tag(event.name());
            Counter counter = counters.get(name);
            if (counter == null) {
                counter = counters.computeIfAbsent(name, key -> Counter.builder("ami.events.received")
                        .description("AMI events received and delivered").tag("server", server).tag("event", key)
                        .register(registry));
            }
            counter.increment();
        });
    }

    /** Records actions, reconnects and dropped events of one server; called on the event loop, so only cheap work. */
    private final class ServerObserver implements AmiClientObserver {

        private final String server;

        private final BoundedTagValues actions = new BoundedTagValues(maxTagValues);

        private final Map<String, Timer> timers = new ConcurrentHashMap<>();

        private final Counter reconnects;

        private final Counter dropped;

        ServerObserver(String server) {
            this.server = server;
            this.reconnects = Counter.builder("ami.reconnects").description("AMI reconnect attempts")
                    .tag("server", server).register(registry);
            this.dropped = Counter.builder("ami.events.dropped")
                    .description("AMI events dropped because listeners fell behind").tag("server", server).register(registry);
        }

        @Override
        public void actionCompleted(String actionName, long nanos, Outcome outcome) {
            String action = actions.tag(actionName);
            String key = action + '\n' + outcome;
            Timer timer = timers.get(key);
            if (timer == null) {
                timer = timers.computeIfAbsent(key, k -> Timer.builder("ami.actions")
                        .description("AMI actions by name and outcome, from sending to the complete response")
                        .tag("server", server).tag("action", action).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(registry));
            }
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void reconnecting(int attempt) {
            reconnects.increment();
        }

        @Override
        public void eventsDropped(long count) {
            dropped.increment(count);
        }
    }

    /** Two observers, both told everything. */
    private record CompositeObserver(AmiClientObserver first, AmiClientObserver second) implements AmiClientObserver {

        @Override
        public void actionSent(String actionName) {
            first.actionSent(actionName);
            second.actionSent(actionName);
        }

        @Override
        public void actionCompleted(String actionName, long nanos, Outcome outcome) {
            first.actionCompleted(actionName, nanos, outcome);
            second.actionCompleted(actionName, nanos, outcome);
        }

        @Override
        public void reconnecting(int attempt) {
            first.reconnecting(attempt);
            second.reconnecting(attempt);
        }

        @Override
        public void eventsDropped(long count) {
            first.eventsDropped(count);
            second.eventsDropped(count);
        }
    }
}
