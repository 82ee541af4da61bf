package io.amiboot.dashboard.api;

import io.amiboot.dashboard.DashboardProperties;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in and what the page may offer them. */
@RestController
public class MeController {

    private final DashboardProperties properties;

    /**
     * A controller reading the dashboard settings.
     *
     * @param properties the settings that give the allowed originate contexts
     */
    public MeController(DashboardProperties properties) {
        this.properties = properties;
    }

    /**
     * The signed-in user.
     *
     * @param name the user name
     * @param roles the roles, lower case ({@code viewer}, {@code operator}, {@code supervisor})
     * @param originateContexts the contexts the user may originate into
     */
    public record Me(String name, List<String> roles, List<String> originateContexts) {
    }

    /**
     * {@return the signed-in user, their roles and the contexts the page may offer}
     *
     * @param principal the signed-in user, as Spring Security authenticated them
     */
    @GetMapping("/api/me")
    public Me me(Principal principal) {
        Authentication authentication = (Authentication) principal;
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5).toLowerCase(Locale.ROOT))
                .sorted().toList();
        return new Me(authentication.getName(), roles, properties.originateContexts());
    }
}
