package dev.resilience.spring.aop;

import dev.resilience.spring.context.ContextPropagator;
import java.util.Objects;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;

/**
 * Carries the caller's context (MDC, Spring Security, the current Observation: whatever the
 * {@link ContextPropagator} captures) to the points where a reactive layer resumes a call on a thread of
 * its own choosing: a retry's next subscription after a wait on the scheduler, a fallback after a failure
 * signalled on another thread, a timeout's deadline signal. Captured once per subscription, on the
 * subscribing thread, which is the caller's.
 *
 * <p>Two modes, decided per subscription: without Reactor's automatic context propagation, the capture is
 * restored around those resumptions. With it ({@code Hooks.enableAutomaticContextPropagation()}, e.g.
 * Spring Boot's {@code spring.reactor.context-propagation=auto}), Reactor itself restores the thread
 * locals from the subscriber's {@code Context} when a signal arrives from our scheduler task or future
 * ({@code Mono.create} sinks, {@code Mono.fromFuture}), and fills that {@code Context} from the caller's
 * thread locals when it blocks; nothing is captured here then, so the values are never restored twice.
 * Thread safe.
 */
final class ReactiveContext {

    private static final ContextPropagator.Captured NOTHING = ContextPropagator.none().capture();

    private final ContextPropagator propagator;

    /**
     * @param propagator what to capture; {@link ContextPropagator#none()} makes every method here a no-op
     */
    ReactiveContext(ContextPropagator propagator) {
        this.propagator = Objects.requireNonNull(propagator, "propagator");
    }

    /**
     * Captures the current thread's context, unless Reactor propagates it automatically.
     *
     * @return the capture, or a shared no-op capture
     */
    ContextPropagator.Captured capture() {
        // a static volatile read; the hook may be turned on after this layer was built
        return Hooks.isAutomaticContextPropagationEnabled() ? NOTHING : propagator.capture();
    }

    /**
     * A publisher like {@code source} whose subscription runs with {@code captured} restored: whatever
     * the subscription does synchronously (calling the method, running a fallback, emitting what is
     * ready) sees the caller's context; the thread gets its own back when the subscription returns.
     *
     * @param captured the capture from {@link #capture()}
     * @param source the publisher to subscribe to
     * @return {@code source} itself when there is nothing to restore
     */
    static Flux<Object> subscribedIn(ContextPropagator.Captured captured, Flux<Object> source) {
        if (captured == NOTHING) {
            return source;
        }
        return new Flux<>() {
            @Override
            public void subscribe(CoreSubscriber<? super Object> actual) {
                try (ContextPropagator.Scope scope = captured.restore()) {
                    source.subscribe(actual);
                }
            }
        };
    }
}
