package dev.resilience.spring.aop.reactive;

import static dev.resilience.spring.aop.reactive.MonoEndToEndTests.BOUND;
import static dev.resilience.spring.aop.reactive.MonoEndToEndTests.RUNNER;
import static dev.resilience.spring.aop.reactive.MonoEndToEndTests.breaker;
import static dev.resilience.spring.aop.reactive.MonoEndToEndTests.bulkhead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.BulkheadFullException;
import dev.resilience.TimeoutExceededException;
import dev.resilience.spring.aop.reactive.ReactiveClient.DownstreamException;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * {@code Flux} methods against the whole starter on a {@link ManualClock}: elements pass through, and the
 * patterns act on the stream's termination (breaker outcome, bulkhead slot, deadline) or resubscribe
 * (retry). Same application as {@link MonoEndToEndTests}.
 */
class FluxEndToEndTests {

    @Test
    void breakerRecordsASuccessWhenTheFluxCompletesAndAFailureWhenItErrorsAfterElements() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            client.plan(() -> Flux.just("a", "b"), () -> Flux.just("a").concatWith(Flux.error(new DownstreamException())));

            StepVerifier.create(client.guardedStream()).expectNext("a", "b").expectComplete().verify(BOUND);
            assertThat(breaker(context, "flux-cb").snapshot().bufferedCalls()).isEqualTo(1);
            assertThat(breaker(context, "flux-cb").snapshot().failedCalls()).isZero();

            StepVerifier.create(client.guardedStream()).expectNext("a").expectError(DownstreamException.class).verify(BOUND);
            assertThat(breaker(context, "flux-cb").snapshot().bufferedCalls()).isEqualTo(2);
            assertThat(breaker(context, "flux-cb").snapshot().failedCalls()).isEqualTo(1);
        });
    }

    @Test
    void bulkheadHoldsTheSlotUntilTheFluxCompletes() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            Sinks.Many<String> stream = Sinks.many().unicast().onBackpressureBuffer();
            client.plan(stream::asFlux);

            StepVerifier.create(client.bulkheadedStream())
                    .then(() -> stream.tryEmitNext("a"))
                    .expectNext("a")
                    .then(() -> {
                        assertThat(bulkhead(context).snapshot().activeCalls()).isEqualTo(1);
                        StepVerifier.create(client.bulkheadedStream()).expectError(BulkheadFullException.class).verify(BOUND);
                        stream.tryEmitComplete();
                    })
                    .expectComplete()
                    .verify(BOUND);

            assertThat(bulkhead(context).snapshot().activeCalls()).isZero();
        });
    }

    @Test
    void retryResubscribesSoTheNextAttemptEmitsFromTheStart() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            client.plan(() -> Flux.just("a").concatWith(Flux.error(new DownstreamException())), () -> Flux.just("a", "b"));

            StepVerifier.create(client.retriedStream())
                    .expectNext("a")
                    .then(() -> context.getBean(ManualClock.class).advance(Duration.ofSeconds(1)))
                    .expectNext("a", "b")
                    .expectComplete()
                    .verify(BOUND);

            assertThat(client.calls()).isEqualTo(2);
        });
    }

    @Test
    void timeoutEndsAStreamThatStallsAfterSomeElementsAndCancelsIt() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            AtomicBoolean cancelled = new AtomicBoolean();
            client.plan(() -> Flux.just("a").concatWith(Flux.never()).doOnCancel(() -> cancelled.set(true)));

            StepVerifier.create(client.timedStream())
                    .expectNext("a")
                    .then(() -> context.getBean(ManualClock.class).advance(Duration.ofSeconds(2)))
                    .expectError(TimeoutExceededException.class)
                    .verify(BOUND);

            assertThat(cancelled).isTrue();
        });
    }

    @Test
    void fallbackContinuesWithTheFallbackFluxAfterTheElementsAlreadyEmitted() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            client.plan(() -> Flux.just("a").concatWith(Flux.error(new DownstreamException())));

            StepVerifier.create(client.recoveredStream()).expectNext("a", "f1", "f2").expectComplete().verify(BOUND);
        });
    }
}
