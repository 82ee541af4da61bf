package io.amiboot.dashboard;

import io.amiboot.action.OriginateRequest;
import io.amiboot.dashboard.live.AsteriskActions;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Originates demo calls at a steady rate into the demo dialplan; each hangs up by itself after a random time. */
public final class DemoTraffic {

    private static final Logger logger = LoggerFactory.getLogger(DemoTraffic.class);

    private final AsteriskActions asterisk;

    private final DashboardProperties.Demo demo;

    private final Scheduler scheduler;

    private final RandomGenerator random;

    private Disposable running;

    /**
     * Demo traffic through {@code asterisk}, timed on {@code scheduler}.
     *
     * @param asterisk where the Originates go; a failed one is logged at debug and skipped
     * @param demo the rate, context, extensions and call lengths
     * @param scheduler times the calls
     * @param random picks the extension, the length and the caller number of each call
     */
    public DemoTraffic(AsteriskActions asterisk, DashboardProperties.Demo demo, Scheduler scheduler, RandomGenerator random) {
        this.asterisk = asterisk;
        this.demo = demo;
        this.scheduler = scheduler;
        this.random = random;
    }

    /** Starts originating. */
    public void start() {
        Duration every = Duration.ofMillis(60_000L / demo.callsPerMinute());
        logger.info("Demo traffic: a call every {} ms into context {}", every.toMillis(), demo.context());
        running = Flux.interval(Duration.ZERO, every, scheduler)
                .concatMap(tick -> Mono.fromFuture(() -> asterisk.send(nextCall()))
                        .doOnError(failure -> logger.debug("Demo call not started: {}", failure.toString()))
                        .onErrorResume(failure -> Mono.empty()))
                .subscribe();
    }

    /** The next demo call: a random extension, connected to Wait for a random time. */
    OriginateRequest nextCall() {
        String exten = demo.extensions().get(random.nextInt(demo.extensions().size()));
        int seconds = random.nextInt(demo.minSeconds(), demo.maxSeconds() + 1);
        return OriginateRequest.toChannel("Local/" + exten + "@" + demo.context())
                .application("Wait", Integer.toString(seconds))
                .callerId("\"Demo caller\" <" + (2000 + random.nextInt(8000)) + ">").build();
    }

    /** Stops originating; calls already up end by themselves. */
    public void stop() {
        if (running != null) {
            running.dispose();
        }
    }
}
