package io.amiboot.catalogue.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the writers make of a spec: the types, required flags, enums and {@code since} versions in the source. */
class SourceWritersTest {

    private static final FieldType.Table TYPES = FieldType.Table.parse(List.of("# numbers", "Cause int", "Hangup.Flag boolean"));

    private static Snapshots snapshots() throws IOException {
        return Snapshots.expand(Files.readAllBytes(CatalogueReaderTest.STYLESHEET));
    }

    @Test
    void anEventWithItsOwnChannelSnapshotIsAChannelEventWithTypedFields() throws IOException {
        List<FieldSpec> fields = new java.util.ArrayList<>(snapshots().channel());
        fields.add(new FieldSpec("Cause", true, false, List.of()));
        fields.add(new FieldSpec("Cause-txt", false, false, List.of()));
        fields.add(new FieldSpec("Flag", false, false, List.of()));
        fields.add(new FieldSpec("Mode", false, false, List.of("Up", "Dialing Offhook")));
        fields.add(new FieldSpec("Peer", false, true, List.of()));
        fields.add(new FieldSpec("Answered", false, false, List.of("Yes", "No")));
        EventSpec event = new EventSpec("Hangup", java.util.Set.of("call"), List.of("12.0.0"), java.util.Set.of("builtin"), fields);
        String source = new EventWriter(snapshots(), TYPES, "22").write(event).text();
        assertThat(source).contains("public final class HangupEvent implements ChannelEvent {")
                .contains("Documented since Asterisk 12.0.0.")
                .contains("AMI_Events/Hangup/")
                .contains("public Integer cause() {").contains("(documented as required)")
                .contains("public String causeTxt() {\n        return raw.get(\"Cause-txt\");")
                .contains("public Boolean flag() {")
                .contains("public Mode mode() {").contains("DIALING_OFFHOOK(\"Dialing Offhook\"),").contains("UNRECOGNIZED(null);")
                .contains("for (Mode constant : CONSTANTS) {")
                .contains("public java.util.List<String> peer() {\n        return raw.getAll(\"Peer\");")
                .contains("public Boolean answered() {");
        assertThat(source).as("snapshot headers come from ChannelEvent").doesNotContain("public String channel()");
    }

    @Test
    void anEventListsTheHeadersItsDocumentationRequiresAndOnlyThenOverridesRequiredHeaders() throws IOException {
        EventSpec stats = new EventSpec("FAXStats", java.util.Set.of("reporting"), List.of(), java.util.Set.of("res_fax"),
                List.of(new FieldSpec("CurrentSessions", true, false, List.of()), new FieldSpec("Note", false, false, List.of()),
                        new FieldSpec("FailedFAXes", true, false, List.of())));
        EventSpec none = new EventSpec("Reload", java.util.Set.of(), List.of(), java.util.Set.of(),
                List.of(new FieldSpec("Module", false, false, List.of())));
        EventWriter writer = new EventWriter(snapshots(), TYPES, "22");
        assertThat(writer.write(stats).text())
                .contains("private static final Set<String> REQUIRED_HEADERS = Set.of(\"CurrentSessions\", \"FailedFAXes\");")
                .contains("public Set<String> requiredHeaders() {\n        return REQUIRED_HEADERS;");
        assertThat(writer.write(none).text()).as("TypedEvent's default (none) stays")
                .doesNotContain("REQUIRED_HEADERS").doesNotContain("requiredHeaders()");
    }

    @Test
    void aPrefixedSnapshotIsAViewAndNoChannelEvent() throws IOException {
        List<FieldSpec> fields = snapshots().channel().stream()
                .map(field -> new FieldSpec("Dest" + field.wireName(), false, false, field.enumValues())).toList();
        EventSpec event = new EventSpec("DialEnd", java.util.Set.of(), List.of(), java.util.Set.of(), fields);
        String source = new EventWriter(snapshots(), TYPES, "22").write(event).text();
        assertThat(source).contains("public final class DialEndEvent implements TypedEvent {")
                .contains("public ChannelSnapshot destChannelSnapshot() {\n        return new ChannelSnapshot(raw, \"Dest\");")
                .doesNotContain("destChannelState()");
    }

    @Test
    void anActionRequiresItsRequiredParametersAndSetsTheOthersOnACopy() {
        ActionSpec action = new ActionSpec("Hangup", List.of("1.0"), "builtin",
                List.of(new FieldSpec("Channel", true, false, List.of()), new FieldSpec("Cause", false, false, List.of())),
                List.of());
        String source = new ActionWriter("22", java.util.Set.of()).write(action).text();
        assertThat(source).contains("public final class HangupAction implements ActionRequest {")
                .contains("public HangupAction(String channel) {\n        this(ActionHeaders.required(NAME, \"Channel\", channel));")
                .contains("public HangupAction cause(String cause) {\n        return new HangupAction(ActionHeaders.with(headers, \"Cause\", cause));")
                .contains("Documented since Asterisk 1.0.");
    }

    @Test
    void aListActionNamesItsEntryTypeOrAnyTypedEventForSeveral() {
        ActionSpec one = new ActionSpec("CoreShowChannels", List.of(), "", List.of(), List.of("CoreShowChannel"));
        ActionSpec several = new ActionSpec("PJSIPShowEndpoint", List.of(), "", List.of(), List.of("EndpointDetail", "AorDetail"));
        ActionWriter writer = new ActionWriter("22", java.util.Set.of("CoreShowChannel", "EndpointDetail", "AorDetail"));
        assertThat(writer.write(one).text()).contains("implements ListActionRequest<io.amiboot.event.CoreShowChannelEvent>");
        assertThat(writer.write(several).text()).contains("implements ListActionRequest<io.amiboot.event.TypedEvent>");
    }

    @Test
    void theFieldTypesTableRefusesWhatItCannotRead() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FieldType.Table.parse(List.of("Cause integer")))
                .hasMessageContaining("unknown type 'integer'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FieldType.Table.parse(List.of("Cause")))
                .hasMessageContaining("want 'Header type'");
    }
}
