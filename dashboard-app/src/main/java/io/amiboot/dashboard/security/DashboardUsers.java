package io.amiboot.dashboard.security;

import io.amiboot.dashboard.DashboardProperties;
import io.amiboot.dashboard.DashboardProperties.Role;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Builds the dashboard's users from {@code dashboard.users}, or one generated admin when there are none. Only bcrypt
 * hashes are accepted, so a {@code {noop}} plain-text password in a configuration file stops the start.
 */
final class DashboardUsers {

    private static final Logger logger = LoggerFactory.getLogger(DashboardUsers.class);

    private static final String BCRYPT_ID = "{bcrypt}";

    /** A bcrypt hash as {@code BCryptPasswordEncoder} writes and reads it: version, cost, 22 salt and 31 hash characters. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private DashboardUsers() {
    }

    /** The user store for the configured users. */
    static MapReactiveUserDetailsService from(DashboardProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (Map.Entry<String, DashboardProperties.User> entry : properties.users().entrySet()) {
            DashboardProperties.User user = entry.getValue();
            String hash = user.password() == null ? "" : user.password().strip();
            hash = hash.startsWith(BCRYPT_ID) ? hash.substring(BCRYPT_ID.length()) : hash;
            if (!BCRYPT.matcher(hash).matches()) {
                throw new IllegalStateException("dashboard.users." + entry.getKey() + ".password must be a bcrypt hash "
                        + "($2a$, $2b$ or $2y$, optionally prefixed with {bcrypt}); {noop}, other encodings and plain "
                        + "passwords are refused");
            }
            users.add(User.withUsername(entry.getKey()).password(BCRYPT_ID + hash).roles(user.role().grantedRoles()).build());
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
