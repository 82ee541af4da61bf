package io.amiboot.benchmarks.spring;

import io.amiboot.autoconfigure.events.AmiApplicationEvent;
import io.amiboot.benchmarks.EndToEndBenchmark.Counter;
import io.amiboot.event.ChannelEvent;
import io.amiboot.event.EventCatalogue;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * A non-web Boot app on the starter whose one {@code @EventListener} counts AMI events: raw
 * ({@link AmiApplicationEvent}, reading nothing or the three headers the typed one reads) or typed
 * ({@link ChannelEvent}), never both, so each run pays for one kind only.
 */
@SpringBootApplication
public class SpringListenerApp {

    private static final String LISTENER = "bench.listener";

    /**
     * Starts the app against {@code url} with keepalive off and its listener on {@link AmiApplicationEvent}. It
     * reads no {@code application.properties}: the dashboard's, on this module's class path, would turn the live
     * model on (and its rebuilds on every drop), which is not what this row measures.
     */
    public static ConfigurableApplicationContext start(String url) {
        return start(url, "raw");
    }

    /** As {@link #start(String)}, its listener on {@link ChannelEvent} instead. */
    public static ConfigurableApplicationContext startTyped(String url) {
        return start(url, "typed");
    }

    /** As {@link #start(String)}, its listener reading three headers of each event that has a channel. */
    public static ConfigurableApplicationContext startReading(String url) {
        return start(url, "reading");
    }

    private static ConfigurableApplicationContext start(String url, String listener) {
        SpringApplication application = new SpringApplication(SpringListenerApp.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        return application.run("--spring.config.name=amiboot-benchmarks-none", "--ami.url=" + url, "--ami.keepalive-interval=0", "--ami.startup.wait=true",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--" + LISTENER + "=" + listener);
    }

    @Bean
    @ConditionalOnProperty(name = LISTENER, havingValue = "raw")
    CountingListener countingListener() {
        return new CountingListener();
    }

    @Bean
    @ConditionalOnProperty(name = LISTENER, havingValue = "reading")
    ReadingListener readingListener() {
        return new ReadingListener();
    }

    @Bean
    @ConditionalOnProperty(name = LISTENER, havingValue = "typed")
    TypedCountingListener typedCountingListener() {
        return new TypedCountingListener();
    }

    /** What every listener here keeps: the events it heard, and how many of the fields it read had a value. */
    public abstract static class Listening {

        final Counter counter = new Counter();

        long fieldsRead;

        public Counter counter() {
            return counter;
        }

        /** {@return the fields read that had a value} (kept, so the reads cannot be optimised away) */
        public long fieldsRead() {
            return fieldsRead;
        }
    }

    /** Counts every AMI event it hears. */
    public static class CountingListener extends Listening {

        @EventListener
        public void on(AmiApplicationEvent event) {
            counter.increment();
        }
    }

    /**
     * Counts every AMI event it hears and reads, of each channel event (as the catalogue has it), the headers the
     * typed listener reads: what reading costs without the typed view and its publication.
     */
    public static class ReadingListener extends Listening {

        @EventListener
        public void on(AmiApplicationEvent event) {
            Class<?> type = EventCatalogue.type(event.getName());
            if (type != null && ChannelEvent.class.isAssignableFrom(type)) {
                fieldsRead += present(event.get("Channel")) + present(event.get("Uniqueid"))
                        + present(event.get("ChannelStateDesc"));
            }
            counter.increment();
        }
    }

    /** Counts every channel event it hears, reading three typed fields of each so that the view is really used. */
    public static class TypedCountingListener extends Listening {

        @EventListener
        public void on(ChannelEvent event) {
            fieldsRead += present(event.channel()) + present(event.uniqueid()) + present(event.channelStateDesc());
            counter.increment();
        }
    }

    private static int present(Object field) {
        return field == null ? 0 : 1;
    }
}
