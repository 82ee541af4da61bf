package io.amiboot.test.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.amiboot.test.asterisk.TestAsterisk.Mode;

class TlsEndpointTest {

    @TempDir
    Path repo;

    Path ca;

    FakeEnvironment env;

    @BeforeEach
    void setUp() throws IOException {
        ca = Files.writeString(repo.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        env = new FakeEnvironment(Files.createDirectories(repo.resolve("module")));
    }

    @Test
    void theEnvironmentNamesUrlAndCa() {
        env.env.put("AMIBOOT_ASTERISK_TLS_URL", "amis://amiboot:amiboot@localhost:15039");
        env.properties.put("amiboot.asterisk.tls-ca", ca.toString());

        assertThat(TlsEndpoint.resolve(env, Mode.CONTAINER, null))
                .isEqualTo(new TlsEndpoint("amis://amiboot:amiboot@localhost:15039", ca));
    }

    @Test
    void aUrlWithoutItsCaFailsNamingTheMissingVariable() {
        env.env.put("AMIBOOT_ASTERISK_TLS_URL", "amis://amiboot:amiboot@localhost:15039");

        assertThatThrownBy(() -> TlsEndpoint.resolve(env, Mode.EXTERNAL, null)).isInstanceOf(AsteriskUnavailableException.class)
                .hasMessageContaining("set AMIBOOT_ASTERISK_TLS_CA").hasMessageNotContaining("set AMIBOOT_ASTERISK_TLS_URL");
    }

    @Test
    void aPlainUrlOrAMissingCaFileIsRefused() {
        env.env.put("AMIBOOT_ASTERISK_TLS_URL", "ami://amiboot:s3cr3t@localhost:15038");
        env.env.put("AMIBOOT_ASTERISK_TLS_CA", ca.toString());
        assertThatThrownBy(() -> TlsEndpoint.resolve(env, Mode.EXTERNAL, null)).hasMessageContaining("is not amis://")
                .hasMessageNotContaining("s3cr3t");

        env.env.put("AMIBOOT_ASTERISK_TLS_URL", "amis://amiboot:amiboot@localhost:15039");
        env.env.put("AMIBOOT_ASTERISK_TLS_CA", repo.resolve("gone.pem").toString());
        assertThatThrownBy(() -> TlsEndpoint.resolve(env, Mode.EXTERNAL, null)).hasMessageContaining(repo.resolve("gone.pem")
                + " (from AMIBOOT_ASTERISK_TLS_URL / AMIBOOT_ASTERISK_TLS_CA) is not a readable file");
    }

    @Test
    void theContainerServesPlainAmiOnly() {
        assertThatThrownBy(() -> TlsEndpoint.resolve(env, Mode.CONTAINER, null)).isInstanceOf(AsteriskUnavailableException.class)
                .hasMessageContaining("plain AMI only").hasMessageContaining("AMIBOOT_ASTERISK_TLS_URL");
    }

    @Test
    void withoutVariablesOrScriptItSaysBothAreMissing() {
        assertThatThrownBy(() -> TlsEndpoint.resolve(env, Mode.EXTERNAL, null)).isInstanceOf(AsteriskUnavailableException.class)
                .hasMessageContaining("neither AMIBOOT_ASTERISK_TLS_URL + AMIBOOT_ASTERISK_TLS_CA are set nor is scripts/asterisk.sh");
    }

    @Test
    void otherwiseTheScriptFoundAboveTheWorkingDirectoryTellsItsDefaults() throws IOException {
        script("echo '[asterisk.sh] a log line'; case \"$1\" in tls-url) echo amis://amiboot:amiboot@localhost:15039 ;;"
                + " tls-ca) echo " + ca + " ;; esac");

        assertThat(TlsEndpoint.resolve(env, Mode.EXTERNAL, null))
                .isEqualTo(new TlsEndpoint("amis://amiboot:amiboot@localhost:15039", ca));
    }

    @Test
    void aScriptThatKnowsNoCaFailsWithItsOwnReason() throws IOException {
        script("case \"$1\" in tls-url) echo amis://amiboot:amiboot@localhost:15039 ;;"
                + " tls-ca) echo '[asterisk.sh] ERROR: no test CA certificate at /x.pem' >&2; exit 1 ;; esac");

        assertThatThrownBy(() -> TlsEndpoint.resolve(env, Mode.ROOTFS, null)).isInstanceOf(AsteriskUnavailableException.class)
                .hasMessageContaining("tls-ca failed with exit code 1").hasMessageContaining("no test CA certificate at /x.pem");
    }

    private void script(String body) throws IOException {
        Files.createDirectories(repo.resolve("scripts"));
        Files.writeString(repo.resolve("scripts/asterisk.sh"), "#!/bin/bash\n" + body + "\n");
    }
}
