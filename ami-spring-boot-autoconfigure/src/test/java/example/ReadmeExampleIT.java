package example;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's standalone example works against a real Asterisk as written. */
@RealAsterisk
class ReadmeExampleIT {

    @Test
    void exampleRunsAgainstTheTestAsterisk(TestAsterisk asterisk) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            HelloAsterisk.main(new String[] {asterisk.amiUrl()});
        }
        finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);
        assertThat(output).contains("Connected to Asterisk 22.");
        assertThat(output).contains("event Newchannel Local/100@test-");
        assertThat(output).containsPattern("channel Local/100@test-\\w+;1 Up");
    }
}
