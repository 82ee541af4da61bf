package io.amiboot.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The live call dashboard: a WebFlux app showing and controlling the calls of one or several Asterisk servers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DashboardApplication {

    /** The application's configuration, created by Spring; start the dashboard with {@link #main(String[])}. */
    public DashboardApplication() {
    }

    /**
     * Starts the dashboard; it listens on {@code server.port} (8080 unless set) and connects to the Asterisk of
     * {@code ami.*} (or of each of {@code ami.servers.*}).
     *
     * @param args Spring Boot's command-line arguments, such as {@code --ami.url=ami://user:secret@127.0.0.1:5038}
     */
    public static void main(String[] args) {
        SpringApplication.run(DashboardApplication.class, args);
    }
}
