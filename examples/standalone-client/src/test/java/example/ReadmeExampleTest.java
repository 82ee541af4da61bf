package example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's standalone example is this compiled source, word for word (run by {@link HelloAsteriskIT}). */
class ReadmeExampleTest {

    @Test
    void readmeShowsTheCompiledExampleVerbatim() throws Exception {
        String readme = Files.readString(Path.of("..", "..", "README.md"));
        String source = Files.readString(Path.of("src", "main", "java", "example", "HelloAsterisk.java"));
        String example = source.substring(source.indexOf("import io.amiboot")).strip();
        assertThat(readme).contains(example);
    }
}
