package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How an asynchronous call waits for its admission, runs, gives its permit back and is cancelled. */
class AdmissionTests {

    private final AtomicInteger released = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final CompletableFuture<Object> inner = new CompletableFuture<>();

    private final AsyncChain chain = invocation -> {
        started.incrementAndGet();
        return inner;
    };

    private CompletableFuture<Object> run(CompletableFuture<String> admission) {
        return Admission.thenRun(admission, null, chain, permit -> released.incrementAndGet());
    }

    @Test
    void releasesThePermitBeforeTheCallerSeesTheOutcome() {
        CompletableFuture<Object> result = run(CompletableFuture.completedFuture("permit"));
        AtomicInteger releasedWhenDone = new AtomicInteger(-1);
        result.whenComplete((value, failure) -> releasedWhenDone.set(released.get()));
        assertThat(released).hasValue(0);

        inner.complete("value");

        assertThat(result).isCompletedWithValue("value");
        assertThat(releasedWhenDone).hasValue(1);
    }

    @Test
    void refusalFailsTheResultWithTheExceptionItselfAndNeverStartsTheCall() {
        IllegalStateException refusal = new IllegalStateException("full");

        CompletableFuture<Object> result = run(CompletableFuture.failedFuture(refusal));

        assertThat(result.handle((value, failure) -> failure).join()).isSameAs(refusal);
        assertThat(started).hasValue(0);
        assertThat(released).hasValue(0);
    }

    @Test
    void cancellingWhileWaitingCancelsTheAdmissionAndNeverStartsTheCall() {
        CompletableFuture<String> admission = new CompletableFuture<>();
        CompletableFuture<Object> result = run(admission);

        result.cancel(false);

        assertThat(admission).isCancelled();
        assertThat(started).hasValue(0);
        assertThat(released).hasValue(0);
    }

    @Test
    void cancellingARunningCallCancelsTheInnerFutureAndReleasesOnce() {
        CompletableFuture<Object> result = run(CompletableFuture.completedFuture("permit"));

        result.cancel(false);

        assertThat(inner).isCancelled();
        assertThat(released).hasValue(1);
    }
}
