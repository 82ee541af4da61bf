package io.amiboot.live;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where the live model's delayed work runs: {@link io.amiboot.client.AmiClientResources#schedule}, the timer the
 * clients share, so that a hundred models add no thread.
 */
@FunctionalInterface
interface Scheduler {

    ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit);
}
