package io.amiboot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.amiboot.live.LiveModel;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** The dashboard logs in with the live model's event mask plus UserEvents, and never with a class that carries secrets. */
class EventMaskTest {

    @Test
    void theDashboardsMaskIsTheLiveModelsPlusUserEvents() throws Exception {
        Properties properties = PropertiesLoaderUtils.loadAllProperties("application.properties");
        String mask = properties.getProperty("ami.events.mask");
        assertThat(mask).isEqualTo(LiveModel.EVENT_MASK + ",user");
        assertThat(Arrays.asList(mask.split(","))).doesNotContain("on", "all", "dtmf", "dialplan", "security", "cdr", "cel", "agi");
    }
}
