package io.amiboot.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.action.ParkAction;
import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The parking lot of the live model against the real Asterisk 22 (res_parking's defaults: lot {@code default},
 * spaces 701-720, 45 s): a bridged call parked with the Park action, seen by a model started afterwards (from
 * {@code ParkedCalls}), picked up by dialling its space; another parked for 2 s that times out.
 */
@RealAsterisk
class LiveParkingIT {

    private static final String MARK = "LiveParkingIT";

    private static final Duration PATIENCE = LiveModelSession.PATIENCE;

    private LiveModelSession session;

    private final List<LiveDelta> deltas = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    private void connect(TestAsterisk asterisk) throws Exception {
        // Ours: every channel carrying the mark as its caller ID or connected line (the parked call's callbacks too).
        session = LiveModelSession.open(asterisk, "parking-it", LiveModel.EVENT_MASK,
                channel -> String.valueOf(channel.get("CallerIDName")).startsWith(MARK)
                        || String.valueOf(channel.get("ConnectedLineName")).startsWith(MARK));
        session.model.listen(deltas::add);
    }

    @Test
    void aParkedCallIsInTheLotOfEveryModelUntilItIsPickedUp(TestAsterisk asterisk) throws Exception {
        connect(asterisk);
        String name = MARK + " pickup";
        Instant before = Instant.now();
        LiveChannel parkee = parkBridgedCall(name, null);
        LiveParkedCall parked = awaitParked(name);
        assertThat(parked.lot()).isEqualTo("default");
        assertThat(Integer.parseInt(parked.space())).isBetween(701, 720);
        assertThat(parked.channel()).isEqualTo(parkee.name());
        assertThat(parked.callId()).isEqualTo(parkee.linkedId());
        assertThat(parked.parker()).as("the bridged peer, rung back on a timeout").isEqualTo("Local/100@test");
        assertThat(parked.parkedAt()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(Duration.between(parked.parkedAt(), parked.timeoutAt())).isEqualTo(Duration.ofSeconds(45));
        assertThat(deltas).anySatisfy(delta -> assertThat(delta).isInstanceOfSatisfying(LiveDelta.ParkedCallUpdated.class,
                update -> assertThat(update.parkedCall()).isEqualTo(parked)));

        // A model started now has it from the ParkedCalls list, as after a reconnect.
        try (LiveModel later = new LiveModel(session.client, Clock.systemUTC()).start()) {
            LiveModelSession.await("the later model's first snapshot", () -> later.snapshot().connected());
            assertThat(later.parkedCalls()).filteredOn(call -> call.callerIdName().equals(name)).singleElement()
                    .satisfies(listed -> {
                        assertThat(listed.space()).isEqualTo(parked.space());
                        assertThat(listed.uniqueId()).isEqualTo(parked.uniqueId());
                        assertThat(Duration.between(listed.parkedAt(), parked.parkedAt()).abs()).isLessThanOrEqualTo(Duration.ofSeconds(2));
                    });
        }

        // Picked up as the dashboard does: Local/100@test answers, its other half dials the space.
        send(session.client, AmiAction.builder("Originate").header("Channel", "Local/100@test").header("Context", "test")
                .header("Exten", parked.space()).header("Priority", "1").header("CallerID", "\"" + MARK + " picker\" <0>")
                .header("Async", "true").build());
        assertThat(awaitLeft(parked)).isEqualTo(LiveDelta.ParkingOutcome.PICKED_UP);
        assertThat(session.model.parkedCalls()).noneMatch(call -> call.uniqueId().equals(parked.uniqueId()));
    }

    @Test
    void aCallNobodyPicksUpTimesOutOfTheLot(TestAsterisk asterisk) throws Exception {
        connect(asterisk);
        String name = MARK + " timeout";
        parkBridgedCall(name, Duration.ofSeconds(2));
        LiveParkedCall parked = awaitParked(name);
        assertThat(Duration.between(parked.parkedAt(), parked.timeoutAt())).isEqualTo(Duration.ofSeconds(2));
        assertThat(awaitLeft(parked)).isEqualTo(LiveDelta.ParkingOutcome.TIMED_OUT);
        assertThat(session.model.parkedCalls()).noneMatch(call -> call.uniqueId().equals(parked.uniqueId()));
    }

    /** Originates a 400 call (bridged to 100) and parks its bridged half with the other as the parker; returns the parked channel. */
    private LiveChannel parkBridgedCall(String name, Duration timeout) throws Exception {
        send(session.client, AmiAction.builder("Originate").header("Channel", "Local/400@test").header("Application", "Wait")
                .header("Data", "60").header("CallerID", "\"" + name + "\" <555>").header("Async", "true").build());
        LiveChannel parkee = Awaitility.await("the call bridged").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> session.model.snapshot().calls().stream().filter(call -> call.caller().name().equals(name))
                        .flatMap(call -> call.channels().stream()).filter(channel -> channel.talkingTo().size() == 1)
                        .findFirst().orElse(null), channel -> channel != null);
        ParkAction park = new ParkAction(parkee.name()).timeoutChannel(parkee.talkingTo().get(0))
                .timeout(timeout == null ? null : Long.toString(timeout.toMillis()));
        send(session.client, park.action());
        return parkee;
    }

    private LiveParkedCall awaitParked(String name) {
        return Awaitility.await("the parked call in the model").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> session.model.parkedCalls().stream().filter(call -> call.callerIdName().equals(name))
                        .findFirst().orElse(null), call -> call != null);
    }

    private LiveDelta.ParkingOutcome awaitLeft(LiveParkedCall parked) {
        return Awaitility.await("the parked call leaving the lot").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> deltas.stream().filter(LiveDelta.ParkedCallRemoved.class::isInstance)
                        .map(LiveDelta.ParkedCallRemoved.class::cast)
                        .filter(removed -> removed.parkedCall().uniqueId().equals(parked.uniqueId()))
                        .map(LiveDelta.ParkedCallRemoved::outcome).findFirst().orElse(null), outcome -> outcome != null);
    }

    private static void send(AmiClient client, AmiAction action) throws Exception {
        client.send(action).get(10, TimeUnit.SECONDS);
    }
}
