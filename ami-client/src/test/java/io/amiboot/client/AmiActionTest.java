package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmiActionTest {

    @ParameterizedTest
    @ValueSource(strings = {"Local/100@test\r\nAction: Hangup", "a\nb", "a\rb", "trailing\n", "nul\0byte"})
    void rejectsValuesThatWouldEndTheLineNamingTheHeader(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AmiAction.builder("Originate").header("Channel", value))
                .withMessageStartingWith("Header 'Channel' contains");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Chan:nel", "Chan\r\nnel", "Chan nel", "", "Tab\tName"})
    void rejectsHeaderNamesThatWouldShiftTheSplit(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> AmiAction.builder("Originate").header(name, "x"));
    }

    @Test
    void rejectsAnInjectedActionName() {
        assertThatIllegalArgumentException().isThrownBy(() -> AmiAction.of("Ping\r\nAction: Hangup"))
                .withMessageContaining("Action");
    }

    @Test
    void reservesActionAndActionId() {
        assertThatIllegalArgumentException().isThrownBy(() -> AmiAction.builder("Ping").header("ActionID", "mine"))
                .withMessageContaining("set by the client");
        assertThatIllegalArgumentException().isThrownBy(() -> AmiAction.builder("Ping").header("action", "Hangup"));
    }

    @Test
    void rejectsLinesAsteriskWouldCut() {
        AmiAction.builder("Setvar").header("Value", "x".repeat(AmiAction.MAX_LINE_LENGTH - "Value: \r\n".length()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AmiAction.builder("Setvar").header("Value", "x".repeat(AmiAction.MAX_LINE_LENGTH)))
                .withMessageContaining("Header 'Value' makes a line of")
                .withMessageContaining("at most 1024 bytes");
    }

    @Test
    void rejectsMoreHeadersThanAsteriskReads() {
        AmiAction.Builder builder = AmiAction.builder("Originate");
        for (int i = 0; i < AmiAction.MAX_HEADERS - 2; i++) {
            builder.header("Variable", "v" + i + "=1");
        }
        assertThat(builder.build().size()).isEqualTo(AmiAction.MAX_HEADERS - 2);
        assertThatIllegalArgumentException().isThrownBy(() -> builder.header("Variable", "one=toomany"))
                .withMessageContaining("more than 128 headers");
    }

    @Test
    void hidesSecretsInToString() {
        AmiAction login = AmiAction.builder("Login").header("Username", "admin").header("Secret", "s3cr3t").build();
        assertThat(login.toString()).contains("Username: admin").contains("Secret: ******").doesNotContain("s3cr3t");
        assertThat(AmiAction.builder("Login").header("Key", "abcdef").build().toString()).doesNotContain("abcdef");
    }

    @Test
    void keepsRepeatedHeadersInOrder() {
        AmiAction originate = AmiAction.builder("Originate").header("Variable", "a=1").header("Variable", "b=2").build();
        assertThat(originate.size()).isEqualTo(2);
        assertThat(originate.headerValue(1)).isEqualTo("b=2");
        assertThat(originate.get("variable")).isEqualTo("a=1");
        assertThat(originate.toBuilder().build()).isEqualTo(originate);
    }

    @Test
    void encodesActionIdAndHeadersInOrderWithCrlf() {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiActionEncoder());
        PendingAction pending = new PendingAction(AmiAction.builder("Originate").header("Channel", "Local/100@test")
                .header("Application", "Wait").header("Data", "").build(), new CompletableFuture<>(), Duration.ofSeconds(1));
        pending.actionId = "42";
        channel.writeOutbound(pending);
        ByteBuf written = channel.readOutbound();
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(
                "Action: Originate\r\nActionID: 42\r\nChannel: Local/100@test\r\nApplication: Wait\r\nData: \r\n\r\n");
        written.release();
        channel.finishAndReleaseAll();
    }
}
