package io.amiboot.dashboard.security;

import io.amiboot.dashboard.DashboardProperties;
import io.amiboot.dashboard.DashboardProperties.Role;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Builds the dashboard's users from {@code dashboard.users}, or one generated admin when there are none. */
final class DashboardUsers {

    private static final Logger logger = LoggerFactory.getLogger(DashboardUsers.class);

    private DashboardUsers() {
    }

    /** The user store for the configured users. */
    static MapReactiveUserDetailsService from(DashboardProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (Map.Entry<String, DashboardProperties.User> entry : properties.users().entrySet()) {
            DashboardProperties.User user = entry.getValue();
            if (user.password() == null || user.password().isBlank()) {
                throw new IllegalStateException("dashboard.users." + entry.getKey() + ".password must be a bcrypt hash");
            }
            String hash = user.password().startsWith("{") ? user.password() : "{bcrypt}" + user.password();
            users.add(User.withUsername(entry.getKey()).password(hash).roles(user.role().grantedRoles()).build());
        }
        if (users.isEmpty()) {
            String password = randomPassword();
            users.add(User.withUsername("admin").password(encoder.encode(password))
                    .roles(Role.SUPERVISOR.grantedRoles()).build());
            logger.warn("\n\nUsing generated dashboard password for user 'admin' (supervisor): {}\n\n"
                    + "This password is for development only; configure dashboard.users for production.\n", password);
        }
        return new MapReactiveUserDetailsService(users);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
