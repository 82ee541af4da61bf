package example;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.test.asterisk.RealAsterisk;
import io.amiboot.test.asterisk.TestAsterisk;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The standalone example, run as a user runs it: its own JVM, on the class path Maven resolves for
 * {@code ami-client} alone (written by the build to {@code target/runtime.classpath}), against the real Asterisk.
 */
@RealAsterisk
class HelloAsteriskIT {

    private static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime.classpath");

    @Test
    void noSpringClassIsOnTheExamplesClassPath() throws IOException {
        List<String> entries = runtimeClasspath();
        assertThat(entries).as("runtime class path").anyMatch(entry -> entry.contains("ami-client"));
        List<String> springClasses = new ArrayList<>();
        for (String entry : entries) {
            File file = new File(entry);
            if (file.isFile()) {
                try (JarFile jar = new JarFile(file)) {
                    jar.stream().map(java.util.jar.JarEntry::getName).filter(name -> name.startsWith("org/springframework/"))
                            .limit(1).forEach(name -> springClasses.add(entry + "!" + name));
                }
            }
        }
        assertThat(springClasses).as("Spring classes on the example's class path").isEmpty();
    }

    @Test
    void theExampleRunsInItsOwnJvmAgainstTheTestAsterisk(TestAsterisk asterisk) throws Exception {
        String classpath = Path.of("target", "classes") + File.pathSeparator
                + String.join(File.pathSeparator, runtimeClasspath());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("hello-asterisk", ".out");
        Process process = new ProcessBuilder(java.toString(), "-cp", classpath, "example.HelloAsterisk", asterisk.amiUrl())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        System.out.print(output);
        assertThat(exited).as("the example exited within 60 s; its output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
        assertThat(output).contains("Connected to Asterisk 22.");
        assertThat(output).contains("event Newchannel Local/100@test-");
        assertThat(output).containsPattern("originated Local/100@test-\\w+;1 \\(answered\\)");
        assertThat(output).containsPattern("channel Local/100@test-\\w+;1 Up");
        assertThat(output).containsPattern("live call \\S+ Local/100@test-\\w+;[12]");
    }

    private static List<String> runtimeClasspath() throws IOException {
        assertThat(RUNTIME_CLASSPATH).as("written by maven-dependency-plugin in generate-test-resources").exists();
        String written = Files.readString(RUNTIME_CLASSPATH).strip();
        return Arrays.stream(written.split(File.pathSeparator)).filter(entry -> !entry.isBlank()).toList();
    }
}
