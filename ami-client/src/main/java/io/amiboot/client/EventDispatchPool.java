package io.amiboot.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that deliver events for many clients: each client's {@link EventDispatcher} runs one drain at a
 * time here, so a few threads serve any number of servers. A listener may block (on a lock, a database, another
 * action's {@code join()}), and one that does must not hold up the events of other servers. So the pool
 * compensates, as {@link java.util.concurrent.ForkJoinPool} does for managed blocking: when drains are waiting
 * and threads have been waiting inside one drain for longer than {@code blockedAfter} (or running it for twenty
 * times as long, see {@link Worker#isStuck}), it adds a thread for each one stuck, keeping {@code coreThreads} free to drain, up to {@code maxThreads}; threads beyond the core end
 * after {@code keepAlive} without work.
 *
 * <p>Why not a virtual thread per client: the JDK 17 build has none, and on JDK 21 to 23 a listener blocking
 * inside {@code synchronized} (the live model's lock, many user listeners) pins its carrier, which would bring
 * the same starvation back; a JDK 21+ application that wants them passes
 * {@code Executors.newVirtualThreadPerTaskExecutor()} to {@link AmiClientResourcesBuilder#eventExecutor}.
 * A fixed pool would let {@code coreThreads} blocked listeners stop every other server's events.
 *
 * <p>Waiting drains are noticed by a check on {@code timer} (the event loop group), scheduled only while drains
 * wait with no thread idle; it reads a few fields and at most starts threads, never waits.
 */
final class EventDispatchPool implements Executor {

    private static final Logger logger = LoggerFactory.getLogger(EventDispatchPool.class);

    private final String name;

    private final int coreThreads;

    private final int maxThreads;

    private final long blockedAfterNanos;

    private final long keepAliveNanos;

    private final ScheduledExecutorService timer;

    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    private final AtomicInteger idle = new AtomicInteger();

    private final AtomicBoolean checkScheduled = new AtomicBoolean();

    private final AtomicInteger threadNumbers = new AtomicInteger();

    /** Guarded by itself. */
    private final List<Worker> workers = new ArrayList<>();

    private volatile boolean shutdown;

    private boolean capWarned;

    EventDispatchPool(String name, int coreThreads, int maxThreads, Duration blockedAfter, Duration keepAlive,
            ScheduledExecutorService timer) {
        this.name = name;
        this.coreThreads = coreThreads;
        this.maxThreads = Math.max(coreThreads, maxThreads);
        this.blockedAfterNanos = blockedAfter.toNanos();
        this.keepAliveNanos = keepAlive.toNanos();
        this.timer = timer;
    }

    /** Queues a drain; called on the event loop, so it never waits. */
    @Override
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("The event threads of resources '" + name + "' are shut down");
        }
        tasks.offer(task);
        if (idle.get() == 0) {
            synchronized (workers) {
                if (workers.size() < coreThreads) {
                    startWorker();
                    return;
                }
            }
            scheduleCheck();
        }
    }

    private void scheduleCheck() {
        if (!shutdown && checkScheduled.compareAndSet(false, true)) {
            try {
                timer.schedule(this::check, blockedAfterNanos, TimeUnit.NANOSECONDS);
            }
            catch (RejectedExecutionException closing) {
                checkScheduled.set(false);
            }
        }
    }

    /** Adds a thread per worker stuck in one drain for longer than the threshold, keeping the core free. */
    private void check() {
        checkScheduled.set(false);
        if (tasks.isEmpty() || idle.get() > 0 || shutdown) {
            return;
        }
        long now = System.nanoTime();
        synchronized (workers) {
            int stuck = 0;
            for (Worker worker : workers) {
                if (worker.isStuck(now)) {
                    stuck++;
                }
            }
            while (workers.size() - stuck < coreThreads && workers.size() < maxThreads) {
                startWorker();
            }
            if (workers.size() - stuck < coreThreads && !capWarned) {
                capWarned = true;
                logger.warn("{} event listeners of resources '{}' are blocked; at the cap of {} event threads, "
                        + "other servers' events wait for them", stuck, name, maxThreads);
            }
        }
        scheduleCheck();
    }

    /** Called holding {@link #workers}. */
    private void startWorker() {
        Worker worker = new Worker();
        Thread thread = new Thread(worker, "ami-events-" + name + "-" + threadNumbers.incrementAndGet());
        thread.setDaemon(true);
        worker.thread = thread;
        workers.add(worker);
        thread.start();
    }

    /** {@return how many threads the pool has now} */
    int threads() {
        synchronized (workers) {
            return workers.size();
        }
    }

    /** Lets queued drains run, then ends every thread, waiting up to {@code timeoutMillis} for them. */
    void shutdown(long timeoutMillis) {
        shutdown = true;
        List<Worker> current;
        synchronized (workers) {
            current = new ArrayList<>(workers);
        }
        for (Worker worker : current) {
            if (worker.waiting) {
                worker.thread.interrupt();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (Worker worker : current) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || worker.thread == Thread.currentThread()) {
                continue;
            }
            try {
                worker.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Worker implements Runnable {

        private Thread thread;

        /** When the running drain started ({@link System#nanoTime()}, never 0), or 0 between drains. */
        private volatile long busySince;

        /** Whether it waits for a drain; set before {@link #shutdown} is read, so that one of them sees the other. */
        private volatile boolean waiting;

        /**
         * Whether its drain has been at it for longer than the threshold while waiting (on a lock, a latch, a
         * sleep), or for twenty times as long whatever it does: a thread that is runnable but slow is mostly
         * short of CPU (a loaded machine), which one more thread would not help, unless it is stuck in blocking
         * I/O, which also shows as runnable.
         */
        private boolean isStuck(long now) {
            long since = busySince;
            long busy = now - since;
            return since != 0 && busy >= blockedAfterNanos
                    && (busy >= 20 * blockedAfterNanos || thread.getState() != Thread.State.RUNNABLE);
        }

        @Override
        public void run() {
            try {
                Runnable task;
                while ((task = next()) != null) {
                    busySince = System.nanoTime() | 1;
                    try {
                        task.run();
                    }
                    catch (RuntimeException | Error ex) {
                        logger.error("An event drain of resources '{}' failed", name, ex);
                    }
                    finally {
                        busySince = 0;
                    }
                }
            }
            finally {
                synchronized (workers) {
                    workers.remove(this);
                }
            }
        }

        /** The next drain, or null when this thread is to end (shut down, or idle beyond the core). */
        private Runnable next() {
            while (true) {
                waiting = true;
                idle.incrementAndGet();
                Runnable task;
                try {
                    task = shutdown ? tasks.poll() : tasks.poll(keepAliveNanos, TimeUnit.NANOSECONDS);
                }
                catch (InterruptedException ex) {
                    task = tasks.poll();
                }
                finally {
                    idle.decrementAndGet();
                    waiting = false;
                }
                if (task != null) {
                    return task;
                }
                synchronized (workers) {
                    if (shutdown || workers.size() > coreThreads && tasks.isEmpty()) {
                        return null;
                    }
                }
            }
        }
    }
}
