package io.amiboot.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.client.AmiActionException;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.AmiResponse;
import io.amiboot.event.AuthListEvent;
import io.amiboot.event.EndpointListEvent;
import io.amiboot.event.ExtensionStatusEvent;
import io.amiboot.event.TypedEvent;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every generated action that only reads is sent once to the real Asterisk 22 and answered: {@code Success}, or an
 * {@code Error} whose message shows Asterisk understood it (a nonexistent bridge, key or mailbox), never
 * "Invalid/unknown command". The list actions complete through {@link AmiActionSender#list} with typed entries.
 * Every other action of the catalogue is excluded here with the reason; a new action fails the test until it is
 * put on one side.
 */
@RealAsterisk
class ReadOnlyActionsIT {

    /** Names nothing on the test Asterisk has: the answers are "not found" errors. */
    private static final String NO_SUCH = "amiboot-no-such";

    private static final List<ActionRequest> READ_ONLY = List.of(
            new AgentsAction(), new BridgeInfoAction(NO_SUCH), new BridgeListAction(), new BridgeTechnologyListAction(),
            new ChallengeAction("MD5"), new CommandAction("core show version"), new ConfbridgeListAction(NO_SUCH),
            new ConfbridgeListRoomsAction(), new CoreSettingsAction(), new CoreShowChannelMapAction().channel(NO_SUCH),
            new CoreShowChannelsAction(), new CoreStatusAction(), new DBGetAction(NO_SUCH, NO_SUCH),
            new DBGetTreeAction().family(NO_SUCH), new DeviceStateListAction(),
            new ExtensionStateAction("contract-hint", "contract"), new ExtensionStateListAction(),
            new FAXSessionAction("999999"), new FAXSessionsAction(), new FAXStatsAction(),
            new GetConfigAction("musiconhold.conf"), new GetConfigJSONAction("musiconhold.conf"),
            new GetvarAction("AMIBOOT_NO_SUCH_VARIABLE"), new ListCategoriesAction("musiconhold.conf"),
            new ListCommandsAction(), new MailboxCountAction(NO_SUCH + "@default"),
            new MailboxStatusAction(NO_SUCH + "@default"), new ModuleCheckAction("app_queue"),
            new PJSIPShowAorsAction(), new PJSIPShowAuthsAction(), new PJSIPShowContactsAction(),
            new PJSIPShowEndpointAction("1001"), new PJSIPShowEndpointsAction(), new PJSIPShowMaintenanceAction(),
            new PJSIPShowRegistrationInboundContactStatusesAction(), new PJSIPShowRegistrationsInboundAction(),
            new PJSIPShowRegistrationsOutboundAction(), new PJSIPShowResourceListsAction(),
            new PJSIPShowSubscriptionsInboundAction(), new PJSIPShowSubscriptionsOutboundAction(),
            new ParkedCallsAction(), new ParkinglotsAction(), new PingAction(),
            new PresenceStateAction("CustomPresence:amiboot-contract"), new PresenceStateListAction(),
            new QueueRuleAction(), new QueueStatusAction().queue("sales"), new QueueSummaryAction(),
            new ShowDialPlanAction().context("contract"), new StatusAction(),
            new VoicemailBoxSummaryAction("default", NO_SUCH), new VoicemailUserStatusAction("default", NO_SUCH),
            new VoicemailUsersListAction());

    /**
     * Read-only actions of modules the test Asterisk does not load (no telephony hardware, no IAX2, XMPP or external
     * MWI; see asterisk/etc/modules.conf): sent too, and must answer "Invalid/unknown command", which proves the reason.
     */
    private static final List<ActionRequest> NOT_LOADED = List.of(new DAHDIShowChannelsAction(), new DAHDIShowStatusAction(),
            new IAXnetstatsAction(), new IAXpeerlistAction(), new IAXpeersAction(), new IAXregistryAction(),
            new MeetmeListAction(), new MeetmeListRoomsAction(), new MWIGetAction(NO_SUCH), new PRIShowSpansAction());

    /** Every other action of the catalogue, by why it is not sent. */
    private static final Map<String, List<String>> EXCLUDED = Map.of(
            "changes calls, bridges, queues, conferences, recordings or transfers", List.of("AGI", "AOCMessage",
                    "AbsoluteTimeout", "AgentLogoff", "Atxfer", "BlindTransfer", "Bridge", "BridgeDestroy", "BridgeKick",
                    "CancelAtxfer", "ConfbridgeKick", "ConfbridgeLock", "ConfbridgeMute", "ConfbridgeSetSingleVideoSrc",
                    "ConfbridgeStartRecord", "ConfbridgeStopRecord", "ConfbridgeUnlock", "ConfbridgeUnmute",
                    "ControlPlayback", "Hangup", "LocalOptimizeAway", "MixMonitor", "MixMonitorMute", "MuteAudio",
                    "Originate", "PJSIPHangup", "Park", "PlayDTMF", "PlayMF", "QueueAdd", "QueueChangePriorityCaller",
                    "QueueMemberRingInUse", "QueuePause", "QueuePenalty", "QueueRemove", "QueueReset",
                    "QueueWithdrawCaller", "Redirect", "SendFlash", "SendText", "StopMixMonitor"),
            "changes configuration, the database, the dialplan, modules, logs or variables", List.of(
                    "BridgeTechnologySuspend", "BridgeTechnologyUnsuspend", "CreateConfig", "DBDel", "DBDelTree", "DBPut",
                    "DialplanExtensionAdd", "DialplanExtensionRemove", "LoggerRotate", "ModuleLoad", "QueueLog",
                    "QueueReload", "Reload", "Setvar", "UpdateConfig", "VoicemailRefresh", "VoicemailForward",
                    "VoicemailMove", "VoicemailRemove", "SorceryMemoryCacheExpire", "SorceryMemoryCacheExpireObject",
                    "SorceryMemoryCachePopulate", "SorceryMemoryCacheStale", "SorceryMemoryCacheStaleObject"),
            "sends to the network or raises events for every session", List.of("MessageSend", "PJSIPNotify",
                    "PJSIPQualify", "PJSIPRegister", "PJSIPUnregister", "PJSIPSetMaintenance", "UserEvent"),
            "changes this session (login, event mask, filters) or holds its events in its own answer", List.of(
                    "Login", "Logoff", "Events", "Filter", "WaitEvent"),
            "a module the test Asterisk does not load, and it writes", List.of("DAHDIDNDoff", "DAHDIDNDon",
                    "DAHDIDialOffhook", "DAHDIHangup", "DAHDIRestart", "DAHDITransfer", "JabberSend", "MeetmeMute",
                    "MeetmeUnmute", "MWIDelete", "MWIUpdate", "PRIDebugFileSet", "PRIDebugFileUnset", "PRIDebugSet"));

    @Test
    void everyReadOnlyActionIsAnsweredAndTheRestAreExcludedWithAReason(TestAsterisk asterisk) throws Exception {
        Set<String> covered = new TreeSet<>();
        Stream.concat(READ_ONLY.stream(), NOT_LOADED.stream()).forEach(request -> assertThat(covered.add(request.action().name()))
                .as("%s is sent once", request.action().name()).isTrue());
        EXCLUDED.values().forEach(names -> names.forEach(name -> assertThat(covered.add(name)).as("%s is on one side only", name).isTrue()));
        assertThat(covered).as("every action of the catalogue is sent or excluded with a reason")
                .isEqualTo(ActionCatalogue.types().keySet());

        List<String> outcomes = new ArrayList<>();
        try (AmiClient client = AmiClient.create(AmiClientOptions.builder(asterisk.amiUrl()).name("read-only-it")
                .eventMask("off").actionTimeout(Duration.ofSeconds(20)).build())) {
            client.connect().get(30, TimeUnit.SECONDS);
            AmiActionSender sender = new AmiActionSender(client);
            for (ActionRequest request : READ_ONLY) {
                AmiResponse answer = answer(sender, request);
                String name = request.action().name();
                outcomes.add("| `" + name + "` | " + answer.type() + " | " + (answer.message() == null ? "" : answer.message()) + " |");
                assertThat(answer.type()).as("%s answered", name).isIn("Success", "Error", "Follows");
                assertThat(String.valueOf(answer.message())).as("%s understood", name)
                        .doesNotContain("Invalid/unknown command").doesNotContain("Permission denied");
                if (request instanceof ListActionRequest<?> list && answer.isSuccess()) {
                    outcomes.add(typedEntries(sender, list));
                }
            }
            for (ActionRequest request : NOT_LOADED) {
                assertThat(answer(sender, request).message()).as("%s: its module is not loaded", request.action().name())
                        .contains("Invalid/unknown command");
            }
            assertThat(typedList(sender, new PJSIPShowEndpointsAction())).extracting(EndpointListEvent::objectName)
                    .contains("1001", "1002", "1003");
            assertThat(typedList(sender, new PJSIPShowAuthsAction())).extracting(AuthListEvent::objectName)
                    .contains("1001", "1002", "1003");
            assertThat(typedList(sender, new ExtensionStateListAction())).extracting(ExtensionStatusEvent::exten)
                    .contains("contract-hint");
        }
        outcomes.forEach(line -> System.out.println("READ-ONLY-ACTIONS " + line));
        Files.write(Path.of("target", "read-only-actions.md"), outcomes, StandardCharsets.UTF_8);
    }

    /** Asterisk's answer, also when it is an error (the future then fails with the error response kept). */
    private static AmiResponse answer(AmiActionSender sender, ActionRequest request) throws Exception {
        try {
            return sender.send(request).get(20, TimeUnit.SECONDS);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof AmiActionException error) {
                return error.response();
            }
            throw ex;
        }
    }

    private static <E extends TypedEvent> List<E> typedList(AmiActionSender sender, ListActionRequest<E> request) throws Exception {
        return sender.list(request).get(20, TimeUnit.SECONDS);
    }

    /** The list's entries come typed, each of the list's entry type. */
    private static String typedEntries(AmiActionSender sender, ListActionRequest<?> request) throws Exception {
        List<? extends TypedEvent> entries = typedList(sender, request);
        assertThat(entries).as("entries of %s", request.action().name()).allMatch(request.entryType()::isInstance);
        Set<String> types = new HashSet<>();
        entries.forEach(entry -> types.add(entry.getClass().getSimpleName()));
        return "| `" + request.action().name() + "` via list() | " + entries.size() + " typed entries | "
                + String.join(", ", new TreeSet<>(types)) + " |";
    }
}
