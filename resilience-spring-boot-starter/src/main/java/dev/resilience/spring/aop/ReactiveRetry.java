package dev.resilience.spring.aop;

import dev.resilience.retry.Retry;
import dev.resilience.spring.context.ContextPropagator;
import dev.resilience.time.Scheduler;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aopalliance.intercept.MethodInvocation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link RetryLayer}'s form for {@code Mono}/{@code Flux}: each subscription starts one
 * {@link Retry.Context}; an attempt is a subscription to the rest of the pipeline (so the method is called
 * again), and after a failure the context decides whether and when the next one is made. The wait is a
 * task on the injected {@link Scheduler}: no thread blocks and a manual clock drives it in tests. When the
 * retry stops, the subscriber gets the last failure with the earlier ones attached as suppressed.
 * Completion is the attempt's success. A {@code Flux}'s elements from a failed attempt stay emitted, and
 * the next attempt emits from the start again. Cancelling during a wait cancels the task and abandons the
 * retry (the call counts as failed); cancelling during an attempt leaves it uncounted. Every attempt after
 * the first is subscribed to in the caller's context ({@link ReactiveContext}), captured when the retry is
 * subscribed to, whichever thread ends the wait or signals the previous failure. Thread safe.
 */
final class ReactiveRetry implements ReactiveLayer {

    private final Retry retry;
    private final Scheduler scheduler;
    private final ReactiveContext callerContext;

    ReactiveRetry(Retry retry, Scheduler scheduler, ReactiveContext callerContext) {
        this.retry = retry;
        this.scheduler = scheduler;
        this.callerContext = callerContext;
    }

    @Override
    public Flux<Object> apply(MethodInvocation invocation, ReactiveChain next) {
        Flux<Object> inner = next.proceed(invocation);
        return Flux.defer(() -> attempt(retry.start(), inner, callerContext.capture()));
    }

    // the context's outcomes are reported in order: each attempt is subscribed to only after the
    // previous one's error signal and the scheduler task, which give the happens-before edges
    private Flux<Object> attempt(Retry.Context context, Flux<Object> inner, ContextPropagator.Captured captured) {
        return inner.doOnComplete(context::onSuccess).onErrorResume(failure -> {
            long delayNanos = context.onFailure(failure);
            if (delayNanos < 0) {
                return Flux.error(failure);
            }
            // subscribed on the scheduler thread after a wait, else on the thread that signalled the failure
            Flux<Object> again = ReactiveContext.subscribedIn(captured, Flux.defer(() -> attempt(context, inner, captured)));
            return delayNanos == 0 ? again : delay(context, delayNanos).thenMany(again);
        });
    }

    private Mono<Void> delay(Retry.Context context, long delayNanos) {
        return Mono.create(sink -> {
            // the task firing and a cancellation may race; the first one decides
            AtomicBoolean settled = new AtomicBoolean();
            Scheduler.Cancellable task = scheduler.schedule(() -> {
                if (settled.compareAndSet(false, true)) {
                    sink.success();
                }
            }, delayNanos);
            sink.onCancel(() -> {
                if (settled.compareAndSet(false, true)) {
                    task.cancel();
                    context.abandon();
                }
            });
        });
    }
}
