package io.amiboot.dashboard.relay;

import io.amiboot.client.AmiClient;
import io.amiboot.dashboard.DashboardProperties;
import io.amiboot.dashboard.live.LiveFeed;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import tools.jackson.databind.ObjectMapper;

/** Maps the WebSocket relay at {@code /ws/live} and guards its handshake's Origin. */
@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

    @Bean
    EventLog eventLog(ObjectProvider<AmiClient> client) {
        return listener -> {
            AmiClient ami = client.getIfAvailable();
            if (ami == null) {
                return () -> {
                };
            }
            AmiClient.Registration registration = ami.addEventListener(listener::accept);
            return registration::close;
        };
    }

    @Bean
    LiveSocketHandler liveSocketHandler(LiveFeed feed, EventLog eventLog, ObjectMapper json, DashboardProperties properties) {
        return new LiveSocketHandler(feed, eventLog, json, properties);
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
