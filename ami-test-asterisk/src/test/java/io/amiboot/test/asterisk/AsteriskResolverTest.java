package io.amiboot.test.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.amiboot.test.asterisk.AsteriskResolver.Container;
import io.amiboot.test.asterisk.AsteriskResolver.External;
import io.amiboot.test.asterisk.AsteriskResolver.Rootfs;

class AsteriskResolverTest {

    @TempDir
    Path repo;

    Path module;

    FakeEnvironment env;

    @BeforeEach
    void repository() throws IOException {
        Files.createDirectories(repo.resolve("scripts"));
        Files.writeString(repo.resolve("scripts/asterisk.sh"), "#!/bin/bash\n");
        Files.createDirectories(repo.resolve("docker/asterisk"));
        Files.writeString(repo.resolve("docker/asterisk/Dockerfile"), "FROM debian:sid-slim\n");
        Files.createDirectories(repo.resolve("asterisk/etc"));
        module = Files.createDirectories(repo.resolve("some-module"));
        env = new FakeEnvironment(module);
    }

    @Test
    void externalUrlFromEnvironmentWinsAndDoesNotAskDocker() {
        env.env.put("AMIBOOT_ASTERISK_URL", "ami://amiboot:amiboot@127.0.0.1:15038");
        env.docker = true;
        env.root = true;

        AsteriskResolver.Choice choice = AsteriskResolver.choose(env);

        assertThat(choice).isInstanceOf(External.class);
        External external = (External) choice;
        assertThat(external.endpoint()).isEqualTo(new AmiEndpoint("127.0.0.1", 15038, "amiboot", "amiboot"));
        assertThat(external.control()).isNull();
        assertThat(env.dockerChecks).isZero();
    }

    @Test
    void systemPropertyOverridesEnvironmentVariable() {
        env.env.put("AMIBOOT_ASTERISK_URL", "ami://a:b@10.0.0.1:1");
        env.properties.put("amiboot.asterisk.url", "ami://amiboot:amiboot@localhost:15038");

        External external = (External) AsteriskResolver.choose(env);

        assertThat(external.endpoint().host()).isEqualTo("localhost");
    }

    @Test
    void controlScriptMakesExternalServerRestartable() {
        env.env.put("AMIBOOT_ASTERISK_URL", "ami://amiboot:amiboot@127.0.0.1:15038");
        env.env.put("AMIBOOT_ASTERISK_CONTROL", repo.resolve("scripts/asterisk.sh").toString());

        External external = (External) AsteriskResolver.choose(env);

        assertThat(external.control()).isEqualTo(repo.resolve("scripts/asterisk.sh"));
    }

    @Test
    void relativeControlScriptIsFoundFromTheModuleDirectory() {
        env.env.put("AMIBOOT_ASTERISK_URL", "ami://amiboot:amiboot@127.0.0.1:15038");
        env.env.put("AMIBOOT_ASTERISK_CONTROL", "scripts/asterisk.sh");

        External external = (External) AsteriskResolver.choose(env);

        assertThat(external.control()).isEqualTo(repo.toAbsolutePath().normalize().resolve("scripts/asterisk.sh"));
    }

    @Test
    void missingControlScriptFailsLoudly() {
        env.env.put("AMIBOOT_ASTERISK_URL", "ami://amiboot:amiboot@127.0.0.1:15038");
        env.env.put("AMIBOOT_ASTERISK_CONTROL", repo.resolve("nope.sh").toString());

        assertThatThrownBy(() -> AsteriskResolver.choose(env)).isInstanceOf(AsteriskUnavailableException.class)
                .hasMessageContaining("AMIBOOT_ASTERISK_CONTROL").hasMessageContaining("nope.sh");
    }

    @Test
    void invalidUrlFailsWithExample() {
        env.env.put("AMIBOOT_ASTERISK_URL", "tcp://127.0.0.1:5038");

        assertThatThrownBy(() -> AsteriskResolver.choose(env)).isInstanceOf(AsteriskUnavailableException.class)
                .hasMessageContaining("AMIBOOT_ASTERISK_URL").hasMessageContaining("ami://user:secret@host:port");
    }

    @Test
    void dockerComesSecond() {
        env.docker = true;
        env.root = true;

        assertThat(AsteriskResolver.choose(env)).isEqualTo(new Container(repo.toAbsolutePath().normalize()));
    }

    @Test
    void rootfsWhenRootOnLinuxWithoutDocker() {
        env.root = true;

        assertThat(AsteriskResolver.choose(env)).isEqualTo(new Rootfs(repo.resolve("scripts/asterisk.sh")));
    }

    @Test
    void failsWithInstructionsWhenNothingWorks() {
        assertThatThrownBy(() -> AsteriskResolver.choose(env)).isInstanceOf(AsteriskUnavailableException.class)
                .hasMessageContaining("AMIBOOT_ASTERISK_URL (or -Damiboot.asterisk.url) is not set")
                .hasMessageContaining("no working Docker environment")
                .hasMessageContaining("needs root")
                .hasMessageContaining("export AMIBOOT_ASTERISK_URL=ami://amiboot:amiboot@127.0.0.1:15038")
                .hasMessageContaining("AMIBOOT_ASTERISK_CONTROL")
                .hasMessageContaining("installing and starting Docker")
                .hasMessageContaining("scripts/asterisk.sh start")
                .hasMessageContaining("-DskipITs");
    }

    @Test
    void rootfsNeedsLinux() {
        env.root = true;
        env.linux = false;

        assertThatThrownBy(() -> AsteriskResolver.choose(env)).hasMessageContaining("only on Linux");
    }

    @Test
    void rootfsNeedsTheScript() throws IOException {
        env.root = true;
        Files.delete(repo.resolve("scripts/asterisk.sh"));

        assertThatThrownBy(() -> AsteriskResolver.choose(env)).hasMessageContaining("scripts/asterisk.sh not found");
    }

    @Test
    void forcedModeSkipsTheOthers() {
        env.docker = true;
        env.root = true;
        env.env.put("AMIBOOT_ASTERISK_MODE", "rootfs");

        assertThat(AsteriskResolver.choose(env)).isInstanceOf(Rootfs.class);
        assertThat(env.dockerChecks).isZero();
    }

    @Test
    void forcedModeThatCannotWorkFails() {
        env.properties.put("amiboot.asterisk.mode", "container");

        assertThatThrownBy(() -> AsteriskResolver.choose(env)).hasMessageContaining("Docker is not available");

        env.properties.put("amiboot.asterisk.mode", "external");
        assertThatThrownBy(() -> AsteriskResolver.choose(env)).hasMessageContaining("AMIBOOT_ASTERISK_URL");

        env.properties.put("amiboot.asterisk.mode", "bogus");
        assertThatThrownBy(() -> AsteriskResolver.choose(env)).hasMessageContaining("external, container or rootfs");
    }

    @Test
    void blankSettingsCountAsUnset() {
        env.env.put("AMIBOOT_ASTERISK_URL", "  ");
        env.root = true;

        assertThat(AsteriskResolver.choose(env)).isInstanceOf(Rootfs.class);
    }
}
