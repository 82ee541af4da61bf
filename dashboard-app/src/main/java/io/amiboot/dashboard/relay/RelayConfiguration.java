package io.amiboot.dashboard.relay;

import io.amiboot.autoconfigure.AmiClients;
import io.amiboot.client.AmiClient;
import io.amiboot.dashboard.DashboardProperties;
import io.amiboot.dashboard.live.Pbxs;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import tools.jackson.databind.ObjectMapper;

/** Maps the WebSocket relay at {@code /ws/live}, guards its handshake's Origin and ties it to the login session. */
@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

    /** Each client's events, less those {@code dashboard.event-log} denies. */
    @Bean
    EventLog eventLog(ObjectProvider<AmiClients> clients, DashboardProperties properties) {
        EventPrivacy privacy = new EventPrivacy(properties.eventLog());
        return (server, listener) -> {
            AmiClients configured = clients.getIfAvailable();
            AmiClient ami = configured == null ? null : configured.find(server).orElse(null);
            if (ami == null) {
                return () -> {
                };
            }
            AmiClient.Registration registration = ami.addEventListener(event -> {
                if (privacy.allows(event)) {
                    listener.accept(event);
                }
            });
            return registration::close;
        };
    }

    /** Closes the sockets of login sessions that ended. */
    @Bean
    WebFluxConfigurer sessionBoundWebSockets(DashboardProperties properties) {
        WebSocketService service = new SessionBoundWebSocketService(properties.sessionCheckInterval());
        return new WebFluxConfigurer() {
            @Override
            public WebSocketService getWebSocketService() {
                return service;
            }
        };
    }

    @Bean
    LiveSocketHandler liveSocketHandler(Pbxs pbxs, EventLog eventLog, ObjectMapper json, DashboardProperties properties) {
        return new LiveSocketHandler(pbxs, eventLog, json, properties);
    }

    @Bean
    HandlerMapping liveSocketMapping(LiveSocketHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of("/ws/live", handler), Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    OriginCheckFilter webSocketOriginCheck(DashboardProperties properties) {
        return new OriginCheckFilter(properties.allowedOrigins());
    }
}
