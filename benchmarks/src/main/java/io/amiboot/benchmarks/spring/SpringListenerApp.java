package io.amiboot.benchmarks.spring;

import io.amiboot.autoconfigure.events.AmiApplicationEvent;
import io.amiboot.benchmarks.EndToEndBenchmark.Counter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** A non-web Boot app on the starter whose one {@code @EventListener} counts AMI events. */
@SpringBootApplication
public class SpringListenerApp {

    /** Starts the app against {@code url} with keepalive off and a large event buffer. */
    public static ConfigurableApplicationContext start(String url) {
        SpringApplication application = new SpringApplication(SpringListenerApp.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        return application.run("--ami.url=" + url, "--ami.keepalive-interval=0", "--ami.startup.wait=true",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN");
    }

    @Bean
    CountingListener countingListener() {
        return new CountingListener();
    }

    /** Counts every AMI event it hears. */
    public static class CountingListener {

        private final Counter counter = new Counter();

        public Counter counter() {
            return counter;
        }

        @EventListener
        public void on(AmiApplicationEvent event) {
            counter.increment();
        }
    }
}
