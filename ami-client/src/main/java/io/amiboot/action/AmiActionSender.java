package io.amiboot.action;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiResponse;
import io.amiboot.client.AmiTimeoutException;
import io.amiboot.event.TypedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Typed shortcuts for the common AMI actions of one {@link AmiClient}; {@link #action(String, Map)} sends any
 * other. Every method sends at once and returns a future that completes on the client's callback pool, never on
 * the Netty event loop, so it may be joined anywhere, also in an event listener. Futures fail with
 * {@link io.amiboot.client.AmiActionException} when Asterisk answers {@code Response: Error} (the error
 * response is kept), {@link io.amiboot.client.AmiConnectionException} while disconnected (actions are not
 * queued), and {@link io.amiboot.client.AmiTimeoutException} after the action timeout. For a {@link Mono}, wrap
 * any call with {@link #mono(Function)}: {@code sender.mono(AmiActionSender::coreStatus)}.
 *
 * <p>Methods returning {@code List<AmiEvent>} send list actions and complete with the list's entries once the
 * whole list has arrived.
 */
public final class AmiActionSender {

    private final AmiClient client;

    public AmiActionSender(AmiClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** {@return the client this sender uses} */
    public AmiClient client() {
        return client;
    }

    /** {@return the name of the client's server} */
    public String server() {
        return client.options().name();
    }

    // --- generic -------------------------------------------------------------------------------------------

    /** Sends any action with headers in the map's order, e.g. {@code action("ModuleCheck", Map.of("Module", "app_queue"))}. */
    public CompletableFuture<AmiResponse> action(String name, Map<String, String> headers) {
        return client.send(AmiAction.of(name, headers));
    }

    /** Sends an action without headers. */
    public CompletableFuture<AmiResponse> action(String name) {
        return client.send(AmiAction.of(name));
    }

    /** Sends a prepared action (use {@link AmiAction#builder(String)} for repeated headers). */
    public CompletableFuture<AmiResponse> send(AmiAction action) {
        return client.send(action);
    }

    /** Sends a typed request, e.g. {@code send(new HangupRequest(channel, 16))}. */
    public CompletableFuture<AmiResponse> send(ActionRequest request) {
        return client.send(request.action());
    }

    /**
     * Sends a list action of the catalogue (e.g. {@link CoreShowChannelsAction}) and completes with its entries as
     * their typed events, once Asterisk sent the list's {@code Complete} event.
     * @param <E> the type of the entries
     * @param request the action
     * @return the entries in the order received; fails as {@link #send(ActionRequest)} fails
     */
    public <E extends TypedEvent> CompletableFuture<List<E>> list(ListActionRequest<E> request) {
        return client.send(request.action()).thenApply(response -> request.entries(response, server()));
    }

    /** Sends a prepared action with its own timeout. */
    public CompletableFuture<AmiResponse> send(AmiAction action, Duration timeout) {
        return client.send(action, timeout);
    }

    /**
     * Any call of this sender as a {@link Mono} that sends when subscribed (again on each subscription):
     * {@code sender.mono(s -> s.hangup(channel))}.
     */
    public <T> Mono<T> mono(Function<AmiActionSender, CompletableFuture<T>> call) {
        return Mono.fromFuture(() -> call.apply(this));
    }

    // --- core ----------------------------------------------------------------------------------------------

    /** {@code Ping}; completes with the round-trip time. */
    public CompletableFuture<Duration> ping() {
        long start = System.nanoTime();
        return client.send(AmiAction.of("Ping")).thenApply(response -> Duration.ofNanos(System.nanoTime() - start));
    }

    /** {@code Command}: runs a CLI command (needs the {@code command} write permission); completes with its output lines. */
    public CompletableFuture<List<String>> command(String command) {
        return client.send(AmiAction.builder("Command").header("Command", command).build()).thenApply(AmiResponse::output);
    }

    /** {@code CoreStatus}: startup and reload times, calls. */
    public CompletableFuture<CoreStatus> coreStatus() {
        return client.send(AmiAction.of("CoreStatus")).thenApply(CoreStatus::from);
    }

    /** {@code CoreSettings}: versions and limits. */
    public CompletableFuture<CoreSettings> coreSettings() {
        return client.send(AmiAction.of("CoreSettings")).thenApply(CoreSettings::from);
    }

    /** {@code CoreShowChannels}: one {@code CoreShowChannel} event per active channel. */
    public CompletableFuture<List<AmiEvent>> coreShowChannels() {
        return list(AmiAction.of("CoreShowChannels"));
    }

    // --- bridges -------------------------------------------------------------------------------------------

    /** {@code BridgeList}: one {@code BridgeListItem} event per bridge. */
    public CompletableFuture<List<AmiEvent>> bridgeList() {
        return bridgeList(null);
    }

    /**
     * {@code BridgeList} of the bridges of one technology, or all when {@code bridgeTechnology} is null. Asterisk
     * compares its {@code BridgeType} filter with each bridge's {@code BridgeTechnology} (e.g. {@code simple_bridge},
     * {@code softmix}), not with its {@code BridgeType} ({@code basic}).
     */
    public CompletableFuture<List<AmiEvent>> bridgeList(String bridgeTechnology) {
        return list(AmiAction.builder("BridgeList").headerIfPresent("BridgeType", bridgeTechnology).build());
    }

    /**
     * {@code BridgeInfo}: the response's {@link AmiResponse#events() events} are the bridge's channels
     * ({@code BridgeInfoChannel}), its {@link AmiResponse#completion() completion} describes the bridge.
     */
    public CompletableFuture<AmiResponse> bridgeInfo(String bridgeUniqueid) {
        return client.send(AmiAction.builder("BridgeInfo").header("BridgeUniqueid", bridgeUniqueid).build());
    }

    /** {@code Bridge}: bridges two existing channels, optionally playing a courtesy tone to the second. */
    public CompletableFuture<AmiResponse> bridge(String channel1, String channel2, boolean tone) {
        return client.send(AmiAction.builder("Bridge").header("Channel1", channel1).header("Channel2", channel2)
                .header("Tone", tone ? "Channel2" : "no").build());
    }

    // --- calls ---------------------------------------------------------------------------------------------

    /**
     * {@code Originate}; completes with Asterisk's answer to the action. With {@code Async} (the default) that
     * only says the call is being placed; its outcome follows in an {@code OriginateResponse} event (see
     * {@link #originateAndAwait(OriginateRequest)}). A synchronous request waits up to its ring timeout plus the
     * action timeout.
     */
    public CompletableFuture<AmiResponse> originate(OriginateRequest request) {
        if (request.async()) {
            return client.send(request.action());
        }
        return client.send(request.action(), ringTimeout(request).plus(client.options().actionTimeout()));
    }

    /**
     * An asynchronous {@code Originate} that completes once the call was answered or failed, with its
     * {@code OriginateResponse} (matched by {@code ActionID}); waits up to the ring timeout plus the action timeout.
     * @throws IllegalArgumentException for a request with {@code async(false)}
     */
    public CompletableFuture<OriginateResult> originateAndAwait(OriginateRequest request) {
        if (!request.async()) {
            throw new IllegalArgumentException("originateAndAwait needs an asynchronous Originate; use originate() for async(false)");
        }
        Duration wait = ringTimeout(request).plus(client.options().actionTimeout());
        CompletableFuture<String> actionId = new CompletableFuture<>();
        CompletableFuture<AmiEvent> outcome = new CompletableFuture<>();
        Map<String, AmiEvent> seen = new ConcurrentHashMap<>();
        // Registered before sending: the event may overtake the callback that learns the ActionID.
        AmiClient.Registration registration = client.addEventListener(event -> {
            if (event.is("OriginateResponse") && event.actionId() != null) {
                seen.put(event.actionId(), event);
                String id = actionId.getNow(null);
                if (id != null && id.equals(event.actionId())) {
                    outcome.complete(event);
                }
            }
        });
        client.send(request.action()).whenComplete((response, failure) -> {
            if (failure != null) {
                outcome.completeExceptionally(failure);
                return;
            }
            actionId.complete(response.actionId());
            AmiEvent early = seen.get(response.actionId());
            if (early != null) {
                outcome.complete(early);
            }
        });
        outcome.orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).whenComplete((event, failure) -> registration.close());
        return outcome.handle((event, failure) -> {
            if (failure instanceof TimeoutException) {
                throw new AmiTimeoutException("Originate (OriginateResponse)", actionId.getNow("?"), wait);
            }
            if (failure != null) {
                throw failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
            }
            return OriginateResult.from(event);
        });
    }

    private static Duration ringTimeout(OriginateRequest request) {
        return request.timeout() != null ? request.timeout() : Duration.ofSeconds(30);
    }

    /** {@code Hangup} of a channel (a name or a {@code /regex/}). */
    public CompletableFuture<AmiResponse> hangup(String channel) {
        return send(new HangupRequest(channel, null));
    }

    /** {@code Hangup} with a Q.850 cause code (16 normal clearing, 17 busy, 21 rejected). */
    public CompletableFuture<AmiResponse> hangup(String channel, int cause) {
        return send(new HangupRequest(channel, cause));
    }

    /** {@code Redirect}: sends a channel to another place in the dialplan. */
    public CompletableFuture<AmiResponse> redirect(String channel, DialplanLocation target) {
        return send(new RedirectRequest(channel, target));
    }

    /** {@code Redirect} of two channels at once (e.g. both parties of a bridged call), each to its own place. */
    public CompletableFuture<AmiResponse> redirect(String channel, DialplanLocation target, String extraChannel,
            DialplanLocation extraTarget) {
        return send(new RedirectRequest(channel, target, extraChannel, extraTarget));
    }

    /**
     * {@code Atxfer}: starts an attended transfer of {@code channel}'s peer to {@code exten@context} (needs the
     * {@code atxfer} feature code in features.conf).
     */
    public CompletableFuture<AmiResponse> atxfer(String channel, String context, String exten) {
        return send(new AtxferRequest(channel, context, exten));
    }

    /** {@code BlindTransfer}: transfers {@code channel}'s peer to {@code exten@context}. */
    public CompletableFuture<AmiResponse> blindTransfer(String channel, String context, String exten) {
        return client.send(AmiAction.builder("BlindTransfer").header("Channel", channel).header("Context", context)
                .header("Exten", exten).build());
    }

    /** {@code Park} of a channel in the default parking lot. */
    public CompletableFuture<AmiResponse> park(String channel) {
        return park(channel, null, null, null);
    }

    /**
     * {@code Park}: parks {@code channel}; when the parking times out the call returns to {@code timeoutChannel}.
     * Every argument but {@code channel} may be null for Asterisk's default.
     */
    public CompletableFuture<AmiResponse> park(String channel, String timeoutChannel, Duration timeout, String parkingLot) {
        return client.send(AmiAction.builder("Park").header("Channel", channel)
                .headerIfPresent("TimeoutChannel", timeoutChannel)
                .headerIfPresent("Timeout", timeout == null ? null : timeout.toMillis())
                .headerIfPresent("Parkinglot", parkingLot).build());
    }

    // --- variables and status ------------------------------------------------------------------------------

    /** {@code Getvar}: a channel variable or function, or a global one when {@code channel} is null; {@code null} if unset. */
    public CompletableFuture<String> getvar(String channel, String variable) {
        return client.send(AmiAction.builder("Getvar").headerIfPresent("Channel", channel).header("Variable", variable)
                .build()).thenApply(response -> response.get("Value"));
    }

    /** {@code Setvar}: sets a channel variable, or a global one when {@code channel} is null. */
    public CompletableFuture<AmiResponse> setvar(String channel, String variable, String value) {
        return client.send(AmiAction.builder("Setvar").headerIfPresent("Channel", channel).header("Variable", variable)
                .header("Value", value).build());
    }

    /** {@code Status} of every channel: one {@code Status} event each. */
    public CompletableFuture<List<AmiEvent>> status() {
        return status(null);
    }

    /** {@code Status} of one channel, or of all when {@code channel} is null. */
    public CompletableFuture<List<AmiEvent>> status(String channel) {
        return list(AmiAction.builder("Status").headerIfPresent("Channel", channel).build());
    }

    // --- queues --------------------------------------------------------------------------------------------

    /** {@code QueueStatus} of every queue: {@code QueueParams}, {@code QueueMember} and {@code QueueEntry} events. */
    public CompletableFuture<List<AmiEvent>> queueStatus() {
        return queueStatus(null);
    }

    /** {@code QueueStatus} of one queue, or of all when {@code queue} is null. */
    public CompletableFuture<List<AmiEvent>> queueStatus(String queue) {
        return list(AmiAction.builder("QueueStatus").headerIfPresent("Queue", queue).build());
    }

    /** {@code QueueSummary} of every queue: one {@code QueueSummary} event each. */
    public CompletableFuture<List<AmiEvent>> queueSummary() {
        return queueSummary(null);
    }

    /** {@code QueueSummary} of one queue, or of all when {@code queue} is null. */
    public CompletableFuture<List<AmiEvent>> queueSummary(String queue) {
        return list(AmiAction.builder("QueueSummary").headerIfPresent("Queue", queue).build());
    }

    /** {@code QueueAdd}: adds a dynamic member (an interface such as {@code PJSIP/1001}) to a queue. */
    public CompletableFuture<AmiResponse> queueAdd(String queue, String iface) {
        return client.send(AmiAction.builder("QueueAdd").header("Queue", queue).header("Interface", iface).build());
    }

    /** {@code QueueAdd} with a member name (may be null), a penalty and whether the member starts paused. */
    public CompletableFuture<AmiResponse> queueAdd(String queue, String iface, String memberName, int penalty, boolean paused) {
        return client.send(AmiAction.builder("QueueAdd").header("Queue", queue).header("Interface", iface)
                .headerIfPresent("MemberName", memberName).header("Penalty", Integer.toString(penalty))
                .header("Paused", Boolean.toString(paused)).build());
    }

    /** {@code QueueRemove}: removes a dynamic member from a queue. */
    public CompletableFuture<AmiResponse> queueRemove(String queue, String iface) {
        return client.send(AmiAction.builder("QueueRemove").header("Queue", queue).header("Interface", iface).build());
    }

    /** {@code QueuePause}: pauses or unpauses a member in one queue, or in all when {@code queue} is null. */
    public CompletableFuture<AmiResponse> queuePause(String queue, String iface, boolean paused, String reason) {
        return send(new QueuePauseRequest(queue, iface, paused, reason));
    }

    /** {@code QueuePenalty}: sets a member's penalty in one queue, or in all when {@code queue} is null. */
    public CompletableFuture<AmiResponse> queuePenalty(String iface, int penalty, String queue) {
        return client.send(AmiAction.builder("QueuePenalty").header("Interface", iface)
                .header("Penalty", Integer.toString(penalty)).headerIfPresent("Queue", queue).build());
    }

    // --- recording -----------------------------------------------------------------------------------------

    /**
     * {@code MixMonitor}: records a channel to {@code file} (relative to Asterisk's monitor directory) with
     * MixMonitor options (may be null); the response's {@code MixMonitorID} names the recording.
     */
    public CompletableFuture<AmiResponse> mixMonitor(String channel, String file, String options) {
        return send(new MixMonitorRequest(channel, file, options));
    }

    /** {@code StopMixMonitor}: stops the recordings of a channel. */
    public CompletableFuture<AmiResponse> stopMixMonitor(String channel) {
        return stopMixMonitor(channel, null);
    }

    /** {@code StopMixMonitor} of one recording ({@code MixMonitorID}), or all of the channel's when null. */
    public CompletableFuture<AmiResponse> stopMixMonitor(String channel, String mixMonitorId) {
        return send(new StopMixMonitorRequest(channel, mixMonitorId));
    }

    // --- endpoints and states ------------------------------------------------------------------------------

    /** {@code PJSIPShowEndpoints}: one {@code EndpointList} event per PJSIP endpoint. */
    public CompletableFuture<List<AmiEvent>> pjsipShowEndpoints() {
        return list(AmiAction.of("PJSIPShowEndpoints"));
    }

    /** {@code PJSIPShowEndpoint}: the endpoint's details ({@code EndpointDetail}, {@code AorDetail}, ...). */
    public CompletableFuture<List<AmiEvent>> pjsipShowEndpoint(String endpoint) {
        return list(AmiAction.builder("PJSIPShowEndpoint").header("Endpoint", endpoint).build());
    }

    /** {@code SIPpeers} of the old chan_sip; fails with Asterisk's error on Asterisk 21+, which has no chan_sip. */
    public CompletableFuture<List<AmiEvent>> sipPeers() {
        return list(AmiAction.of("SIPpeers"));
    }

    /** {@code DeviceStateList}: one {@code DeviceStateChange} event per known device. */
    public CompletableFuture<List<AmiEvent>> deviceStateList() {
        return list(AmiAction.of("DeviceStateList"));
    }

    /** {@code ExtensionStateList}: one {@code ExtensionStatus} event per hinted extension. */
    public CompletableFuture<List<AmiEvent>> extensionStateList() {
        return list(AmiAction.of("ExtensionStateList"));
    }

    // --- conferences ---------------------------------------------------------------------------------------

    /** {@code ConfbridgeList}: one {@code ConfbridgeList} event per participant of a conference. */
    public CompletableFuture<List<AmiEvent>> confbridgeList(String conference) {
        return list(AmiAction.builder("ConfbridgeList").header("Conference", conference).build());
    }

    /** {@code MeetmeList} of the old app_meetme (removed in Asterisk 21): fails with Asterisk's error there. */
    public CompletableFuture<List<AmiEvent>> meetmeList() {
        return list(AmiAction.of("MeetmeList"));
    }

    // --- session -------------------------------------------------------------------------------------------

    /**
     * {@code Events}: changes this session's event mask ({@code on}, {@code off}, or classes such as
     * {@code call,agent}) until the next reconnect, which logs in with {@code ami.events.mask} again.
     */
    public CompletableFuture<AmiResponse> events(String mask) {
        return client.send(AmiAction.builder("Events").header("EventMask", mask).build());
    }

    /**
     * {@code Filter}: adds an event filter to this session until the next reconnect, e.g. {@code Event: Hangup}
     * (only matching events), or {@code !Event: VarSet} (all but those). Needs the {@code system} write permission.
     */
    public CompletableFuture<AmiResponse> filter(String filter) {
        return client.send(AmiAction.builder("Filter").header("Operation", "Add").header("Filter", filter).build());
    }

    /** {@code UserEvent}: makes Asterisk send a {@code UserEvent} event named {@code name} with these headers to all sessions. */
    public CompletableFuture<AmiResponse> userEvent(String name, Map<String, String> headers) {
        AmiAction.Builder action = AmiAction.builder("UserEvent").header("UserEvent", name);
        headers.forEach(action::header);
        return client.send(action.build());
    }

    /** {@code Logoff}: ends the session, after which the client closes for good (it does not reconnect). */
    public CompletableFuture<AmiResponse> logoff() {
        return client.send(AmiAction.of("Logoff"));
    }

    private CompletableFuture<List<AmiEvent>> list(AmiAction action) {
        return client.send(action).thenApply(AmiResponse::events);
    }

    @Override
    public String toString() {
        return "AmiActionSender[" + server() + "]";
    }
}
