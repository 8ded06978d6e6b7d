package dev.resilience.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same task on many threads that all start at once (released by one latch), waits for them
 * with a bound, and rethrows the first failure. Used by every multi-threaded invariant test.
 */
public final class Concurrently {

    private Concurrently() {
    }

    /** A task body; {@code index} is the thread's number, 0 to threads - 1. */
    @FunctionalInterface
    public interface Task {
        /**
         * Runs on one thread.
         *
         * @param index the thread's number
         * @throws Exception any failure, rethrown by {@link #run}
         */
        void run(int index) throws Exception;
    }

    /**
     * Starts {@code threads} threads of the given kind, releases them together, and waits.
     *
     * @param kind platform or virtual
     * @param threads how many
     * @param bound the longest the whole run may take
     * @param task the body
     * @throws AssertionError if a task failed or the bound passed
     */
    public static void run(ThreadKind kind, int threads, Duration bound, Task task) {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread thread = kind.factory().newThread(() -> {
                try {
                    ready.countDown();
                    start.await();
                    task.run(index);
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    done.countDown();
                }
            });
            started.add(thread);
            thread.start();
        }
        try {
            if (!ready.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("threads did not start within " + bound);
            }
            start.countDown();
            if (!done.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                started.forEach(Thread::interrupt);
                throw new AssertionError("threads did not finish within " + bound);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for threads", e);
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(failures.size() + " thread(s) failed", failures.peek());
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }
}
