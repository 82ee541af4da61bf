package io.amiboot.benchmarks;

import io.amiboot.benchmarks.spring.SpringListenerApp;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.event.ChannelEvent;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Events per second from the replay peer to a subscriber, for each client, on the same bytes in one run:
 * a byte scan that only finds message ends (the transport ceiling), this client to a no-op listener, this client
 * through the starter into a Spring {@code @EventListener} on the raw event and into one on the typed
 * {@link ChannelEvent}, and asterisk-java to a no-op listener.
 */
public final class EndToEndBenchmark {

    /**
     * One measured run.
     * @param events the AMI events the client delivered to its listeners
     * @param typed the typed events a typed listener received; 0 in the other runs
     */
    public record Result(String name, long events, long nanos, long dropped, long typed) {

        public double perSecond() {
            return events * 1e9 / nanos;
        }
    }

    /** The names of the runs, in the order they are made. */
    public static final List<String> RUNS = List.of("byte scan (ceiling)", "amiboot client, no-op listener",
            "amiboot starter, @EventListener", "amiboot starter, @EventListener reading three headers",
            "amiboot starter, typed @EventListener(ChannelEvent)", "asterisk-java 3.41.0, no-op listener");

    /** Where the typed run is in {@link #RUNS}. */
    public static final int TYPED = 4;

    /** Where asterisk-java's run is in {@link #RUNS}, the base of the ratios. */
    public static final int ASTERISK_JAVA = RUNS.size() - 1;

    private final byte[] events = Capture.events();

    private final int repeats;

    public EndToEndBenchmark(int repeats) {
        this.repeats = repeats;
    }

    /** The events one run sends. */
    public long eventsSent() {
        return (long) Capture.countMessages(events) * repeats;
    }

    /** The events one run sends that are {@link ChannelEvent}s, what the typed listener takes. */
    public long channelEventsSent() {
        return Capture.channelEvents(events) * repeats;
    }

    public List<Result> runAll() throws Exception {
        List<Result> results = new ArrayList<>();
        results.add(byteScan());
        results.add(amibootClient());
        results.add(amibootSpring());
        results.add(amibootSpringReading());
        results.add(amibootSpringTyped());
        results.add(asteriskJava());
        return results;
    }

    Result byteScan() throws Exception {
        try (ReplayPeer peer = new ReplayPeer(events, repeats); Socket socket = new Socket("127.0.0.1", peer.port())) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            out.write("Action: Login\r\nActionID: 1\r\nUsername: bench\r\nSecret: bench\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buffer = new byte[64 * 1024];
            long messages = Capture.readMessages(in, buffer, eventsSent() + 1); // + the login response
            return new Result(RUNS.get(0), messages - 1, System.nanoTime() - peer.firstByteNanos(), 0, 0);
        }
    }

    Result amibootClient() throws Exception {
        try (ReplayPeer peer = new ReplayPeer(events, repeats);
             AmiClient client = AmiClient.create(AmiClientOptions.builder(peer.url()).name("bench")
                     .keepaliveInterval(Duration.ZERO).build())) {
            Counter counter = new Counter();
            client.addEventListener(event -> counter.increment());
            client.connect().get(10, TimeUnit.SECONDS);
            return counter.await(peer, RUNS.get(1), client::droppedEvents);
        }
    }

    Result amibootSpring() throws Exception {
        return spring(SpringListenerApp::start, SpringListenerApp.CountingListener.class, 2);
    }

    /**
     * The starter with a raw listener that reads what the typed one reads ({@code Channel}, {@code Uniqueid},
     * {@code ChannelStateDesc}) of the events that have a channel: the typed row less the view and its publication.
     */
    Result amibootSpringReading() throws Exception {
        return spring(SpringListenerApp::startReading, SpringListenerApp.ReadingListener.class, 3);
    }

    /**
     * The starter with a typed listener only: every AMI event is published raw (to no listener) and, when it is a
     * channel event, as its typed class. Timed to the last typed event; the AMI events are those sent less those
     * the client dropped, as no listener sees every one.
     */
    Result amibootSpringTyped() throws Exception {
        Result typed = spring(SpringListenerApp::startTyped, SpringListenerApp.TypedCountingListener.class, TYPED);
        return new Result(typed.name(), eventsSent() - typed.dropped(), typed.nanos(), typed.dropped(), typed.events());
    }

    /** Starts the Spring app with {@code start} against a replay peer and counts what its listener hears. */
    private Result spring(Function<String, ConfigurableApplicationContext> start,
            Class<? extends SpringListenerApp.Listening> listener, int run) throws Exception {
        try (ReplayPeer peer = new ReplayPeer(events, repeats); ConfigurableApplicationContext context = start.apply(peer.url())) {
            Counter counter = context.getBean(listener).counter();
            AmiClient client = context.getBean(AmiClient.class);
            return counter.await(peer, RUNS.get(run), client::droppedEvents);
        }
    }

    Result asteriskJava() throws Exception {
        try (ReplayPeer peer = new ReplayPeer(events, repeats)) {
            ManagerConnection connection = new ManagerConnectionFactory("127.0.0.1", peer.port(), "bench", "bench")
                    .createManagerConnection();
            Counter counter = new Counter();
            connection.addEventListener(event -> counter.increment());
            connection.login();
            try {
                return counter.await(peer, RUNS.get(ASTERISK_JAVA), () -> 0L);
            }
            finally {
                connection.logoff();
            }
        }
    }

    /** Counts delivered events and notes when the last one came. */
    public static final class Counter {

        private final AtomicLong count = new AtomicLong();

        private volatile long lastNanos;

        public void increment() {
            count.incrementAndGet();
            lastNanos = System.nanoTime();
        }

        /** Waits until the peer has sent everything and no event came for a second. */
        Result await(ReplayPeer peer, String name, java.util.function.LongSupplier dropped) throws InterruptedException {
            peer.awaitStreamed(10, TimeUnit.MINUTES);
            long seen = -1;
            while (count.get() != seen) {
                seen = count.get();
                TimeUnit.MILLISECONDS.sleep(1000);
            }
            return new Result(name, seen, lastNanos - peer.firstByteNanos(), dropped.getAsLong(), 0);
        }
    }
}
