package io.amiboot.benchmarks;

import com.sun.management.UnixOperatingSystemMXBean;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.AmiClientOptionsBuilder;
import io.amiboot.client.AmiClientResources;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fleet in one JVM: {@code connections} clients on one {@link AmiClientResources} (as many I/O threads as
 * cores), each logged in to the loopback {@link FleetPeer}, which then sends each of them the capture's events
 * {@code repeats} times at once. Measures the threads the clients add (all threads of the JVM before the
 * resources were made against after the last login, the peer's one thread already running), heap per connection
 * (after a full GC, the peer's share included), the resident set before and after (and its growth per connection
 * when the heap cannot resize, {@code -Xms} equal to {@code -Xmx}: otherwise a GC that gives heap back to the
 * system after the warm-up makes it shrink), the time from the first {@code connect()} to the last
 * login, and the events delivered to no-op listeners per second over all connections, from the first byte
 * streamed to the last event delivered.
 */
public final class FleetBenchmark {

    /** What one run measured. */
    public record Result(int connections, int threadsBefore, int threadsAdded, Map<String, Integer> addedByName,
            long heapBytesPerConnection, long rssBefore, long rssAfterLogins, long loginNanos, long eventsSent,
            long eventsDelivered, long dropped, long streamNanos) {

        public double eventsPerSecond() {
            return eventsDelivered * 1e9 / streamNanos;
        }
    }

    /** Events the fleet benchmark sends over all its connections together. */
    static final long FLEET_EVENTS = 10_000_000;

    /** Runs the fleet benchmark (one warm-up run with a tenth of the connections) and renders its table. */
    public static String report(int connections) throws Exception {
        int warmUp = Math.max(1, connections / 10);
        new FleetBenchmark(warmUp, repeatsFor(warmUp, FLEET_EVENTS / 10)).run();
        return report(new FleetBenchmark(connections, repeatsFor(connections, FLEET_EVENTS)).run());
    }

    /** Renders one run of the fleet benchmark as Markdown. */
    static String report(Result result) {
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Fleet: %,d AMI connections in one JVM to a"
                + " loopback replay peer, all clients on one AmiClientResources (%d I/O threads)%n%n", result.connections(), cores));
        out.append("| measure | value | goal |\n|---|---:|---:|\n");
        out.append(String.format(Locale.ROOT, "| threads the clients added (%,d before) | %,d | at most %d |%n",
                result.threadsBefore(), result.threadsAdded(), 2 * cores + 8));
        out.append(String.format(Locale.ROOT, "| heap per connection, after a full GC | %,d B | |%n", result.heapBytesPerConnection()));
        out.append(String.format(Locale.ROOT, "| RSS of the JVM before the clients / after the last login | %,d / %,d MB | |%n",
                result.rssBefore() >> 20, result.rssAfterLogins() >> 20));
        out.append(fixedHeap() ? String.format(Locale.ROOT, "| RSS growth per connection | %,d B | |%n",
                (result.rssAfterLogins() - result.rssBefore()) / result.connections())
                : "| RSS growth per connection | not measured: the heap may resize (run with -Xms equal to -Xmx) | |\n");
        out.append(String.format(Locale.ROOT, "| from the first connect to the last login | %,.0f ms | |%n", result.loginNanos() / 1e6));
        out.append(String.format(Locale.ROOT, "| events delivered / sent (dropped) | %,d / %,d (%,d) | |%n",
                result.eventsDelivered(), result.eventsSent(), result.dropped()));
        out.append(String.format(Locale.ROOT, "| events/s delivered, all connections | %,.0f | at least 1,000,000 |%n",
                result.eventsPerSecond()));
        out.append("\nThreads added, by name: ").append(result.addedByName()).append('\n');
        return out.toString();
    }

    /** Descriptors kept free beside the two per connection (client end and peer end, both in this JVM). */
    static final long SPARE_DESCRIPTORS = 200;

    private final byte[] events = Capture.events();

    private final int connections;

    private final int repeats;

    /**
     * @param connections the clients, each on its own connection
     * @param repeats the copies of the capture's events each connection is sent
     */
    public FleetBenchmark(int connections, int repeats) {
        this.connections = connections;
        this.repeats = repeats;
    }

    /** Copies per connection for about {@code events} events over the whole fleet (at least one). */
    public static int repeatsFor(int connections, long events) {
        return (int) Math.max(1, events / ((long) connections * Capture.countMessages(Capture.events())));
    }

    /** The events one run sends over all connections. */
    public long eventsSent() {
        return (long) Capture.countMessages(events) * repeats * connections;
    }

    public Result run() throws Exception {
        requireDescriptors(connections);
        try (FleetPeer peer = new FleetPeer(events, connections)) {
            int threadsBefore = threadCount();
            Map<String, Integer> namesBefore = threadsByName();
            long heapBefore = heapAfterGc();
            long rssBefore = rss();
            LongAdder delivered = new LongAdder();
            List<AmiClient> fleet = new ArrayList<>(connections);
            try (AmiClientResources shared = AmiClientResources.builder().name("fleet")
                    .ioThreads(Runtime.getRuntime().availableProcessors()).build()) {
                try {
                    AmiClientOptionsBuilder options = AmiClientOptions.builder(peer.url()).keepaliveInterval(Duration.ZERO)
                            .connectTimeout(Duration.ofSeconds(30)).actionTimeout(Duration.ofSeconds(30));
                    for (int i = 0; i < connections; i++) {
                        AmiClient client = AmiClient.create(shared, options.name("fleet-" + i).build());
                        client.addEventListener(event -> delivered.increment());
                        fleet.add(client);
                    }
                    long start = System.nanoTime();
                    CompletableFuture.allOf(fleet.stream().map(AmiClient::connect).toArray(CompletableFuture[]::new))
                            .get(5, TimeUnit.MINUTES);
                    long loginNanos = System.nanoTime() - start;
                    int threadsAdded = threadCount() - threadsBefore;
                    Map<String, Integer> added = added(namesBefore, threadsByName());
                    long heapPerConnection = (heapAfterGc() - heapBefore) / connections;
                    long rssAfterLogins = rss();

                    long streamStart = System.nanoTime();
                    peer.stream(repeats);
                    long expected = eventsSent();
                    long lastNanos = awaitDelivered(delivered, fleet, expected);
                    return new Result(connections, threadsBefore, threadsAdded, added, heapPerConnection, rssBefore,
                            rssAfterLogins, loginNanos, expected, delivered.sum(), dropped(fleet), lastNanos - streamStart);
                }
                finally {
                    fleet.parallelStream().forEach(AmiClient::close);
                }
            }
        }
    }

    /**
     * Waits until every event was delivered or dropped, or nothing moved for 10 s.
     * @return when the last delivered event was counted, by {@link System#nanoTime()}
     */
    private static long awaitDelivered(LongAdder delivered, List<AmiClient> fleet, long expected) throws InterruptedException {
        long seen = -1;
        long lastNanos = System.nanoTime();
        long stalledSince = lastNanos;
        while (true) {
            long now = delivered.sum();
            long nowNanos = System.nanoTime();
            if (now != seen) {
                seen = now;
                lastNanos = nowNanos;
                stalledSince = nowNanos;
            }
            if (now + dropped(fleet) >= expected || nowNanos - stalledSince > TimeUnit.SECONDS.toNanos(10)) {
                return lastNanos;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private static long dropped(List<AmiClient> fleet) {
        return fleet.stream().mapToLong(AmiClient::droppedEvents).sum();
    }

    /**
     * Fails with what to do when this JVM may not open two descriptors per connection.
     * @throws IllegalStateException naming the limit and what the run needs
     */
    static void requireDescriptors(int connections) {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix)) {
            return;
        }
        long needed = unix.getOpenFileDescriptorCount() + 2L * connections + SPARE_DESCRIPTORS;
        if (needed > unix.getMaxFileDescriptorCount()) {
            throw new IllegalStateException(String.format("%,d connections need about %,d file descriptors (the client's"
                    + " and the peer's end of each, both in this JVM) but the limit is %,d: raise it (ulimit -n %d) or pass"
                    + " a smaller --connections", connections, needed, unix.getMaxFileDescriptorCount(), needed));
        }
    }

    private static int threadCount() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Live threads by name with any trailing number dropped ({@code ami-events-fleet-12} → {@code ami-events-fleet}). */
    private static Map<String, Integer> threadsByName() {
        Map<String, Integer> byName = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            byName.merge(thread.getName().replaceAll("[-#]?\\d+(-\\d+)*$", ""), 1, Integer::sum);
        }
        return byName;
    }

    private static Map<String, Integer> added(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> added = new TreeMap<>();
        after.forEach((name, count) -> {
            int more = count - before.getOrDefault(name, 0);
            if (more != 0) {
                added.put(name, more);
            }
        });
        return added;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Whether the heap's size is fixed ({@code -Xms} equal to {@code -Xmx}), so that RSS moves only with what else is used. */
    private static boolean fixedHeap() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getInit() == heap.getMax();
    }

    /** The resident set of this process ({@code VmRSS}), 0 where {@code /proc} does not say. */
    private static long rss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }
}
