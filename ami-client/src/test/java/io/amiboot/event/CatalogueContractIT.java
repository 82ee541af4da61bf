package io.amiboot.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.action.AmiActionSender;
import io.amiboot.action.OriginateAction;
import io.amiboot.client.AmiAuthType;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiClientOptions;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiUrl;
import io.amiboot.test.asterisk.Reliability;
import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The contract of the catalogue with a real Asterisk 22: a scripted scenario ({@link ContractScenario}: calls,
 * bridges, transfers, queue, agent, parking, MixMonitor, ConfBridge, DTMF, talk detection, async AGI, device,
 * presence and extension state, module reloads, security events) makes the test Asterisk send as many kinds of
 * events as its configuration allows. Every documented event must come out of {@link EventCatalogue#typed} as its
 * own class with every header its documentation requires; what Asterisk sent and did not document is reported in
 * {@code target/catalogue-contract.md} (the table docs/catalogue.md publishes), not failed.
 */
@RealAsterisk
class CatalogueContractIT {

    /** The bar: distinct documented event types one run of the scenario sees. */
    private static final int MINIMUM_TYPES = 60;

    private static final String SERVER = "contract-it";

    @Test
    void everyEventOfTheScenarioMapsToItsTypedClassWithItsRequiredHeaders(TestAsterisk asterisk) throws Exception {
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        ContractScenario scenario;
        try (AmiClient client = AmiClient.create(AmiClientOptions.builder(asterisk.amiUrl()).name(SERVER).eventMask("on")
                .actionTimeout(Duration.ofSeconds(10)).build())) {
            client.addEventListener(events::add);
            client.connect().get(30, TimeUnit.SECONDS);
            scenario = new ContractScenario(new AmiActionSender(client), events);
            try {
                securityEvents(asterisk);
                scenario.run();
            }
            finally {
                scenario.cleanUp();
            }
            Awaitility.await("the security events of the other sessions").atMost(Duration.ofSeconds(10))
                    .until(() -> names(events).containsAll(Set.of("InvalidPassword", "RequestNotAllowed")));
        }

        SortedSet<String> documentedTypes = new TreeSet<>();
        SortedSet<String> undocumentedEvents = new TreeSet<>();
        SortedMap<String, String> spelledOtherwise = new TreeMap<>();
        SortedMap<String, SortedSet<String>> undocumentedHeaders = new TreeMap<>();
        List<String> missingRequired = new ArrayList<>();
        for (AmiEvent event : events) {
            TypedEvent typed = EventCatalogue.typed(event, SERVER);
            if (typed == null) {
                undocumentedEvents.add(event.name());
                continue;
            }
            Class<? extends TypedEvent> type = EventCatalogue.type(event.name());
            assertThat(typed).as("the typed view of %s", event).isExactlyInstanceOf(type);
            assertThat(typed.raw()).isSameAs(event);
            assertThat(typed.server()).isEqualTo(SERVER);
            String documentedName = constantName(type);
            documentedTypes.add(documentedName);
            if (!documentedName.equals(event.name())) {
                spelledOtherwise.put(event.name(), documentedName);
            }
            if (typed instanceof ChannelEvent channelEvent && event.get("Channel") != null) {
                assertThat(channelEvent.channel()).as("channel() of %s", event).isEqualTo(event.get("Channel"));
            }
            typed.requiredHeaders().stream().filter(header -> event.get(header) == null)
                    .forEach(header -> missingRequired.add(event.name() + " without " + header + ": " + event));
            if (typed instanceof UserEventEvent) {
                continue; // its headers are whatever the sender put in (here the dialplan's UserEvent())
            }
            typed.undocumentedHeaders().forEach(header ->
                    undocumentedHeaders.computeIfAbsent(event.name(), name -> new TreeSet<>()).add(header.getKey()));
        }
        Path report = report(events.size(), documentedTypes, undocumentedEvents, spelledOtherwise, undocumentedHeaders);

        assertThat(missingRequired).as("events without a header their documentation requires").isEmpty();
        assertThat(documentedTypes).as("distinct documented event types seen (report: %s)", report)
                .hasSizeGreaterThanOrEqualTo(MINIMUM_TYPES)
                .contains("Newchannel", "BridgeEnter", "BlindTransfer", "AttendedTransfer", "QueueCallerJoin",
                        "AgentConnect", "QueueCallerAbandon", "Hold", "Unhold", "ParkedCall", "UnParkedCall",
                        "MixMonitorStart", "MixMonitorStop", "ConfbridgeJoin", "ConfbridgeLeave", "DTMFBegin",
                        "DTMFEnd", "UserEvent", "DeviceStateChange", "ExtensionStatus", "PresenceStateChange",
                        "AgentRingNoAnswer", "AgentLogin", "AgentLogoff", "ParkedCallGiveUp", "ParkedCallTimeOut",
                        "AsyncAGIStart", "AsyncAGIEnd", "ChanSpyStart", "Pickup", "LocalOptimizationBegin",
                        "HangupHandlerRun", "NewAccountCode", "InvalidPassword", "RequestNotAllowed", "Reload", "Load",
                        "Unload");
        Reliability.row("Typed catalogue against a real Asterisk 22 (scripted scenario)",
                events.size() + " events of " + documentedTypes.size() + " documented types (+ "
                        + undocumentedEvents.size() + " undocumented), " + scenario.calls() + " scripted calls",
                "transfers, queue, agents, parking, MixMonitor, ConfBridge, async AGI, DTMF, states, reloads, "
                        + "a wrong password, a refused action",
                "every documented event typed as its class, with every header its documentation requires",
                "nothing (" + undocumentedHeaders.size() + " event types with undocumented headers, reported)");
    }

    /** InvalidPassword, RequestNotAllowed (the read-only user originates), ChallengeSent (an MD5 login). */
    private static void securityEvents(TestAsterisk asterisk) throws Exception {
        AmiUrl url = AmiUrl.parse(asterisk.amiUrl());
        AmiClientOptions wrong = AmiClientOptions.builder(new AmiUrl(false, url.host(), url.port(), url.username(),
                "contract-wrong-secret")).name("contract-wrong").build();
        try (AmiClient client = AmiClient.create(wrong)) {
            assertThatThrownBy(() -> client.connect().get(30, TimeUnit.SECONDS)).hasMessageContaining("Authentication failed");
        }
        AmiClientOptions viewer = AmiClientOptions.builder(new AmiUrl(false, url.host(), url.port(), "viewer", "viewer"))
                .name("contract-viewer").authType(AmiAuthType.MD5).eventMask("off").build();
        try (AmiClient client = AmiClient.create(viewer)) {
            client.connect().get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> new AmiActionSender(client).send(new OriginateAction("Local/100@test")
                    .application("Wait").data("1")).get(10, TimeUnit.SECONDS)).hasMessageContaining("Permission denied");
        }
    }

    private static Set<String> names(List<AmiEvent> events) {
        return events.stream().map(AmiEvent::name).collect(Collectors.toSet());
    }

    private static String constantName(Class<? extends TypedEvent> type) throws ReflectiveOperationException {
        return (String) type.getField("NAME").get(null);
    }

    private static Path report(int events, Set<String> documented, Set<String> undocumented, Map<String, String> spelledOtherwise,
            Map<String, SortedSet<String>> headers) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Catalogue contract: " + events + " events from the test Asterisk 22 (CatalogueContractIT)");
        lines.add("");
        lines.add(documented.size() + " documented event types seen: " + String.join(", ", documented));
        lines.add("");
        lines.add("Events sent that the XML does not document (they stay raw AmiEvents): "
                + (undocumented.isEmpty() ? "none" : undocumented.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "))));
        lines.add("");
        spelledOtherwise.forEach((sent, documentedName) -> lines.add("Sent as `" + sent + "`, documented as `"
                + documentedName + "` (the catalogue matches it ignoring case)."));
        lines.add("");
        lines.add("| event | headers |");
        lines.add("|---|---|");
        headers.forEach((event, names) -> lines.add("| `" + event + "` | "
                + names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", ")) + " |"));
        lines.forEach(line -> System.out.println("CATALOGUE-CONTRACT " + line));
        Path report = Path.of("target", "catalogue-contract.md");
        Files.write(report, lines, StandardCharsets.UTF_8);
        return report;
    }
}
