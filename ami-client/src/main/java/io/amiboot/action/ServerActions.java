package io.amiboot.action;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Shortcuts that ask the Asterisk server itself: liveness, CLI commands, status and settings. */
public sealed interface ServerActions extends ActionShortcuts permits AmiActionSender {

    /**
     * Sends {@code Ping}.
     *
     * @return a future of the round-trip time, measured from the call to the answer on this JVM's clock
     */
    default CompletableFuture<Duration> ping() {
        long start = System.nanoTime();
        return client().send(AmiAction.of("Ping")).thenApply(response -> Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Sends {@code Command}: runs an Asterisk CLI command; the AMI user needs the {@code command} write permission.
     *
     * @param command the CLI command line, e.g. {@code core show uptime}; not null
     * @return a future of the command's output, one element per line
     */
    default CompletableFuture<List<String>> command(String command) {
        return client().send(AmiAction.builder("Command").header("Command", command).build()).thenApply(AmiResponse::output);
    }

    /**
     * Sends {@code CoreStatus}.
     *
     * @return a future of the server's start-up and reload times and its call counts
     */
    default CompletableFuture<CoreStatus> coreStatus() {
        return client().send(AmiAction.of("CoreStatus")).thenApply(CoreStatus::from);
    }

    /**
     * Sends {@code CoreSettings}.
     *
     * @return a future of the server's versions and limits
     */
    default CompletableFuture<CoreSettings> coreSettings() {
        return client().send(AmiAction.of("CoreSettings")).thenApply(CoreSettings::from);
    }
}
