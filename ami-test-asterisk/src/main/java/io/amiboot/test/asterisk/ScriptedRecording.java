package io.amiboot.test.asterisk;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What the scripted peer read from its clients, on every connection: the actions parsed, and the raw bytes. */
final class ScriptedRecording {

    private final BlockingQueue<Map<String, String>> actions = new LinkedBlockingQueue<>();

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    void action(Map<String, String> action) {
        actions.add(action);
    }

    /** The next action not returned yet; fails after 10 s without one. */
    Map<String, String> nextAction() throws InterruptedException {
        Map<String, String> action = actions.poll(10, TimeUnit.SECONDS);
        if (action == null) {
            throw new AssertionError("The scripted AMI peer received no action within 10 s");
        }
        return action;
    }

    /** The next action named {@code name} (any case), skipping the others; fails after 10 s without one. */
    Map<String, String> nextAction(String name) throws InterruptedException {
        while (true) {
            Map<String, String> action = nextAction();
            if (name.equalsIgnoreCase(action.get("Action"))) {
                return action;
            }
        }
    }

    String received() {
        synchronized (received) {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    /** {@code in}, recording every byte read from it. */
    InputStream recording(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    synchronized (received) {
                        received.write(buffer, offset, read);
                    }
                }
                return read;
            }
        };
    }
}
