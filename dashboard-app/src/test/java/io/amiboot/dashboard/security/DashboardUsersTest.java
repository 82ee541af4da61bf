package io.amiboot.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amiboot.dashboard.DashboardProperties;
import io.amiboot.dashboard.DashboardProperties.Role;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Users come from properties with bcrypt hashes; with none, one admin gets a random password printed once. */
@ExtendWith(OutputCaptureExtension.class)
class DashboardUsersTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static DashboardProperties properties(Map<String, DashboardProperties.User> users) {
        return new DashboardProperties(List.of("demo"), users, List.of(), 256,
                new DashboardProperties.Demo(false, 6, "demo", List.of("100"), 20, 90), null, null, null);
    }

    @Test
    void withoutUsersOneAdminGetsARandomPasswordPrintedOnce(CapturedOutput output) {
        MapReactiveUserDetailsService users = DashboardUsers.from(properties(Map.of()), encoder);
        Matcher printed = Pattern.compile("password for user 'admin' \\(supervisor\\): (\\S+)").matcher(output.getAll());
        assertThat(printed.find()).isTrue();
        String password = printed.group(1);
        assertThat(printed.find()).as("printed once").isFalse();
        UserDetails admin = users.findByUsername("admin").block();
        assertThat(encoder.matches(password, admin.getPassword())).isTrue();
        assertThat(admin.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_OPERATOR", "ROLE_SUPERVISOR");

        DashboardUsers.from(properties(Map.of()), encoder);
        Matcher again = Pattern.compile("password for user 'admin'").matcher(output.getAll());
        assertThat(again.results().count()).as("each start prints its own, and only one").isEqualTo(2);
    }

    @Test
    void configuredUsersKeepTheirHashAndGetTheirRoleAndTheLesserOnes(CapturedOutput output) {
        String hash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("op");
        MapReactiveUserDetailsService users = DashboardUsers.from(properties(Map.of(
                "op", new DashboardProperties.User(hash, Role.OPERATOR))), encoder);
        UserDetails op = users.findByUsername("op").block();
        assertThat(encoder.matches("op", op.getPassword())).isTrue();
        assertThat(op.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_OPERATOR");
        assertThat(users.findByUsername("admin").block()).isNull();
        assertThat(output.getAll()).doesNotContain("generated dashboard password");
    }

    @Test
    void aUserWithoutAPasswordHashIsRefused() {
        assertThatThrownBy(() -> DashboardUsers.from(properties(Map.of("x", new DashboardProperties.User(" ", Role.VIEWER))), encoder))
                .hasMessageContaining("dashboard.users.x.password");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{noop}secret", "{sha256}97384261b8bbf966df16e5ad509922db1e5c0d9e1cbeb2f1cf0f9b7a2f0c6b7e",
            "{pbkdf2}5d923b44a6d129f3ddf3e3c8d29412723dcbde72445e8ef6bf3b508fbf17fa4ed4d6b99ca763d8dc",
            "secret", "$2a$04$tooShort", "{bcrypt}{noop}secret", "{BCRYPT}$2a$04$BW67H9O8w2WTsdBHlxQsoecmwlaT8U2efJmQw7y.9b4YaFV2xK5Ja" })
    void anythingButABcryptHashIsRefusedAtStartupNamingTheUser(String password) {
        assertThatThrownBy(() -> DashboardUsers.from(properties(Map.of("ops", new DashboardProperties.User(password, Role.OPERATOR))), encoder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dashboard.users.ops.password must be a bcrypt hash")
                .hasMessageContaining("{noop}")
                .hasMessageNotContaining(password);
    }

    @Test
    void everyBcryptVersionIsAccepted() {
        String hash = "$2a$04$BW67H9O8w2WTsdBHlxQsoecmwlaT8U2efJmQw7y.9b4YaFV2xK5Ja";
        for (String version : new String[] { "$2a$", "$2b$", "$2y$" }) {
            MapReactiveUserDetailsService users = DashboardUsers.from(properties(Map.of(
                    "v", new DashboardProperties.User(version + hash.substring(4), Role.VIEWER))), encoder);
            assertThat(users.findByUsername("v").block().getPassword()).isEqualTo("{bcrypt}" + version + hash.substring(4));
        }
    }
}
