package io.amiboot.catalogue.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader on small documentation snippets, expanded with Asterisk's own stylesheet as the build does. */
class CatalogueReaderTest {

    static final Path STYLESHEET = Path.of("..", "ami-client", "src", "catalogue", "asterisk-22", "appdocsxml.xslt");

    private static final String SNIPPET = """
            <?xml version="1.0" encoding="UTF-8"?>
            <docs xmlns:xi="http://www.w3.org/2001/XInclude">
              <managerEvent language="en_US" name="Hangup" module="builtin">
                <managerEventInstance class="EVENT_FLAG_CALL">
                  <since><version>12.0.0</version></since>
                  <syntax>
                    <channel_snapshot/>
                    <parameter name="Cause" required="true"><para>prose we never copy</para></parameter>
                    <parameter name="Cause-txt"/>
                  </syntax>
                </managerEventInstance>
              </managerEvent>
              <managerEvent language="en_US" name="HangupRequest" module="builtin">
                <managerEventInstance class="EVENT_FLAG_CALL">
                  <syntax>
                    <channel_snapshot prefix="Dest"/>
                    <xi:include xpointer="xpointer(/docs/managerEvent[@name='Hangup']/managerEventInstance/syntax/parameter[@name='Cause'])" />
                  </syntax>
                </managerEventInstance>
              </managerEvent>
              <managerEvent language="en_US" name="AgentLogin" module="app_agent_pool">
                <managerEventInstance class="EVENT_FLAG_AGENT">
                  <since><version>12.0.0</version></since>
                  <syntax>
                    <parameter name="Agent" required="true"/>
                    <parameter name="Status"><enumlist><enum name="Up"/><enum name="Dialing Offhook"/></enumlist></parameter>
                  </syntax>
                </managerEventInstance>
              </managerEvent>
              <managerEvent language="en_US" name="AgentLogin" module="chan_other">
                <managerEventInstance class="EVENT_FLAG_AGENT">
                  <since><version>13.1.0</version></since>
                  <syntax>
                    <parameter name="Agent" required="true"/>
                    <parameter name="Status"/>
                    <parameter name="Extra" required="true"/>
                  </syntax>
                </managerEventInstance>
              </managerEvent>
              <manager name="Login" language="en_US">
                <syntax>
                  <parameter name="ActionID"/>
                  <parameter name="Username" required="true"/>
                </syntax>
              </manager>
              <manager name="CoreShowChannels" language="en_US" module="builtin">
                <since><version>1.6.0</version></since>
                <syntax>
                  <xi:include xpointer="xpointer(/docs/manager[@name='Login']/syntax/parameter[@name='ActionID'])" />
                  <parameter name="Filter" required="true"><enumlist><enum name="yes"/><enum name="no"/></enumlist></parameter>
                </syntax>
                <responses>
                  <list-elements>
                    <managerEvent language="en_US" name="CoreShowChannel">
                      <managerEventInstance class="EVENT_FLAG_CALL"><syntax><channel_snapshot/></syntax></managerEventInstance>
                    </managerEvent>
                  </list-elements>
                  <managerEvent language="en_US" name="CoreShowChannelsComplete">
                    <managerEventInstance class="EVENT_FLAG_CALL"><syntax><parameter name="ListItems"/></syntax></managerEventInstance>
                  </managerEvent>
                </responses>
              </manager>
            </docs>
            """;

    static Catalogue read(String xml) throws IOException {
        try (InputStream in = new ByteArrayInputStream(xml.strip().getBytes(StandardCharsets.UTF_8));
             InputStream xslt = Files.newInputStream(STYLESHEET)) {
            return CatalogueReader.read(AsteriskDocumentation.expand(AsteriskDocumentation.parse(in), xslt), "22.10.1");
        }
    }

    private static EventSpec event(Catalogue catalogue, String name) {
        return catalogue.events().stream().filter(event -> event.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> names(List<FieldSpec> fields) {
        return fields.stream().map(FieldSpec::wireName).toList();
    }

    @Test
    void theChannelSnapshotShorthandIsExpandedByAsterisksStylesheetWithAndWithoutPrefix() throws IOException {
        Catalogue catalogue = read(SNIPPET);
        assertThat(names(event(catalogue, "Hangup").fields())).containsExactly("Channel", "ChannelState",
                "ChannelStateDesc", "CallerIDNum", "CallerIDName", "ConnectedLineNum", "ConnectedLineName", "Language",
                "AccountCode", "Context", "Exten", "Priority", "Uniqueid", "Linkedid", "Cause", "Cause-txt");
        assertThat(names(event(catalogue, "HangupRequest").fields())).startsWith("DestChannel", "DestChannelState")
                .contains("DestLinkedid").endsWith("Cause");
        FieldSpec state = event(catalogue, "Hangup").fields().get(2);
        assertThat(state.enumValues()).startsWith("Down", "Rsrvd", "OffHook").contains("Dialing Offhook", "Pre-ring");
    }

    @Test
    void anIncludedParameterComesWithItsRequiredFlag() throws IOException {
        FieldSpec cause = event(read(SNIPPET), "HangupRequest").fields().stream()
                .filter(field -> field.wireName().equals("Cause")).findFirst().orElseThrow();
        assertThat(cause.required()).isTrue();
    }

    @Test
    void instancesOfOneEventInSeveralModulesMergeIntoOneSpec() throws IOException {
        EventSpec login = event(read(SNIPPET), "AgentLogin");
        assertThat(login.modules()).containsExactlyInAnyOrder("app_agent_pool", "chan_other");
        assertThat(login.since()).containsExactly("12.0.0", "13.1.0");
        assertThat(login.privileges()).containsExactly("agent");
        assertThat(names(login.fields())).containsExactly("Agent", "Status", "Extra");
        assertThat(login.fields().get(0).required()).as("required in both").isTrue();
        assertThat(login.fields().get(1).enumValues()).containsExactly("Up", "Dialing Offhook");
        assertThat(login.fields().get(2).required()).as("required in one module only").isFalse();
    }

    @Test
    void eventsInsideAListResponseAreEventsTooAndActionsKnowTheirEntries() throws IOException {
        Catalogue catalogue = read(SNIPPET);
        assertThat(catalogue.events()).extracting(EventSpec::name)
                .containsExactly("AgentLogin", "CoreShowChannel", "CoreShowChannelsComplete", "Hangup", "HangupRequest");
        ActionSpec list = catalogue.actions().stream().filter(action -> action.name().equals("CoreShowChannels"))
                .findFirst().orElseThrow();
        assertThat(list.listEntries()).containsExactly("CoreShowChannel");
        assertThat(list.since()).containsExactly("1.6.0");
        assertThat(names(list.parameters())).as("ActionID is the client's").containsExactly("Filter");
        assertThat(list.parameters().get(0).required()).isTrue();
    }

    @Test
    void theGeneratedSourcesCarryNamesNotAsterisksProse() throws IOException {
        Snapshots snapshots = Snapshots.expand(Files.readAllBytes(STYLESHEET));
        List<JavaSource> sources = CatalogueGenerator.generate(read(SNIPPET), snapshots, FieldType.Table.parse(List.of()));
        assertThat(sources).extracting(JavaSource::typeName).contains("HangupEvent", "AgentLoginEvent",
                "CoreShowChannelsAction", "LoginAction", "EventCatalogue", "ActionCatalogue", "ChannelEvent", "BridgeSnapshot");
        assertThat(sources).allSatisfy(source -> assertThat(source.text()).doesNotContain("prose we never copy"));
    }

    @Test
    void anIncludeCycleFailsInsteadOfLoopingForever() {
        String cycle = """
                <docs xmlns:xi="http://www.w3.org/2001/XInclude">
                  <manager name="A"><syntax><xi:include xpointer="xpointer(/docs/manager[@name='A']/syntax)"/></syntax></manager>
                </docs>
                """;
        assertThatThrownBy(() -> read(cycle)).isInstanceOf(IOException.class).hasMessageContaining("include cycle");
    }

    @Test
    void aPointerThatIsNoXpointerIsRefusedByName() {
        String bad = """
                <docs xmlns:xi="http://www.w3.org/2001/XInclude">
                  <manager name="A"><syntax><xi:include xpointer="element(/1/2)"/></syntax></manager>
                </docs>
                """;
        assertThatThrownBy(() -> read(bad)).isInstanceOf(IOException.class).hasMessageContaining("element(/1/2)");
    }
}
