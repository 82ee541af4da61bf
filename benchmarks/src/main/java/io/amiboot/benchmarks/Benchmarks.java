package io.amiboot.benchmarks;

import io.amiboot.benchmarks.threads.FleetThreadsBenchmark;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the end-to-end event benchmark on the replay peer, the pipelined Ping benchmark when an Asterisk URL is
 * given, and the dashboard latency benchmark, then prints their tables. Events: one warm-up run, then the
 * median of seven; Ping: one warm-up run, then the median of five rounds. Arguments: {@code [--repeats N] [--pings N] [--asterisk ami://…]
 * [--sockets N] [--rate N] [--seconds N] [--connections N] [--only events,ping,dashboard,fleet,threads] | --help}
 * ({@link #OPTIONS}; threads runs only when asked);
 * the Asterisk URL defaults to {@code AMIBOOT_ASTERISK_URL}. Anything else is answered with the usage.
 */
public final class Benchmarks {

    /** Measured runs of the event benchmark after the warm-up; the median of each client is reported. */
    static final int MEASURED_RUNS = 7;

    /** The parts {@code --only} may name. */
    static final List<String> PARTS = List.of("events", "ping", "dashboard", "fleet", "threads");

    /** The parts run when {@code --only} is not given: threads starts two apps against the Asterisk, only when asked. */
    static final List<String> DEFAULT_PARTS = PARTS.subList(0, 4);

    /** The options, their defaults and their usage lines. */
    static final List<BenchmarkArguments.Option> OPTIONS = List.of(
            new BenchmarkArguments.Option("--repeats", "N", "2000", "events: times the capture is replayed"),
            new BenchmarkArguments.Option("--pings", "N", "20000", "ping: pings per round"),
            new BenchmarkArguments.Option("--asterisk", "URL", null,
                    "ping: the Asterisk, ami://user:secret@host:port (default AMIBOOT_ASTERISK_URL)"),
            new BenchmarkArguments.Option("--sockets", "N", "100", "dashboard: WebSocket clients"),
            new BenchmarkArguments.Option("--rate", "N", "2000", "dashboard: AMI events per second"),
            new BenchmarkArguments.Option("--seconds", "N", "10", "dashboard: seconds measured"),
            new BenchmarkArguments.Option("--connections", "N", "1000", "fleet: AMI connections in one JVM"),
            new BenchmarkArguments.Option("--only", "PART,...", String.join(",", DEFAULT_PARTS), "the parts to run, of " + String.join(",", PARTS)));

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the parts {@code args} ask for and prints their tables to {@code out}; {@code --help} prints the usage
     * there, a command line that cannot be run prints what is wrong and the usage to {@code err}, and neither runs
     * anything.
     *
     * @return the exit status: 0, or 2 for a command line that cannot be run
     */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        BenchmarkArguments arguments;
        Set<String> only;
        int repeats;
        int pings;
        int sockets;
        int rate;
        int seconds;
        int connections;
        try {
            arguments = BenchmarkArguments.parse(OPTIONS, args);
            if (arguments.help()) {
                out.print(BenchmarkArguments.usage(OPTIONS));
                return 0;
            }
            only = arguments.oneOf("--only", PARTS);
            repeats = arguments.positive("--repeats");
            pings = arguments.positive("--pings");
            sockets = arguments.positive("--sockets");
            rate = arguments.positive("--rate");
            seconds = arguments.positive("--seconds");
            connections = arguments.positive("--connections");
        } catch (BenchmarkArguments.UsageException wrong) {
            err.println(wrong.getMessage());
            err.print(BenchmarkArguments.usage(OPTIONS));
            return 2;
        }
        String asterisk = arguments.text("--asterisk");
        if (asterisk == null) {
            asterisk = System.getenv("AMIBOOT_ASTERISK_URL");
        }
        out.println(header());
        if (only.contains("events")) {
            out.println(eventsReport(repeats));
        }
        if (only.contains("ping")) {
            out.println(pingReport(pings, asterisk));
        }
        if (only.contains("dashboard")) {
            out.println(dashboardReport(sockets, rate, seconds));
        }
        if (only.contains("fleet")) {
            out.println(FleetBenchmark.report(connections));
        }
        if (only.contains("threads")) {
            out.println(FleetThreadsBenchmark.report(asterisk));
        }
        return 0;
    }

    /** Runs the dashboard latency benchmark and renders its table as Markdown. */
    public static String dashboardReport(int sockets, int rate, int seconds) throws Exception {
        List<DashboardLatencyBenchmark.Result> results =
                new DashboardLatencyBenchmark(sockets, rate, Duration.ofSeconds(3), Duration.ofSeconds(seconds)).runAll();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Dashboard: AMI event to WebSocket client, %d s measured after 3 s of warm-up%n%n", seconds));
        out.append("| run | sockets open (time to open) | events received / expected | dropped by the client / the relay | p50 | p99 | max |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (DashboardLatencyBenchmark.Result result : results) {
            out.append(String.format(Locale.ROOT, "| %s | %,d / %,d (%.1f s) | %,d / %,d | %,d / %,d | %.2f ms | %.2f ms | %.2f ms |%n",
                    result.name(), result.opened(), result.sockets(), result.openTime().toMillis() / 1e3,
                    result.latencies().length, result.expected(), result.clientDropped(), result.relayDropped(),
                    result.percentile(0.5) / 1e6, result.percentile(0.99) / 1e6, result.max() / 1e6));
        }
        return out.toString();
    }

    /** The machine the figures come from. */
    static String header() {
        return String.format(Locale.ROOT, "Measured %s on %d cores, %s %s (%s), %s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.arch"), System.getProperty("os.name"));
    }

    /** Runs the end-to-end event benchmark and renders its table as Markdown. */
    static String eventsReport(int repeats) throws Exception {
        StringBuilder out = new StringBuilder();
        EndToEndBenchmark endToEnd = new EndToEndBenchmark(repeats);
        endToEnd.runAll(); // warm-up: the JIT compiles every client's hot path before the measured runs
        List<List<EndToEndBenchmark.Result>> runs = new ArrayList<>();
        for (int i = 0; i < MEASURED_RUNS; i++) {
            runs.add(endToEnd.runAll());
        }
        out.append(String.format(Locale.ROOT, "Events, replay peer on loopback, %,d events sent (the capture's %,d events x %,d),"
                + " median of %d runs; the ratios are the medians of each run's own ratios%n%n", endToEnd.eventsSent(),
                endToEnd.eventsSent() / repeats, repeats, MEASURED_RUNS));
        out.append("| run | events delivered | dropped | events/s | of ceiling | x asterisk-java |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (int client = 0; client < EndToEndBenchmark.RUNS.size(); client++) {
            int index = client;
            List<EndToEndBenchmark.Result> ofClient = new ArrayList<>(runs.stream().map(run -> run.get(index)).toList());
            ofClient.sort(Comparator.comparingDouble(EndToEndBenchmark.Result::perSecond));
            EndToEndBenchmark.Result median = ofClient.get(ofClient.size() / 2);
            // Paired within each run, so that the machine's drift from run to run does not skew the ratio.
            double ofCeiling = median(runs.stream().mapToDouble(run -> run.get(index).perSecond() / run.get(0).perSecond()));
            double ofAsteriskJava = median(runs.stream().mapToDouble(run -> run.get(index).perSecond()
                    / run.get(EndToEndBenchmark.ASTERISK_JAVA).perSecond()));
            out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,.0f | %.0f %% | %.1f |%n", median.name(),
                    median.events(), median.dropped(), median.perSecond(), 100 * ofCeiling, ofAsteriskJava));
        }
        EndToEndBenchmark.Result typed = runs.get(runs.size() - 1).get(EndToEndBenchmark.TYPED);
        out.append(String.format(Locale.ROOT, "%nThe typed row's listener takes ChannelEvent, which %,d of the capture's %,d"
                + " events are; in the last run it received %,d of them (of %,d sent), reading Channel, Uniqueid and"
                + " ChannelStateDesc of each; its events/s counts every AMI event the starter published.%n",
                endToEnd.channelEventsSent() / repeats, endToEnd.eventsSent() / repeats, typed.typed(),
                endToEnd.channelEventsSent()));
        return out.toString();
    }

    private static double median(java.util.stream.DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /** Runs the pipelined Ping benchmark against {@code asterisk} and renders its table as Markdown. */
    static String pingReport(int pings, String asterisk) throws Exception {
        StringBuilder out = new StringBuilder();
        if (asterisk == null || asterisk.isBlank()) {
            out.append("Pipelined Ping: no Asterisk given (--asterisk or AMIBOOT_ASTERISK_URL); not measured.\n");
            return out.toString();
        }
        PipelinedPingBenchmark pingBenchmark = new PipelinedPingBenchmark(asterisk, pings);
        pingBenchmark.runAll(); // warm-up, as above
        List<PipelinedPingBenchmark.Result> pingResults = pingBenchmark.runAll();
        double pingCeiling = pingResults.get(0).perSecond();
        out.append(String.format(Locale.ROOT, "Pipelined Ping against the real Asterisk, %,d pings, median of %d rounds%n%n",
                pings, PipelinedPingBenchmark.ROUNDS));
        out.append("| run | pings | pings/s | rounds, slowest – fastest | of ceiling |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        for (PipelinedPingBenchmark.Result result : pingResults) {
            out.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f – %,.0f | %.0f %% |%n", result.name(),
                    result.pings(), result.perSecond(), result.slowestPerSecond(), result.fastestPerSecond(),
                    100 * result.perSecond() / pingCeiling));
        }
        return out.toString();
    }
}
