package io.amiboot.dashboard;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Serves the login page and the board. */
@Configuration(proxyBeanMethods = false)
class PageRoutes {

    @Bean
    RouterFunction<ServerResponse> pages() {
        Resource login = new ClassPathResource("static/login.html");
        Resource board = new ClassPathResource("static/index.html");
        return RouterFunctions.route(GET("/login"), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(login))
                .andRoute(GET("/"), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(board));
    }
}
