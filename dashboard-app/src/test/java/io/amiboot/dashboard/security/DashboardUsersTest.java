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
}
