package io.amiboot.benchmarks.threads;

import io.amiboot.autoconfigure.AmiClients;
import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiConnectionState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Threads and RSS of a Boot app on the starter with 1 and then with {@value #FLEET} servers in
 * {@code ami.servers.*}, all pointed at one Asterisk: each size in a JVM of its own (so neither inherits the
 * other's heap or threads), measured once every client is connected and has answered a Ping.
 */
public final class FleetThreadsBenchmark {

    /** The servers of the second run. */
    static final int FLEET = 100;

    private FleetThreadsBenchmark() {
    }

    /** Runs both sizes in child JVMs and renders their figures as Markdown. */
    public static String report(String asterisk) throws Exception {
        String url = asterisk == null || asterisk.isBlank() ? "ami://amiboot:amiboot@127.0.0.1:15038" : asterisk;
        Figures one = child(url, 1);
        Figures fleet = child(url, FLEET);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Threads: a non-web app on the starter, all servers pointed at %s, each size in its own JVM%n%n",
                url.replaceAll(":[^:@/]+@", ":******@")));
        out.append("| servers | live threads | RSS | load average (1 min) |\n|---:|---:|---:|---:|\n");
        for (Figures figures : List.of(one, fleet)) {
            out.append(String.format(Locale.ROOT, "| %d | %d | %d MB | %s |%n", figures.servers, figures.threads,
                    figures.rssKb / 1024, figures.load));
        }
        out.append(String.format(Locale.ROOT, "%n%d servers add %d threads over one (goal: at most 12).%n", FLEET,
                fleet.threads - one.threads));
        return out.toString();
    }

    private static Figures child(String url, int servers) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FleetThreadsBenchmark.class.getName(), url, Integer.toString(servers)).redirectErrorStream(true).start();
        String last = null;
        java.util.ArrayDeque<String> tail = new java.util.ArrayDeque<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("FIGURES ")) {
                    last = line;
                }
                else if (tail.size() < 20) {
                    tail.add(line);
                }
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("The " + servers + "-server app did not end within 5 minutes");
        }
        if (last == null) {
            throw new IllegalStateException("The " + servers + "-server app gave no figures (exit " + process.exitValue() + "): "
                    + String.join("\n", tail));
        }
        String[] parts = last.split(" ");
        return new Figures(servers, Integer.parseInt(parts[1]), Long.parseLong(parts[2]), parts[3]);
    }

    /** In the child JVM: starts the app, waits for every client, prints {@code FIGURES threads rssKb load}, exits. */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int servers = Integer.parseInt(args[1]);
        List<String> arguments = new ArrayList<>(List.of("--spring.config.name=amiboot-benchmarks-none",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--ami.startup.wait=true"));
        for (int i = 1; i <= servers; i++) {
            arguments.add("--ami.servers.pbx" + i + ".url=" + url);
        }
        SpringApplication application = new SpringApplication(FleetApp.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        int code = 0;
        try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
            List<AmiClient> clients = new ArrayList<>();
            context.getBean(AmiClients.class).forEach(clients::add);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (clients.stream().anyMatch(client -> client.state() != AmiConnectionState.CONNECTED)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Not every client connected within 60 s");
                }
                Thread.sleep(50);
            }
            CompletableFuture.allOf(clients.stream().map(client -> client.send(AmiAction.of("Ping")))
                    .toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            // Let what starts lazily (callback and event threads, JIT compilers) start before counting.
            Thread.sleep(2_000);
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            System.out.println("FIGURES " + threads + " " + rssKb() + " " + loadAverage());
        }
        catch (Exception ex) {
            ex.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private record Figures(int servers, int threads, long rssKb, String load) {
    }

    /** The app: the starter's auto-configuration and nothing of its own. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class FleetApp {
    }
}
