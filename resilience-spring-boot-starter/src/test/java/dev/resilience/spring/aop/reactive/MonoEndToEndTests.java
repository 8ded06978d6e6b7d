package dev.resilience.spring.aop.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.BulkheadFullException;
import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.RateLimitExceededException;
import dev.resilience.TimeoutExceededException;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Retry;
import dev.resilience.spring.aop.reactive.ReactiveClient.DownstreamException;
import dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * {@code Mono} methods against the whole starter on a {@link ManualClock} (time source and scheduler):
 * per-subscription calls, each pattern's rejection as an error signal, waits and deadlines driven by
 * advancing the clock. StepVerifier runs on real time with a bound; its steps advance the manual clock.
 */
class MonoEndToEndTests {

    static final Duration BOUND = Duration.ofSeconds(5);

    static final ApplicationContextRunner RUNNER = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class, ResilienceAopAutoConfiguration.class))
            .withBean(ManualClock.class)
            .withBean(ReactiveClient.class)
            .withPropertyValues(
                    "resilience.circuitbreaker.defaults.consecutive-failure-threshold=2",
                    "resilience.circuitbreaker.defaults.minimum-number-of-calls=100",
                    "resilience.circuitbreaker.defaults.wait-duration-in-open-state=10s",
                    "resilience.bulkhead.instances.bh.max-concurrent-calls=1",
                    "resilience.ratelimiter.instances.rl.limit-for-period=1",
                    "resilience.ratelimiter.instances.rl.limit-refresh-period=10s",
                    "resilience.retry.instances.retry.max-attempts=3",
                    "resilience.retry.instances.retry.backoff=FIXED",
                    "resilience.retry.instances.retry.wait-duration=1s",
                    "resilience.retry.instances.retry.jitter=0",
                    "resilience.timeout.instances.timeout.duration=2s");

    @Test
    void nothingRunsUntilSubscriptionAndEachSubscriptionIsOneCall() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            client.plan(() -> Mono.just("value"));

            Mono<String> mono = client.guarded();

            assertThat(client.calls()).isZero();
            assertThat(breaker(context, "cb").snapshot().bufferedCalls()).isZero();
            StepVerifier.create(mono).expectNext("value").expectComplete().verify(BOUND);
            StepVerifier.create(mono).expectNext("value").expectComplete().verify(BOUND);
            assertThat(client.calls()).isEqualTo(2);
            assertThat(breaker(context, "cb").snapshot().bufferedCalls()).isEqualTo(2);
        });
    }

    @Test
    void breakerRecordsTheOutcomeWhenTheMonoTerminates() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            Sinks.One<String> pending = Sinks.one();
            client.plan(pending::asMono);

            StepVerifier.create(client.guarded())
                    .then(() -> assertThat(breaker(context, "cb").snapshot().bufferedCalls()).isZero())
                    .then(() -> pending.tryEmitError(new DownstreamException()))
                    .expectError(DownstreamException.class)
                    .verify(BOUND);

            assertThat(breaker(context, "cb").snapshot().failedCalls()).isEqualTo(1);
        });
    }

    @Test
    void breakerTripsAndThenRejectsWithAnErrorSignalWithoutCallingTheMethod() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            client.plan(() -> Mono.error(new DownstreamException()));
            StepVerifier.create(client.guarded()).expectError(DownstreamException.class).verify(BOUND);
            StepVerifier.create(client.guarded()).expectError(DownstreamException.class).verify(BOUND);

            Mono<String> rejected = client.guarded();

            StepVerifier.create(rejected).expectError(CircuitBreakerOpenException.class).verify(BOUND);
            assertThat(client.calls()).isEqualTo(2);
            assertThat(breaker(context, "cb").state()).isEqualTo(CircuitBreakerState.OPEN);
            assertThat(breaker(context, "cb").snapshot().notPermittedCalls()).isEqualTo(1);
        });
    }

    @Test
    void cancellationGivesTheBreakerPermitBackWithoutRecording() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            client.plan(Mono::never);

            Disposable subscription = client.guarded().subscribe();
            subscription.dispose();

            assertThat(client.calls()).isEqualTo(1);
            assertThat(breaker(context, "cb").snapshot().bufferedCalls()).isZero();
            assertThat(breaker(context, "cb").snapshot().failedCalls()).isZero();
        });
    }

    @Test
    void bulkheadHoldsTheSlotFromSubscriptionToTermination() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            Sinks.One<String> pending = Sinks.one();
            client.plan(pending::asMono, () -> Mono.just("second"));

            StepVerifier.FirstStep<String> first = StepVerifier.create(client.bulkheaded());
            Mono<String> held = client.bulkheaded();
            assertThat(bulkhead(context).snapshot().activeCalls()).isZero();

            first.then(() -> {
                assertThat(bulkhead(context).snapshot().activeCalls()).isEqualTo(1);
                StepVerifier.create(client.bulkheaded())
                        .expectErrorSatisfies(rejection -> assertThat(rejection)
                                .isInstanceOfSatisfying(BulkheadFullException.class,
                                        full -> assertThat(full.getReason()).isEqualTo(BulkheadFullException.Reason.QUEUE_FULL)))
                        .verify(BOUND);
                pending.tryEmitValue("first");
            }).expectNext("first").expectComplete().verify(BOUND);

            assertThat(bulkhead(context).snapshot().activeCalls()).isZero();
            StepVerifier.create(held).expectNext("second").expectComplete().verify(BOUND);
            assertThat(client.calls()).isEqualTo(2);
        });
    }

    @Test
    void cancellationGivesTheBulkheadSlotBack() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            client.plan(Mono::never);

            Disposable subscription = client.bulkheaded().subscribe();
            assertThat(bulkhead(context).snapshot().activeCalls()).isEqualTo(1);
            subscription.dispose();

            assertThat(bulkhead(context).snapshot().activeCalls()).isZero();
        });
    }

    @Test
    void rateLimiterRejectsBeforeSubscribingAndAdmitsInTheNextPeriod() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            client.plan(() -> Mono.just("value"));
            StepVerifier.create(client.limited()).expectNext("value").expectComplete().verify(BOUND);

            StepVerifier.create(client.limited()).expectError(RateLimitExceededException.class).verify(BOUND);
            assertThat(client.calls()).isEqualTo(1);

            context.getBean(ManualClock.class).advance(Duration.ofSeconds(10));
            StepVerifier.create(client.limited()).expectNext("value").expectComplete().verify(BOUND);
            assertThat(client.calls()).isEqualTo(2);
        });
    }

    @Test
    void retryResubscribesAfterTheScheduledDelayAndSucceeds() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            ManualClock clock = context.getBean(ManualClock.class);
            client.plan(() -> Mono.error(new DownstreamException()), () -> Mono.error(new DownstreamException()),
                    () -> Mono.just("value"));

            StepVerifier.create(client.retried())
                    .then(() -> assertThat(client.calls()).isEqualTo(1))
                    .then(() -> clock.advance(Duration.ofMillis(999)))
                    .then(() -> assertThat(client.calls()).isEqualTo(1))
                    .then(() -> clock.advance(Duration.ofMillis(1)))
                    .then(() -> assertThat(client.calls()).isEqualTo(2))
                    .then(() -> clock.advance(Duration.ofSeconds(1)))
                    .expectNext("value")
                    .expectComplete()
                    .verify(BOUND);

            assertThat(client.calls()).isEqualTo(3);
            assertThat(retry(context).snapshot().successfulWithRetry()).isEqualTo(1);
        });
    }

    @Test
    void exhaustedRetrySignalsTheLastFailureWithTheEarlierOnesSuppressed() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            ManualClock clock = context.getBean(ManualClock.class);
            client.plan(() -> Mono.error(new DownstreamException()));

            StepVerifier.create(client.retried())
                    .then(() -> clock.advance(Duration.ofSeconds(1)))
                    .then(() -> clock.advance(Duration.ofSeconds(1)))
                    .expectErrorSatisfies(failure -> {
                        assertThat(failure).isInstanceOf(DownstreamException.class);
                        assertThat(failure.getSuppressed()).hasSize(2).allMatch(DownstreamException.class::isInstance);
                    })
                    .verify(BOUND);

            assertThat(client.calls()).isEqualTo(3);
            assertThat(retry(context).snapshot().failedWithRetry()).isEqualTo(1);
        });
    }

    @Test
    void cancellingDuringTheRetryWaitStopsTheRetries() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            client.plan(() -> Mono.error(new DownstreamException()));

            Disposable subscription = client.retried().subscribe(value -> { }, failure -> { });
            subscription.dispose();
            context.getBean(ManualClock.class).advance(Duration.ofSeconds(5));

            assertThat(client.calls()).isEqualTo(1);
            assertThat(retry(context).snapshot().failedWithRetry() + retry(context).snapshot().failedWithoutRetry()).isEqualTo(1);
        });
    }

    @Test
    void timeoutSignalsAtTheDeadlineAndCancelsTheMono() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            ManualClock clock = context.getBean(ManualClock.class);
            AtomicBoolean cancelled = new AtomicBoolean();
            client.plan(() -> Mono.<String>never().doOnCancel(() -> cancelled.set(true)));

            StepVerifier.create(client.timed())
                    .then(() -> clock.advance(Duration.ofMillis(1999)))
                    .then(() -> assertThat(cancelled).isFalse())
                    .then(() -> clock.advance(Duration.ofMillis(1)))
                    .expectErrorSatisfies(failure -> assertThat(failure)
                            .isInstanceOfSatisfying(TimeoutExceededException.class,
                                    timeout -> assertThat(timeout.getTimeout()).isEqualTo(Duration.ofSeconds(2))))
                    .verify(BOUND);

            assertThat(cancelled).isTrue();
            assertThat(context.getBean("timeoutRegistry", InstanceRegistry.class).get("timeout"))
                    .isInstanceOfSatisfying(dev.resilience.timeout.Timeout.class,
                            timeout -> assertThat(timeout.snapshot().timedOutCalls()).isEqualTo(1));
        });
    }

    @Test
    void timeoutLetsAnEarlierOutcomeThrough() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            Sinks.One<String> pending = Sinks.one();
            client.plan(pending::asMono);

            StepVerifier.create(client.timed())
                    .then(() -> context.getBean(ManualClock.class).advance(Duration.ofSeconds(1)))
                    .then(() -> pending.tryEmitValue("in time"))
                    .expectNext("in time")
                    .expectComplete()
                    .verify(BOUND);
        });
    }

    @Test
    void fallbackSwitchesToTheFallbackMonoForAnApplicableError() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            client.plan(() -> Mono.error(new DownstreamException()));

            StepVerifier.create(client.recovered()).expectNext("fallback after DownstreamException").expectComplete().verify(BOUND);
        });
    }

    @Test
    void fallbackPassesOnAnErrorListedInSkipOn() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            client.plan(() -> Mono.error(new IllegalStateException("skipped")));

            StepVerifier.create(client.recovered()).expectError(IllegalStateException.class).verify(BOUND);
        });
    }

    @Test
    void aMethodThatThrowsInsteadOfReturningAMonoGivesAnErrorSignal() {
        RUNNER.run(context -> {
            ReactiveClient client = context.getBean(ReactiveClient.class);
            client.plan(() -> {
                throw new DownstreamException();
            });

            Mono<String> mono = client.guarded();

            StepVerifier.create(mono).expectError(DownstreamException.class).verify(BOUND);
            assertThat(breaker(context, "cb").snapshot().failedCalls()).isEqualTo(1);
        });
    }

    static CircuitBreaker breaker(ApplicationContext context, String name) {
        return (CircuitBreaker) context.getBean("circuitBreakerRegistry", InstanceRegistry.class).get(name);
    }

    static Bulkhead bulkhead(ApplicationContext context) {
        return (Bulkhead) context.getBean("bulkheadRegistry", InstanceRegistry.class).get("bh");
    }

    static Retry retry(ApplicationContext context) {
        return (Retry) context.getBean("retryRegistry", InstanceRegistry.class).get("retry");
    }
}
