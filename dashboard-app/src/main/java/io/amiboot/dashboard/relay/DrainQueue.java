package io.amiboot.dashboard.relay;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.scheduler.Scheduler;

/**
 * Runs the drains of woken sessions on at most {@code parallelism} tasks of a scheduler, each task taking drains
 * until none is left. The AMI event thread wakes every session that shows an event: with a task scheduled per
 * session per event, a thousand sessions at 2,000 events/s were two million task submissions a second on that one
 * thread, which fell minutes behind and delivered nothing in time; a wake is now a queue offer, and a task is
 * scheduled only when fewer than {@code parallelism} run.
 */
final class DrainQueue {

    private final Queue<Runnable> woken = new ConcurrentLinkedQueue<>();

    private final AtomicInteger running = new AtomicInteger();

    private final Scheduler scheduler;

    private final int parallelism;

    /**
     * A queue whose drains run on {@code scheduler}.
     *
     * @param scheduler runs the tasks that take the drains; never the AMI client's event thread
     * @param parallelism the most tasks at once
     */
    DrainQueue(Scheduler scheduler, int parallelism) {
        this.scheduler = scheduler;
        this.parallelism = parallelism;
    }

    /**
     * Has {@code drain} run soon on the scheduler. The caller offers one drain at most once until it ran (a session
     * wakes its drain only when it was idle), so no drain runs on two threads at once.
     *
     * @param drain the drain of a session that has something to send
     */
    void wake(Runnable drain) {
        woken.offer(drain);
        startTask();
    }

    private void startTask() {
        int now;
        do {
            now = running.get();
            if (now >= parallelism) {
                return;
            }
        }
        while (!running.compareAndSet(now, now + 1));
        try {
            scheduler.schedule(this::runWoken);
        }
        catch (RejectedExecutionException closed) {
            // The application is closing and its scheduler with it: the sessions are going too.
            running.decrementAndGet();
        }
    }

    private void runWoken() {
        Runnable drain;
        while ((drain = woken.poll()) != null) {
            drain.run();
        }
        running.decrementAndGet();
        // A wake between the last poll and the decrement saw every task running and started none.
        if (!woken.isEmpty()) {
            startTask();
        }
    }
}
