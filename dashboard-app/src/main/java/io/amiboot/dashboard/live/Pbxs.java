package io.amiboot.dashboard.live;

import java.util.List;
import java.util.Optional;

/** The Asterisk servers the dashboard shows, by name, in configuration order. */
public interface Pbxs {

    /** {@return every server, in configuration order; at least one} */
    List<Pbx> all();

    /** {@return the servers' names, in configuration order} */
    default List<String> names() {
        return all().stream().map(Pbx::name).toList();
    }

    /**
     * {@return the server of that name, if there is one}
     *
     * @param name a server name, as in {@code ami.servers.<name>}
     */
    default Optional<Pbx> find(String name) {
        return all().stream().filter(pbx -> pbx.name().equals(name)).findFirst();
    }
}
