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
 * {@code ami.servers.*}, all pointed at one Asterisk, as a non-web app and as a Servlet (Tomcat) app: each in a
 * JVM of its own (so none inherits another's heap or threads), measured once every client is connected and has
 * answered a Ping.
 */
public final class FleetThreadsBenchmark {

    /** The servers of the second run. */
    static final int FLEET = 100;

    private FleetThreadsBenchmark() {
    }

    /** Runs both sizes in child JVMs and renders their figures as Markdown. */
    public static String report(String asterisk) throws Exception {
        String url = asterisk == null || asterisk.isBlank() ? "ami://amiboot:amiboot@127.0.0.1:15038" : asterisk;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Threads: an app on the starter, all servers pointed at %s, each app and size in its own JVM%n%n",
                url.replaceAll(":[^:@/]+@", ":******@")));
        out.append("| app | servers | live threads | RSS | load average (1 min) |\n|---|---:|---:|---:|---:|\n");
        StringBuilder added = new StringBuilder();
        for (WebApplicationType kind : List.of(WebApplicationType.NONE, WebApplicationType.SERVLET)) {
            Figures one = child(url, 1, kind);
            Figures fleet = child(url, FLEET, kind);
            for (Figures figures : List.of(one, fleet)) {
                out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d MB | %s |%n", name(kind), figures.servers,
                        figures.threads, figures.rssKb / 1024, figures.load));
            }
            added.append(String.format(Locale.ROOT, "%s: %d servers add %d threads over one (goal: at most 12).%n", name(kind),
                    FLEET, fleet.threads - one.threads));
        }
        return out.append('\n').append(added).toString();
    }

    private static String name(WebApplicationType kind) {
        return kind == WebApplicationType.SERVLET ? "Servlet (Tomcat)" : "non-web";
    }

    private static Figures child(String url, int servers, WebApplicationType kind) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FleetThreadsBenchmark.class.getName(), url, Integer.toString(servers), kind.name()).redirectErrorStream(true).start();
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
        WebApplicationType kind = WebApplicationType.valueOf(args[2]);
        List<String> arguments = new ArrayList<>(List.of("--spring.config.name=amiboot-benchmarks-none",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--ami.startup.wait=true",
                "--server.port=0", "--server.address=127.0.0.1"));
        for (int i = 1; i <= servers; i++) {
            arguments.add("--ami.servers.pbx" + i + ".url=" + url);
        }
        SpringApplication application = new SpringApplication(FleetApp.class);
        application.setWebApplicationType(kind);
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
