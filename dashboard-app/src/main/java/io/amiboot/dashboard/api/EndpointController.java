package io.amiboot.dashboard.api;

import io.amiboot.live.LiveEndpoint;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Lists the PJSIP endpoints and their presence, of the server the URL names or of the only one. */
@RestController
public class EndpointController {

    private final Servers servers;

    /**
     * A controller reading the live models.
     *
     * @param servers the server each request means, with its live model
     */
    public EndpointController(Servers servers) {
        this.servers = servers;
    }

    /**
     * {@return every endpoint of the current snapshot, by name}
     *
     * @param server the server the URL names, or {@code null} for the only one
     */
    @GetMapping({ "/api/endpoints", Servers.SCOPED + "/endpoints" })
    public List<LiveEndpoint> endpoints(@PathVariable(required = false) String server) {
        return servers.resolve(server).feed().snapshot().endpoints();
    }
}
