package io.amiboot.dashboard.api;

import io.amiboot.dashboard.live.Pbxs;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the Asterisk servers the dashboard shows. */
@RestController
public class ServerController {

    private final Pbxs pbxs;

    /**
     * A controller listing the configured servers.
     *
     * @param pbxs the servers
     */
    public ServerController(Pbxs pbxs) {
        this.pbxs = pbxs;
    }

    /**
     * A server.
     *
     * @param name its name, the {@code {server}} of its URLs ({@code /api/servers/{server}/calls})
     * @param connected whether its live model is connected to it and in sync
     */
    public record Server(String name, boolean connected) {
    }

    /** {@return every server, in configuration order} */
    @GetMapping("/api/servers")
    public List<Server> servers() {
        return pbxs.all().stream().map(pbx -> new Server(pbx.name(), pbx.feed().snapshot().connected())).toList();
    }
}
