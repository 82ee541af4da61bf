package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.ScriptedAmiPeer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The client against a scripted peer: the edge cases a real Asterisk does not produce on demand. */
class AmiClientTest {

    private ScriptedAmiPeer peer;

    private AmiClient client;

    @BeforeEach
    void startPeer() throws Exception {
        peer = new ScriptedAmiPeer();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        peer.close();
    }

    private AmiClientOptionsBuilder options() {
        return AmiClientOptions.builder(peer.url("admin", "s3cret"))
                .name("test")
                .reconnect(new ReconnectPolicy(true, Duration.ofMillis(50), Duration.ofMillis(200), 2.0, 0.1));
    }

    @Test
    void logsInReadsTheBannerAndAsteriskVersion() throws Exception {
        client = AmiClient.connect(options().eventMask("call,system").build()).get(10, TimeUnit.SECONDS);
        Map<String, String> login = peer.nextAction("Login");
        assertThat(login).containsEntry("Username", "admin").containsEntry("Secret", "s3cret").containsEntry("Events", "call,system");
        assertThat(client.state()).isEqualTo(AmiConnectionState.CONNECTED);
        assertThat(client.managerVersion()).isEqualTo("11.0.0");
        assertThat(client.asteriskVersion()).isEqualTo("22.0.0-fake");
        awaitTrue(client::isAsteriskFullyBooted, "FullyBooted seen");
        assertThat(client.toString()).doesNotContain("s3cret");
        assertThat(client.options().toString()).doesNotContain("s3cret");
    }

    @Test
    void aListenerOfTheFirstEventAfterLoginMaySendActions() throws Exception {
        client = AmiClient.create(options().build());
        CompletableFuture<String> pong = new CompletableFuture<>();
        client.addEventListener(event -> {
            if (event.is("FullyBooted")) {
                // FullyBooted comes in the same read as the Login response.
                client.send(AmiAction.of("Ping")).whenComplete((response, failure) -> {
                    if (failure != null) {
                        pong.completeExceptionally(failure);
                    }
                    else {
                        pong.complete(response.get("Ping"));
                    }
                });
            }
        });
        client.connect().get(10, TimeUnit.SECONDS);
        assertThat(pong.get(10, TimeUnit.SECONDS)).isEqualTo("Pong");
    }

    @Test
    void md5LoginSendsTheHashOfChallengeAndSecret() throws Exception {
        // The peer accepts an MD5 login only with the hash of its challenge and this secret.
        peer.requireLogin("admin", "s3cret");
        client = AmiClient.connect(options().authType(AmiAuthType.MD5).build()).get(10, TimeUnit.SECONDS);
        assertThat(peer.nextAction("Challenge")).containsEntry("AuthType", "MD5");
        assertThat(peer.nextAction("Login")).containsEntry("AuthType", "MD5").containsKey("Key").doesNotContainKey("Secret");
    }

    @Test
    void refusedLoginFailsWithAsterisksMessageAndNoSecret() {
        peer.requireLogin("admin", "another secret");
        client = AmiClient.create(options().build());
        assertThatThrownBy(() -> client.connect().get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(AmiAuthenticationException.class)
                .hasMessage("Asterisk refused the login of user 'admin': Authentication failed")
                .satisfies(ex -> assertThat(((AmiAuthenticationException) ex).asteriskMessage()).isEqualTo("Authentication failed"));
        awaitState(AmiConnectionState.CLOSED);
    }

    @Test
    void aServerThatIsNotAmiFailsTheConnectClearly() {
        peer.banner("220 smtp.example ESMTP");
        client = AmiClient.create(options().build());
        assertThatThrownBy(() -> client.connect().get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(AmiProtocolException.class).hasMessageContaining("220 smtp.example ESMTP");
    }

    @Test
    void eventsArriveInWireOrderOffTheEventLoopAndListenersMaySendSynchronously() throws Exception {
        client = AmiClient.connect(options().build()).get(10, TimeUnit.SECONDS);
        List<String> names = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        client.addEventListener(event -> {
            if (event.is("FullyBooted")) {
                // The peer's answer to the login, not part of the burst: on a loaded machine the event thread may
                // deliver it after connect() returned and this listener was added.
                return;
            }
            names.add(event.name() + event.get("N"));
            threads.add(Thread.currentThread().getName());
            if (event.is("Trigger")) {
                // Blocking on an action from inside a listener must not deadlock.
                AmiResponse pong = client.send(AmiAction.of("Ping")).join();
                names.add("got " + pong.get("Ping"));
            }
            if (event.is("Last")) {
                done.countDown();
            }
        });
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            burst.append("Event: Numbered\r\nN: ").append(i).append("\r\n\r\n");
        }
        peer.send(burst + "Event: Trigger\r\n\r\nEvent: Last\r\n\r\n");
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        List<String> numbered = names.stream().filter(n -> n.startsWith("Numbered")).toList();
        assertThat(numbered).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(numbered.get(i)).isEqualTo("Numbered" + i);
        }
        assertThat(names.subList(1000, names.size())).containsExactly("Triggernull", "got Pong", "Lastnull");
        assertThat(threads).allSatisfy(thread -> assertThat(thread).startsWith("ami-events-test-"));
    }

    @Test
    void callbacksThatBlockOnOtherActionsDoNotDeadlock() throws Exception {
        client = AmiClient.connect(options().build()).get(10, TimeUnit.SECONDS);
        // More blocking callbacks at once than the callback pool has threads.
        List<CompletableFuture<String>> nested = new java.util.ArrayList<>();
        for (int i = 0; i < 4 * Runtime.getRuntime().availableProcessors() + 4; i++) {
            nested.add(client.send(AmiAction.of("Ping"))
                    .thenApply(first -> client.send(AmiAction.of("Ping")).join().get("Ping")));
        }
        CompletableFuture.allOf(nested.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(nested).allSatisfy(future -> assertThat(future.join()).isEqualTo("Pong"));
    }

    @Test
    void eventsFluxDeliversEvents() throws Exception {
        client = AmiClient.connect(options().build()).get(10, TimeUnit.SECONDS);
        StepVerifier.create(client.events().filter(e -> e.is("Custom")).map(e -> e.get("Value")).take(2))
                .then(() -> {
                    try {
                        peer.send("Event: Custom\r\nValue: one\r\n\r\nEvent: Other\r\n\r\nEvent: Custom\r\nValue: two\r\n\r\n");
                    }
                    catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                })
                .expectNext("one", "two")
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void sendWhileDisconnectedFailsFastWithAClearMessage() {
        client = AmiClient.create(options().build());
        CompletableFuture<AmiResponse> ping = client.send(AmiAction.of("Ping"));
        assertThat(ping).isCompletedExceptionally();
        assertThatThrownBy(ping::join).cause().isInstanceOf(AmiConnectionException.class)
                .hasMessageContaining("Action Ping not sent: the client is NEW").hasMessageContaining("not queued");
    }

    @Test
    void cutConnectionFailsInFlightActionsThenReconnectsAndLogsInAgain() throws Exception {
        BlockingQueue<AmiConnectionEvent> notices = new LinkedBlockingQueue<>();
        client = AmiClient.create(options().build());
        client.addConnectionListener(notices::add);
        client.start().get(10, TimeUnit.SECONDS);
        peer.respond("Ping", "");
        CompletableFuture<AmiResponse> unanswered = client.send(AmiAction.of("Ping"), Duration.ofMinutes(1));
        peer.nextAction("Ping");
        peer.send("Event: Half\r\nHeader: cut in the mid");
        peer.dropConnections();

        assertThatThrownBy(() -> unanswered.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(AmiConnectionException.class);
        peer.respond("Ping", "Response: Success\r\nPing: Pong\r\n\r\n");
        peer.nextAction("Login");
        awaitState(AmiConnectionState.CONNECTED);
        assertThat(client.send(AmiAction.of("Ping")).get(5, TimeUnit.SECONDS).get("Ping")).isEqualTo("Pong");

        awaitTrue(() -> notices.stream().filter(n -> n.state() == AmiConnectionState.CONNECTED).count() == 2,
                "a second CONNECTED notice");
        List<AmiConnectionState> states = notices.stream().map(AmiConnectionEvent::state).toList();
        assertThat(states).containsSubsequence(AmiConnectionState.CONNECTING, AmiConnectionState.CONNECTED,
                AmiConnectionState.DISCONNECTED, AmiConnectionState.CONNECTING, AmiConnectionState.CONNECTED);
        AmiConnectionEvent disconnected = notices.stream().filter(n -> n.state() == AmiConnectionState.DISCONNECTED).findFirst().orElseThrow();
        assertThat(disconnected.nextAttemptIn()).isNotNull();
        assertThat(disconnected.cause()).hasMessageContaining("closed");
        assertThat(client.reconnectAttempts()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void actionIdsCarryARandomPrefixThatIsNewForEachConnection() throws Exception {
        client = AmiClient.connect(options().build()).get(10, TimeUnit.SECONDS);
        client.send(AmiAction.of("Ping")).get(5, TimeUnit.SECONDS);
        List<String> first = List.of(peer.nextAction("Login").get("ActionID"), peer.nextAction("CoreSettings").get("ActionID"),
                peer.nextAction("Ping").get("ActionID"));
        assertThat(first).allMatch(id -> id.matches("[0-9a-z]{6}-[0-9]+"), "a six-character prefix, a dash and a counter")
                .doesNotHaveDuplicates();
        assertThat(first.stream().map(AmiClientTest::prefix).distinct()).hasSize(1);

        peer.dropConnections();
        String second = peer.nextAction("Login").get("ActionID");
        assertThat(prefix(second)).as("the prefix of the next connection").isNotEqualTo(prefix(first.get(0)));
    }

    private static String prefix(String actionId) {
        return actionId.substring(0, actionId.indexOf('-'));
    }

    @Test
    void broadcastEventsCarryingAPendingListsActionIdAreDeliveredAsEventsNotAsEntries() throws Exception {
        // The worst case of another session's ActionID: exactly the pending list's, between its entries.
        peer.respond("CoreShowChannels", action -> {
            String id = "ActionID: " + action.get("ActionID") + "\r\n";
            return "Response: Success\r\n" + id + "EventList: start\r\nMessage: Channels will follow\r\n\r\n"
                    + "Event: CoreShowChannel\r\n" + id + "Channel: PJSIP/1001-00000001\r\n\r\n"
                    + "Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: Hello\r\n" + id + "\r\n"
                    + "Event: OriginateResponse\r\nPrivilege: call,all\r\n" + id
                    + "Response: Success\r\nChannel: Local/200@test-00000002;1\r\n\r\n"
                    + "Event: CoreShowChannel\r\n" + id + "Channel: PJSIP/1002-00000003\r\n\r\n"
                    + "Event: CoreShowChannelsComplete\r\n" + id + "EventList: Complete\r\nListItems: 2\r\n\r\n";
        });
        client = AmiClient.connect(options().build()).get(10, TimeUnit.SECONDS);
        BlockingQueue<AmiEvent> events = new LinkedBlockingQueue<>();
        client.addEventListener(event -> {
            if (!event.is("FullyBooted")) {
                events.add(event);
            }
        });
        AmiResponse channels = client.send(AmiAction.of("CoreShowChannels")).get(5, TimeUnit.SECONDS);
        assertThat(channels.events()).extracting(e -> e.get("Channel")).containsExactly("PJSIP/1001-00000001", "PJSIP/1002-00000003");
        assertThat(events.poll(5, TimeUnit.SECONDS)).satisfies(event -> assertThat(event.name()).isEqualTo("UserEvent"));
        assertThat(events.poll(5, TimeUnit.SECONDS)).satisfies(event -> assertThat(event.get("Channel")).isEqualTo("Local/200@test-00000002;1"));
        Reliability.row("Broadcast events with a pending list's ActionID", "one client, CoreShowChannels from a scripted Asterisk",
                "a UserEvent and an OriginateResponse carrying the list's own ActionID between its 2 entries",
                "the list holds its 2 entries; both events reach the event listeners",
                "nothing (no phantom channel)");
    }

    @Test
    void aPeerThatFailsEveryConnectionRightAfterLoginIsRetriedEverMoreSlowly() {
        // Each connection logs in, then gets a line over the limit: fatal for that connection.
        peer.respond("CoreSettings", action -> "Event: Junk\r\nHeader: " + "x".repeat(2_000) + "\r\n\r\n");
        List<AmiConnectionEvent> disconnects = new CopyOnWriteArrayList<>();
        client = AmiClient.create(options().maxLineLength(1024)
                .reconnect(new ReconnectPolicy(true, Duration.ofMillis(50), Duration.ofSeconds(5), 2.0, 0.0))
                .build());
        client.addConnectionListener(notice -> {
            if (notice.state() == AmiConnectionState.DISCONNECTED) {
                disconnects.add(notice);
            }
        });
        client.start();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> disconnects.size() >= 5);
        List<AmiConnectionEvent> first = disconnects.subList(0, 5);
        assertThat(first).allSatisfy(notice -> assertThat(notice.cause()).hasMessageContaining("a line longer than 1024 bytes"));
        assertThat(first).extracting(AmiConnectionEvent::attempt).containsExactly(1, 2, 3, 4, 5);
        assertThat(first).extracting(notice -> notice.nextAttemptIn().toMillis()).containsExactly(50L, 100L, 200L, 400L, 800L);
        assertThat(peer.received()).as("every connection got as far as logging in")
                .contains("Action: CoreSettings");
        Reliability.row("Login accepted, then a fatal message, on every connection",
                "one client, reconnect from 50 ms ×2, backoff reset after 10 s logged in",
                "5 connections in a row logged in, then got a 2,000-byte line (limit 1,024)",
                "5 reconnects after 50, 100, 200, 400, 800 ms: the backoff grew instead of starting over at each login",
                "nothing (no reconnect storm)");
    }

    @Test
    void keepaliveDetectsASilentPeerWithinTwiceItsInterval() throws Exception {
        client = AmiClient.connect(options().keepaliveInterval(Duration.ofMillis(300)).build()).get(10, TimeUnit.SECONDS);
        peer.goSilent();
        BlockingQueue<AmiConnectionEvent> notices = new LinkedBlockingQueue<>();
        client.addConnectionListener(notices::add);
        long silentSince = System.nanoTime();
        // An action sent to the half-open peer: without the keepalive it would wait for its 10 s timeout.
        CompletableFuture<AmiResponse> inFlight = client.send(AmiAction.of("Status"));
        AmiConnectionEvent notice;
        do {
            notice = notices.poll(5, TimeUnit.SECONDS);
            assertThat(notice).as("a disconnect notice").isNotNull();
        } while (notice.state() != AmiConnectionState.DISCONNECTED);
        long detectedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silentSince);
        assertThat(notice.cause()).hasMessageContaining("keepalive Ping");
        assertThat(detectedAfterMillis).isLessThan(2 * 300 + 250);
        assertThatThrownBy(() -> inFlight.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(AmiConnectionException.class);
        assertThat(notice.nextAttemptIn()).as("a reconnect is scheduled").isNotNull();
        Reliability.row("Half-open peer (host froze after the login)", "one client, keepalive every 300 ms, 1 action in flight",
                "the scripted Asterisk stops answering without closing the socket",
                "found dead after " + detectedAfterMillis + " ms (bound: twice the interval), connection closed, reconnect scheduled",
                "the action in flight failed at once with AmiConnectionException instead of waiting for its 10 s timeout");
    }

    @Test
    void logoffCompletesWithGoodbyeAndClosesTheClient() throws Exception {
        client = AmiClient.connect(options().build()).get(10, TimeUnit.SECONDS);
        AmiResponse goodbye = client.send(AmiAction.of("Logoff")).get(5, TimeUnit.SECONDS);
        assertThat(goodbye.type()).isEqualTo("Goodbye");
        awaitState(AmiConnectionState.CLOSED);
        // The peer drops the connection once its reader sees the close, which may be after the client is CLOSED.
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> peer.connectionCount() == 0);
    }

    @Test
    void closeLogsOffAndReleasesEveryThread() throws Exception {
        client = AmiClient.connect(options().build()).get(10, TimeUnit.SECONDS);
        client.send(AmiAction.of("Ping")).get(5, TimeUnit.SECONDS);
        client.close();
        assertThat(peer.nextAction("Logoff")).isNotNull();
        assertThat(client.state()).isEqualTo(AmiConnectionState.CLOSED);
        // The event loop's termination future completes as its thread leaves the loop, a moment before the thread
        // ends: allow that moment, not a leak.
        Awaitility.await("the client's threads end").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .untilAsserted(() -> assertThat(threadsNamed("test")).isEmpty());
        client.close();
    }

    /** The live threads of clients or resources called {@code name}. */
    static Set<String> threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(thread -> thread.startsWith("ami-") && thread.contains(name)).collect(Collectors.toSet());
    }

    private static void awaitTrue(java.util.concurrent.Callable<Boolean> condition, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(condition);
    }

    private void awaitState(AmiConnectionState expected) {
        Awaitility.await("state " + expected).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(client::state, state -> state == expected);
    }
}
