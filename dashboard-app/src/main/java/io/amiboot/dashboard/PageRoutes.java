package io.amiboot.dashboard;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Serves the login page, the board and the wallboard (the board's queue figures in large type, no controls). */
@Configuration(proxyBeanMethods = false)
class PageRoutes {

    @Bean
    RouterFunction<ServerResponse> pages() {
        return RouterFunctions.route(GET("/login"), page("static/login.html"))
                .andRoute(GET("/"), page("static/index.html"))
                .andRoute(GET("/wall"), page("static/wall.html"));
    }

    private static HandlerFunction<ServerResponse> page(String resource) {
        Resource html = new ClassPathResource(resource);
        return request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(html);
    }
}
