package io.amiboot.benchmarks;

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
 * [--sockets N] [--rate N] [--seconds N] [--only events,ping,dashboard,threads]} (threads: only when asked);
 * the Asterisk URL defaults to {@code AMIBOOT_ASTERISK_URL}.
 */
public final class Benchmarks {

    /** Measured runs of the event benchmark after the warm-up; the median of each client is reported. */
    static final int MEASURED_RUNS = 7;

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = 2_000;
        int pings = 20_000;
        int sockets = 100;
        int rate = 2_000;
        int seconds = 10;
        String asterisk = System.getenv("AMIBOOT_ASTERISK_URL");
        Set<String> only = Set.of("events", "ping", "dashboard");
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
                case "--pings" -> pings = Integer.parseInt(args[i + 1]);
                case "--asterisk" -> asterisk = args[i + 1];
                case "--sockets" -> sockets = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--only" -> only = Set.of(args[i + 1].split(","));
                default -> throw new IllegalArgumentException("Unknown argument " + args[i] + "; expected --repeats N,"
                        + " --pings N, --asterisk ami://user:secret@host:port, --sockets N, --rate N, --seconds N,"
                        + " --only events,ping,dashboard,threads");
            }
        }
        System.out.println(header());
        if (only.contains("events")) {
            System.out.println(eventsReport(repeats));
        }
        if (only.contains("ping")) {
            System.out.println(pingReport(pings, asterisk));
        }
        if (only.contains("dashboard")) {
            System.out.println(dashboardReport(sockets, rate, seconds));
        }
        if (only.contains("threads")) {
            System.out.println(io.amiboot.benchmarks.threads.FleetThreadsBenchmark.report(asterisk));
        }
        System.exit(0);
    }

    /** Runs the dashboard latency benchmark and renders its table as Markdown. */
    public static String dashboardReport(int sockets, int rate, int seconds) throws Exception {
        List<DashboardLatencyBenchmark.Result> results =
                new DashboardLatencyBenchmark(sockets, rate, Duration.ofSeconds(3), Duration.ofSeconds(seconds)).runAll();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Dashboard: AMI event to WebSocket client, %d s measured after 3 s of warm-up%n%n", seconds));
        out.append("| run | events received / expected | dropped by the client / the relay | p50 | p99 | max |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (DashboardLatencyBenchmark.Result result : results) {
            out.append(String.format(Locale.ROOT, "| %s | %,d / %,d | %,d / %,d | %.2f ms | %.2f ms | %.2f ms |%n", result.name(),
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
        EndToEndBenchmark.Result typed = runs.get(runs.size() - 1).get(3);
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
