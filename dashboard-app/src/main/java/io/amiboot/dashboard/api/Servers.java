package io.amiboot.dashboard.api;

import io.amiboot.dashboard.live.Pbx;
import io.amiboot.dashboard.live.Pbxs;
import io.amiboot.dashboard.validation.Fields;
import org.springframework.stereotype.Component;

/**
 * Which server a REST request means: the one its {@code /api/servers/{server}/...} URL names, or for today's URLs
 * without one ({@code /api/calls/...}) the only server; with several servers those are refused, so an action never
 * reaches a server the caller did not name.
 */
@Component
public final class Servers {

    /** Where the server-scoped URLs start. */
    static final String SCOPED = "/api/servers/{server}";

    private final Pbxs pbxs;

    /**
     * The dashboard's servers.
     *
     * @param pbxs the configured servers
     */
    public Servers(Pbxs pbxs) {
        this.pbxs = pbxs;
    }

    /**
     * {@return the server the request means}
     *
     * @param server the {@code {server}} of a server-scoped URL, or {@code null} for a URL without one
     * @throws io.amiboot.dashboard.validation.InvalidFieldException if the name is malformed (400)
     * @throws NotFoundException if there is no server of that name (404)
     * @throws ServerRequiredException if the URL names no server and there are several (400)
     */
    public Pbx resolve(String server) {
        if (server == null) {
            if (pbxs.all().size() > 1) {
                throw new ServerRequiredException("This dashboard shows " + pbxs.all().size() + " Asterisk servers "
                        + pbxs.names() + "; name one in the URL: " + SCOPED + "/...");
            }
            return pbxs.all().get(0);
        }
        Fields.require("server", server, Fields.SERVER);
        return pbxs.find(server).orElseThrow(() -> new NotFoundException("No Asterisk server '" + server
                + "'; the servers are " + pbxs.names()));
    }
}
