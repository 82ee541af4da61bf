package io.amiboot.live;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes what a test started once it is over, whatever its outcome, the last started first: the model before the
 * client it listens to, the client before the scripted peer it is connected to (so neither rebuilds nor reconnects
 * on the way down). Whatever a test did not get to start is not there to close.
 */
final class ClosedAfterEach implements AfterEachCallback {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Registers {@code resource} to be closed after the test, before whatever was registered earlier. */
    <T extends AutoCloseable> T add(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception failure = null;
        AutoCloseable resource;
        while ((resource = started.poll()) != null) {
            try {
                resource.close();
            }
            catch (Exception ex) {
                if (failure == null) {
                    failure = ex;
                }
                else {
                    failure.addSuppressed(ex);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
