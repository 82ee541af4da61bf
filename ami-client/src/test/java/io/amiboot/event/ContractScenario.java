package io.amiboot.event;

import io.amiboot.action.AGIAction;
import io.amiboot.action.ActionRequest;
import io.amiboot.action.AgentLogoffAction;
import io.amiboot.action.AmiActionSender;
import io.amiboot.action.AtxferAction;
import io.amiboot.action.BlindTransferAction;
import io.amiboot.action.ConfbridgeMuteAction;
import io.amiboot.action.ConfbridgeStartRecordAction;
import io.amiboot.action.ConfbridgeStopRecordAction;
import io.amiboot.action.ConfbridgeUnmuteAction;
import io.amiboot.action.CoreShowChannelsAction;
import io.amiboot.action.FAXStatsAction;
import io.amiboot.action.HangupAction;
import io.amiboot.action.MixMonitorAction;
import io.amiboot.action.MixMonitorMuteAction;
import io.amiboot.action.ModuleLoadAction;
import io.amiboot.action.OriginateAction;
import io.amiboot.action.ParkAction;
import io.amiboot.action.PlayDTMFAction;
import io.amiboot.action.QueueAddAction;
import io.amiboot.action.QueueMemberRingInUseAction;
import io.amiboot.action.QueuePauseAction;
import io.amiboot.action.QueuePenaltyAction;
import io.amiboot.action.QueueRemoveAction;
import io.amiboot.action.ReloadAction;
import io.amiboot.action.StopMixMonitorAction;
import io.amiboot.action.UserEventAction;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * The calls {@link CatalogueContractIT} makes the test Asterisk place, each raising particular events: the dialplan
 * is context {@code contract} of asterisk/etc/extensions.conf (queue {@code contract} in queues.conf, agent
 * {@code contract} in agents.conf, talk detection in confbridge.conf). Every caller ID name starts with
 * {@link #MARK}, so the steps find their own channels among the other tests' calls on the shared server.
 */
final class ContractScenario {

    /** Caller ID names of the scenario's calls start with it. */
    static final String MARK = "contract-";

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String QUEUE = "contract";

    private static final String NO_ANSWER = "Local/900@test/n";

    private static final String AGENT = "Local/agent@contract/n";

    private static final String CONFERENCE = "amiboot-contract";

    private final AmiActionSender sender;

    private final List<AmiEvent> events;

    private int calls;

    /**
     * @param sender where the scenario's actions go
     * @param events every event the client received so far, appended to as they come (thread-safe)
     */
    ContractScenario(AmiActionSender sender, List<AmiEvent> events) {
        this.sender = sender;
        this.events = events;
    }

    /** Runs every step, then waits until none of the scenario's calls is left. */
    void run() {
        // Steps that need no more than the dialplan run alongside the others; each other step places its own calls.
        originateTo("Local/talk@contract", "tones", "talk");
        originateTo("Local/optim@contract", "optim", "optim");
        originate("Local/states@contract", "states", 5);
        send(new UserEventAction("CatalogueContract"));
        send(new FAXStatsAction());
        conference();
        asyncAgi();
        agentAndSpyAndPickup();
        queue();
        transfers();
        parking();
        modules();
        awaitNoCallsLeft();
    }

    private void queue() {
        send(new QueueAddAction(QUEUE, NO_ANSWER).memberName(MARK + "never"));
        send(new QueuePenaltyAction(NO_ANSWER, "0").queue(QUEUE));
        // Rung even while another call (another test's, say) keeps Local/900@test in use.
        send(new QueueMemberRingInUseAction(NO_ANSWER, "true").queue(QUEUE));
        send(new QueuePauseAction(NO_ANSWER, "true").queue(QUEUE));
        send(new QueuePauseAction(NO_ANSWER, "false").queue(QUEUE));
        originate("Local/queue@contract", "queue", 20);
        await("AgentRingNoAnswer of the member that only rings", named("AgentRingNoAnswer"));
        send(new QueueAddAction(QUEUE, AGENT).memberName(MARK + "agent"));
        await("AgentComplete of the member that answers", named("AgentComplete"));
        send(new QueueRemoveAction(QUEUE, AGENT));
        send(new QueuePauseAction(NO_ANSWER, "true").queue(QUEUE));
        originate("Local/queue@contract", "abandon", 2);
        await("QueueCallerAbandon", named("QueueCallerAbandon"));
        send(new QueueRemoveAction(QUEUE, NO_ANSWER));
    }

    private void transfers() {
        originate("Local/400@test", "blind", 20);
        originate("Local/400@test", "attended", 20);
        String blind = bridged("blind");
        send(new BlindTransferAction(blind).context("contract").exten("agent"));
        String attended = bridged("attended");
        send(new MixMonitorAction(attended).file("amiboot-contract.wav"));
        send(new MixMonitorMuteAction(attended).direction("both").state("1"));
        send(new StopMixMonitorAction(attended));
        send(new AtxferAction(attended, "800").context("contract"));
        await("the attended transfer's target answered", event -> event.is("Newstate") && "Up".equals(event.get("ChannelStateDesc"))
                && channel(event).startsWith("Local/800@contract"));
        // The transferer hangs up once the target answered: that completes the attended transfer.
        send(new HangupAction(attended));
        await("AttendedTransfer", named("AttendedTransfer"));
    }

    private void parking() {
        originate("Local/700@test", "giveup", 20);
        originate("Local/700@test", "unpark", 20);
        originate("Local/500@test", "timeout", 20);
        String timeout = await("the call to park with a timeout", event -> waiting(event, "timeout")).get("Channel");
        send(new PlayDTMFAction(timeout, "5"));
        send(new ParkAction(timeout).timeout("1000"));
        AmiEvent giveUp = await("the parked call that gives up", parked("giveup"));
        send(new HangupAction(giveUp.get("ParkeeChannel")));
        AmiEvent unpark = await("the parked call to unpark", parked("unpark"));
        originate("Local/" + unpark.get("ParkingSpace") + "@test", "unparker", 2);
        await("ParkedCallTimeOut", named("ParkedCallTimeOut"));
    }

    private void conference() {
        originateTo("Local/conf@contract", "tones", "conf");
        AmiEvent join = await("ConfbridgeJoin", named("ConfbridgeJoin"));
        send(new ConfbridgeMuteAction(CONFERENCE, join.get("Channel")));
        send(new ConfbridgeUnmuteAction(CONFERENCE, join.get("Channel")));
        send(new ConfbridgeStartRecordAction(CONFERENCE).recordFile("/tmp/amiboot-contract-conference.wav"));
        send(new ConfbridgeStopRecordAction(CONFERENCE));
    }

    private void asyncAgi() {
        originate("Local/agi@contract", "agi", 20);
        String channel = await("AsyncAGIStart", named("AsyncAGIStart")).get("Channel");
        send(new AGIAction(channel, "VERBOSE amiboot-contract 1").commandID("verbose"));
        send(new AGIAction(channel, "ASYNCAGI BREAK").commandID("break"));
    }

    private void agentAndSpyAndPickup() {
        originate("Local/agent-login@contract", "agent", 20);
        originate("Local/spied@contract", "spied", 10);
        originate("Local/ringing@contract", "ringing", 20);
        await("AgentLogin", event -> event.is("AgentLogin") && "contract".equals(event.get("Agent")));
        send(new AgentLogoffAction("contract"));
        await("the call to spy on", event -> waiting(event, "spied"));
        originate("Local/spy@contract", "spy", 3);
        await("the ringing call with a pickup mark", event -> event.is("DialState") && ours(event, "ringing"));
        originate("Local/pickup@contract", "pickup", 2);
    }

    /** Reload, Load and Unload: app_morsecode is a module no test uses (Morse code as audio). */
    private void modules() {
        send(new ReloadAction().module("app_confbridge.so"));
        send(new ModuleLoadAction("unload").module("app_morsecode.so"));
        send(new ModuleLoadAction("load").module("app_morsecode.so"));
    }

    private void awaitNoCallsLeft() {
        Awaitility.await("the scenario's calls to end").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> sender.list(new CoreShowChannelsAction()).get(10, TimeUnit.SECONDS).stream()
                        .noneMatch(entry -> isOurs(entry.callerIDName(), entry.channel())));
    }

    /** Hangs up what a failed run left behind: the scenario's channels and queue members. */
    void cleanUp() throws Exception {
        for (CoreShowChannelEvent entry : sender.list(new CoreShowChannelsAction()).get(10, TimeUnit.SECONDS)) {
            if (isOurs(entry.callerIDName(), entry.channel())) {
                sender.send(new HangupAction(entry.channel()));
            }
        }
        sender.send(new QueueRemoveAction(QUEUE, NO_ANSWER));
        sender.send(new QueueRemoveAction(QUEUE, AGENT));
    }

    private static boolean isOurs(String callerIdName, String channel) {
        return (callerIdName != null && callerIdName.startsWith(MARK)) || (channel != null && channel.contains("@contract-"));
    }

    /** {@return how many calls the scenario originated} */
    int calls() {
        return calls;
    }

    private void originate(String channel, String step, int seconds) {
        calls++;
        send(new OriginateAction(channel).application("Wait").data(Integer.toString(seconds)).callerID(callerId(step)).async("true"));
    }

    private void originateTo(String channel, String exten, String step) {
        calls++;
        send(new OriginateAction(channel).context("contract").exten(exten).priority("1").callerID(callerId(step)).async("true"));
    }

    private static String callerId(String step) {
        return "\"" + MARK + step + "\" <0>";
    }

    private String bridged(String step) {
        return await("the " + step + " call in its bridge", event -> event.is("BridgeEnter") && ours(event, step)
                && channel(event).endsWith(";2")).get("Channel");
    }

    private static Predicate<AmiEvent> parked(String step) {
        return event -> event.is("ParkedCall") && (MARK + step).equals(event.get("ParkeeCallerIDName"));
    }

    private static Predicate<AmiEvent> named(String name) {
        return event -> event.is(name);
    }

    /** The dialplan half (";2") of a step's call reached its Wait(). */
    private static boolean waiting(AmiEvent event, String step) {
        return event.is("Newexten") && "Wait".equals(event.get("Application")) && ours(event, step) && channel(event).endsWith(";2");
    }

    private static boolean ours(AmiEvent event, String step) {
        return (MARK + step).equals(event.get("CallerIDName"));
    }

    private static String channel(AmiEvent event) {
        return Optional.ofNullable(event.get("Channel")).orElse("");
    }

    private AmiEvent await(String what, Predicate<AmiEvent> wanted) {
        return Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> events.stream().filter(wanted).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** Sends and waits for the answer; an error answer fails the step with Asterisk's message. */
    private AmiResponse send(ActionRequest request) {
        try {
            return sender.send(request).get(10, TimeUnit.SECONDS);
        }
        catch (ExecutionException ex) {
            throw new AssertionError(request + " failed: " + ex.getCause().getMessage(), ex.getCause());
        }
        catch (InterruptedException | TimeoutException ex) {
            throw new AssertionError(request + " was not answered: " + ex, ex);
        }
    }
}
