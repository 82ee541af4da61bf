package io.amiboot.smoketest;

import io.amiboot.autoconfigure.events.AmiApplicationEvent;
import io.amiboot.autoconfigure.events.AmiConnectedEvent;
import io.amiboot.autoconfigure.events.OnAmiEvent;
import io.amiboot.event.HangupEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A user's application: the starter, one property ({@code ami.url}), and listeners. */
@SpringBootApplication
public class SmokeTestApplication {

    public static void main(String[] args) {
        SpringApplication.run(SmokeTestApplication.class, args);
    }

    /** Logs calls as they come and go, and keeps them for the tests. */
    @Component
    public static class CallLog {

        private static final Logger logger = LoggerFactory.getLogger(CallLog.class);

        private final List<AmiApplicationEvent> events = new CopyOnWriteArrayList<>();

        private final List<HangupEvent> hangups = new CopyOnWriteArrayList<>();

        private volatile String asteriskVersion;

        @EventListener
        void connected(AmiConnectedEvent event) {
            asteriskVersion = event.getAsteriskVersion();
            logger.info("Connected to Asterisk {} ({})", event.getAsteriskVersion(), event.getServer());
        }

        @OnAmiEvent({ "Newchannel", "Hangup" })
        void call(AmiApplicationEvent event) {
            events.add(event);
            logger.info("{} {}", event.getName(), event.get("Channel"));
        }

        @EventListener
        void hungUp(HangupEvent hangup) {
            hangups.add(hangup);
            logger.info("{} hung up on {}: cause {} ({})", hangup.channel(), hangup.server(), hangup.cause(), hangup.causeTxt());
        }

        public List<HangupEvent> hangups() {
            return hangups;
        }

        public List<AmiApplicationEvent> events() {
            return events;
        }

        public String asteriskVersion() {
            return asteriskVersion;
        }
    }
}
