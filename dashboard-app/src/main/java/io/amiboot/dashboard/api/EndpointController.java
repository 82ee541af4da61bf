package io.amiboot.dashboard.api;

import io.amiboot.live.LiveEndpoint;
import io.amiboot.dashboard.live.LiveFeed;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the PJSIP endpoints and their presence. */
@RestController
public class EndpointController {

    private final LiveFeed feed;

    /**
     * A controller reading the live model.
     *
     * @param feed the live model the endpoints are read from
     */
    public EndpointController(LiveFeed feed) {
        this.feed = feed;
    }

    /** {@return every endpoint of the current snapshot, by name} */
    @GetMapping("/api/endpoints")
    public List<LiveEndpoint> endpoints() {
        return feed.snapshot().endpoints();
    }
}
