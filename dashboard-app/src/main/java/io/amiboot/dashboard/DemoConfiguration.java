package io.amiboot.dashboard;

import io.amiboot.dashboard.live.Pbxs;
import java.util.Random;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/** Demo traffic when {@code dashboard.demo.enabled=true}, on the first server. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("dashboard.demo.enabled")
class DemoConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    DemoTraffic demoTraffic(Pbxs pbxs, DashboardProperties properties) {
        return new DemoTraffic(pbxs.all().get(0).actions(), properties.demo(), Schedulers.parallel(), new Random());
    }
}
