package io.amiboot.dashboard.relay;

import io.amiboot.client.AmiEvent;
import java.util.function.Consumer;

/** The raw AMI events of each server, for the event log. */
@FunctionalInterface
public interface EventLog {

    /**
     * Calls {@code listener} with every AMI event of a server the log may show, in wire order.
     *
     * @param server the server's name
     * @param listener gets the events on the client's event thread; it must not block
     * @return what stops the calls when run
     */
    Runnable listen(String server, Consumer<AmiEvent> listener);
}
