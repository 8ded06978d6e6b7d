package dev.resilience.spring.context;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.springframework.util.ClassUtils;

/**
 * Carries the caller's thread-bound context (SLF4J MDC, Spring Security's {@code SecurityContextHolder},
 * Micrometer's current {@code Observation}, and anything else registered with Micrometer's
 * context-propagation library) onto the threads the library hands a call's work to: asynchronous retry
 * attempts on the scheduler, bulkhead and rate limiter continuations, fallbacks after an asynchronous
 * failure or timeout.
 *
 * <p>A layer captures once, when its {@code invokeAsync} is entered (on the caller's thread, or on a
 * thread an outer layer has already put the caller's context on), and restores the capture around each
 * piece of work it runs later. Capturing at call time, rather than when work is scheduled, matters: the
 * thread that schedules a retry is often the one that completed the previous attempt's future, which
 * carries someone else's context. Synchronous calls never leave the caller's thread, so nothing is
 * captured for them.
 *
 * <p>Implementations are thread safe; a {@link Captured} may be restored any number of times, on any thread.
 */
public interface ContextPropagator {

    /**
     * Captures the current thread's context.
     *
     * @return the capture; {@link #none()}'s is a shared constant
     */
    Captured capture();

    /**
     * A propagator that carries nothing (used when Micrometer's context-propagation is not on the classpath).
     *
     * @return the shared no-op propagator
     */
    static ContextPropagator none() {
        return NoContext.INSTANCE;
    }

    /**
     * The propagator for this classpath: Micrometer's context-propagation when
     * {@code io.micrometer.context.ContextSnapshotFactory} is present (the MDC accessor is then registered
     * with the global {@code ContextRegistry} if none is), else {@link #none()}.
     *
     * @param classLoader where to look for the library
     * @return the propagator
     */
    static ContextPropagator detect(ClassLoader classLoader) {
        if (ClassUtils.isPresent("io.micrometer.context.ContextSnapshotFactory", classLoader)) {
            return MicrometerContextPropagator.create(classLoader);
        }
        return none();
    }

    /** A captured context. Immutable; restoring it does not consume it. */
    interface Captured {

        /**
         * Puts the captured values on the current thread (thread locals captured as absent are cleared).
         *
         * @return closing it puts back what the thread held before
         */
        Scope restore();

        /**
         * Wraps a supplier so that it runs with this context restored, on whatever thread calls it.
         *
         * @param supplier the work
         * @param <T> the result type
         * @return the wrapping supplier
         */
        default <T> Supplier<T> wrap(Supplier<T> supplier) {
            return () -> {
                try (Scope scope = restore()) {
                    return supplier.get();
                }
            };
        }

        /**
         * A future that completes like {@code future}, but does so with this context restored, so that
         * dependents attached to the returned future run in it (a {@code CompletableFuture} runs the
         * dependents registered before completion on the completing thread, inside its {@code complete}).
         *
         * @param future the future whose completion is relayed
         * @param <T> the value type
         * @return the relaying future
         */
        default <T> CompletableFuture<T> relay(CompletableFuture<T> future) {
            CompletableFuture<T> relayed = new CompletableFuture<>();
            future.whenComplete((value, failure) -> {
                try (Scope scope = restore()) {
                    if (failure != null) {
                        relayed.completeExceptionally(failure);
                    } else {
                        relayed.complete(value);
                    }
                }
            });
            relayed.whenComplete((value, failure) -> {
                if (relayed.isCancelled()) {
                    future.cancel(true);
                }
            });
            return relayed;
        }
    }

    /** The extent of a restored context; {@link #close()} undoes the restore and throws nothing. */
    interface Scope extends AutoCloseable {

        @Override
        void close();
    }
}
