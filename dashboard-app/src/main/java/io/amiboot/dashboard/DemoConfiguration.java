package io.amiboot.dashboard;

import io.amiboot.dashboard.live.AsteriskActions;
import java.util.Random;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/** Demo traffic when {@code dashboard.demo.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("dashboard.demo.enabled")
class DemoConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    DemoTraffic demoTraffic(AsteriskActions asterisk, DashboardProperties properties) {
        return new DemoTraffic(asterisk, properties.demo(), Schedulers.parallel(), new Random());
    }
}
