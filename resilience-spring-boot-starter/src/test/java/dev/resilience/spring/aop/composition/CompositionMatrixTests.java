package dev.resilience.spring.aop.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.resilience.BulkheadFullException;
import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.TimeoutExceededException;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerSnapshot;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.event.EventSource;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Retry;
import dev.resilience.retry.RetrySnapshot;
import dev.resilience.spring.aop.composition.Kind.Outcome;
import dev.resilience.spring.aop.composition.Script.DownstreamException;
import dev.resilience.spring.aop.composition.Script.Step;
import dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.timeout.Timeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * How the annotations compose, each scenario written once and run against a plain method, a
 * {@code CompletableFuture} method and a {@code Mono} method with the same annotations ({@link Kind}):
 * same outcome, same events.
 * The whole starter runs on the real clock with short durations (10 ms between retries, 150 ms timeouts);
 * every wait in the test is bounded.
 *
 * <p>Configuration: 3 attempts, FIXED 10 ms, no jitter; breakers open after 2 failures in a row (the
 * rate never triggers); timeouts 150 ms.
 */
class CompositionMatrixTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class, ResilienceAopAutoConfiguration.class))
            .withBean(SyncService.class)
            .withBean(AsyncService.class)
            .withBean(MonoService.class)
            .withPropertyValues(
                    "resilience.bulkhead.defaults.max-concurrent-calls=1",
                    "resilience.retry.defaults.max-attempts=3",
                    "resilience.retry.defaults.backoff=FIXED",
                    "resilience.retry.defaults.wait-duration=10ms",
                    "resilience.retry.defaults.jitter=0",
                    "resilience.timeout.defaults.duration=150ms",
                    "resilience.circuitbreaker.defaults.consecutive-failure-threshold=2",
                    "resilience.circuitbreaker.defaults.minimum-number-of-calls=100",
                    "resilience.circuitbreaker.defaults.sliding-window-size=100");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void retrySucceedsAfterFailuresAndCountsTheRetries(Kind kind) {
        runner.run(context -> {
            kind.script(context).play(Step.FAIL, Step.FAIL, Step.VALUE);
            Events events = Events.of(context, kind, "retried", "retry");

            Outcome outcome = kind.call(context, "retried");

            assertThat(outcome.value()).isEqualTo("value");
            assertThat(kind.script(context).calls()).isEqualTo(3);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(retry(context, kind, "retried").snapshot()).isEqualTo(new RetrySnapshot(0, 1, 0, 0, 2));
                assertThat(events.of("retry")).containsExactly("RETRY", "RETRY", "SUCCESS");
            });
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void exhaustedRetryRethrowsTheLastFailureWithTheEarlierOnesSuppressed(Kind kind) {
        runner.run(context -> {
            kind.script(context).play(Step.FAIL);
            Events events = Events.of(context, kind, "retried", "retry");

            Outcome outcome = kind.call(context, "retried");

            assertThat(outcome.failure()).isInstanceOf(DownstreamException.class);
            assertThat(outcome.failure().getSuppressed()).hasSize(2).allMatch(DownstreamException.class::isInstance);
            assertThat(kind.script(context).calls()).isEqualTo(3);
            assertThat(retry(context, kind, "retried").snapshot()).isEqualTo(new RetrySnapshot(0, 0, 0, 1, 2));
            assertThat(events.of("retry")).containsExactly("RETRY", "RETRY", "EXHAUSTED");
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void timeoutEndsAHungCallAndStopsTheWork(Kind kind) {
        runner.run(context -> {
            kind.script(context).play(Step.HANG);
            Events events = Events.of(context, kind, "timed", "timeout");

            Outcome outcome = kind.call(context, "timed");

            assertThat(outcome.failure()).isInstanceOfSatisfying(TimeoutExceededException.class, timeout -> {
                assertThat(timeout.getName()).isEqualTo(kind.prefix() + "timed");
                assertThat(timeout.getTimeout()).isEqualTo(Duration.ofMillis(150));
            });
            // interrupted (plain) or cancelled (future)
            await().atMost(Duration.ofSeconds(5)).until(kind.script(context)::stopped);
            assertThat(timeout(context, kind, "timed").snapshot().timedOutCalls()).isEqualTo(1);
            assertThat(events.of("timeout")).containsExactly("TIMED_OUT");
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fallbackAnswersWithTheFailureItReceived(Kind kind) {
        runner.run(context -> {
            kind.script(context).play(Step.FAIL);

            Outcome outcome = kind.call(context, "recovered");

            assertThat(outcome.value()).isEqualTo("fallback");
            assertThat(kind.script(context).fallbackSaw()).isInstanceOf(DownstreamException.class);
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failureListedInSkipOnReachesTheCallerWithoutTheFallback(Kind kind) {
        runner.run(context -> {
            kind.script(context).play(Step.FAIL);

            Outcome outcome = kind.call(context, "skipping");

            assertThat(outcome.failure()).isInstanceOf(DownstreamException.class);
            assertThat(kind.script(context).fallbackSaw()).isNull();
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void timeoutCountsAsABreakerFailure(Kind kind) {
        runner.run(context -> {
            kind.script(context).play(Step.HANG);
            Events events = Events.of(context, kind, "guardedTimed", "circuitbreaker", "timeout");

            Outcome outcome = kind.call(context, "guardedTimed");

            assertThat(outcome.failure()).isInstanceOf(TimeoutExceededException.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.of("circuitbreaker").size() == 1);
            assertThat(breaker(context, kind, "guardedTimed").snapshot().failedCalls()).isEqualTo(1);
            assertThat(events.of("circuitbreaker")).containsExactly("FAILURE");
            assertThat(events.of("timeout")).containsExactly("TIMED_OUT");
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void bulkheadRejectionIsNotABreakerFailure(Kind kind) {
        runner.run(context -> {
            kind.script(context).play(Step.VALUE);
            Bulkhead bulkhead = Events.<Bulkhead>registry(context, "bulkhead").get(kind.prefix() + "guardedBulkheaded");
            Events events = Events.of(context, kind, "guardedBulkheaded", "circuitbreaker", "bulkhead");
            Bulkhead.Permit onlySlot = bulkhead.acquirePermit();

            Outcome rejected = kind.call(context, "guardedBulkheaded");
            Outcome rejectedAgain = kind.call(context, "guardedBulkheaded");
            onlySlot.release();
            Outcome admitted = kind.call(context, "guardedBulkheaded");

            assertThat(rejected.failure()).isInstanceOfSatisfying(BulkheadFullException.class,
                    full -> assertThat(full.getReason()).isEqualTo(BulkheadFullException.Reason.QUEUE_FULL));
            assertThat(rejectedAgain.failure()).isInstanceOf(BulkheadFullException.class);
            assertThat(admitted.value()).isEqualTo("value");
            assertThat(kind.script(context).calls()).isEqualTo(1);
            CircuitBreakerSnapshot breaker = breaker(context, kind, "guardedBulkheaded").snapshot();
            assertThat(breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
            assertThat(breaker.failedCallsTotal()).isZero();
            assertThat(breaker.ignoredCalls()).isEqualTo(2);
            assertThat(events.of("circuitbreaker")).containsExactly("IGNORED", "IGNORED", "SUCCESS");
            assertThat(events.of("bulkhead")).containsExactly("REJECTED", "REJECTED");
        });
    }

    /** SPEC ruling 8. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void breakerOpeningDuringRetriesEndsThemWithTheRejectionCarryingTheEarlierFailures(Kind kind) {
        runner.run(context -> {
            kind.script(context).play(Step.FAIL);
            Events events = Events.of(context, kind, "retriedGuarded", "retry", "circuitbreaker");

            Outcome outcome = kind.call(context, "retriedGuarded");

            assertThat(outcome.failure()).isInstanceOf(CircuitBreakerOpenException.class);
            assertThat(outcome.failure().getSuppressed()).hasSize(2).allMatch(DownstreamException.class::isInstance);
            assertThat(kind.script(context).calls()).isEqualTo(2);
            assertThat(breaker(context, kind, "retriedGuarded").snapshot().notPermittedCalls()).isEqualTo(1);
            assertThat(events.of("retry")).containsExactly("RETRY", "RETRY", "IGNORED");
            assertThat(events.of("circuitbreaker")).containsExactly("FAILURE", "FAILURE", "STATE_TRANSITION", "NOT_PERMITTED");
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fallbackSeesTheFinalOutcomeAfterTheRetries(Kind kind) {
        runner.run(context -> {
            kind.script(context).play(Step.FAIL);
            Events events = Events.of(context, kind, "recoveredRetried", "retry");

            Outcome outcome = kind.call(context, "recoveredRetried");

            assertThat(outcome.value()).isEqualTo("fallback");
            assertThat(kind.script(context).calls()).isEqualTo(3);
            assertThat(kind.script(context).fallbackSaw()).isInstanceOf(DownstreamException.class);
            assertThat(kind.script(context).fallbackSaw().getSuppressed()).hasSize(2);
            assertThat(events.of("retry")).containsExactly("RETRY", "RETRY", "EXHAUSTED");
        });
    }

    @ParameterizedTest
    @MethodSource("kindsAndWrittenOrders")
    void fallbackAnswersForTheBreakersRejectionAfterTheRetries(Kind kind, String method) {
        runner.run(context -> {
            kind.script(context).play(Step.FAIL);

            Outcome outcome = kind.call(context, method);

            assertThat(outcome.value()).isEqualTo("fallback");
            assertThat(kind.script(context).calls()).isEqualTo(2);
            assertThat(kind.script(context).fallbackSaw()).isInstanceOf(CircuitBreakerOpenException.class);
            assertThat(kind.script(context).fallbackSaw().getSuppressed()).hasSize(2);
        });
    }

    /**
     * Fallback, Retry, CircuitBreaker, Timeout written in that order and in reverse: both time out the
     * hung first attempt only (the timeout is inside the retry), retry it, and count one failure and one
     * success in the breaker.
     */
    @ParameterizedTest
    @MethodSource("kindsAndWrittenOrders")
    void writtenOrderDoesNotChangeTheComposition(Kind kind, String method) {
        runner.run(context -> {
            kind.script(context).play(Step.HANG, Step.VALUE);
            Events events = Events.of(context, kind, method, "retry", "circuitbreaker", "timeout");

            Outcome outcome = kind.call(context, method);

            assertThat(outcome.value()).isEqualTo("value");
            assertThat(kind.script(context).calls()).isEqualTo(2);
            assertThat(kind.script(context).fallbackSaw()).isNull();
            // a Mono's value reaches the caller just before its completion, which the layers report
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(events.of("retry")).containsExactly("RETRY", "SUCCESS");
                assertThat(events.of("circuitbreaker")).containsExactly("FAILURE", "SUCCESS");
                assertThat(events.of("timeout")).containsExactly("TIMED_OUT", "SUCCESS");
            });
        });
    }

    /**
     * Each non-plain kind side by side with the plain one in one application: every scenario gives equal
     * outcomes and, once the late reports have arrived (bounded wait), equal events.
     */
    @ParameterizedTest
    @MethodSource("kindsAndScenarios")
    void futureAndMonoMethodsAgreeWithPlainOnesOnOutcomeAndEvents(Kind kind, String method, List<Step> steps,
            List<String> patterns) {
        runner.run(context -> {
            String[] patternNames = patterns.toArray(String[]::new);
            Events syncEvents = Events.of(context, Kind.SYNC, method, patternNames);
            Events otherEvents = Events.of(context, kind, method, patternNames);
            Kind.SYNC.script(context).play(steps.toArray(Step[]::new));
            kind.script(context).play(steps.toArray(Step[]::new));

            String syncOutcome = describe(Kind.SYNC.call(context, method));
            String otherOutcome = describe(kind.call(context, method));

            assertThat(otherOutcome).isEqualTo(syncOutcome);
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(otherEvents.all()).isEqualTo(syncEvents.all()));
            assertThat(kind.script(context).calls()).isEqualTo(Kind.SYNC.script(context).calls());
        });
    }

    private static String describe(Outcome outcome) {
        return outcome.failure() == null ? "value " + outcome.value()
                : outcome.failure().getClass().getSimpleName() + " suppressing " + outcome.failure().getSuppressed().length;
    }

    static Stream<Arguments> kindsAndWrittenOrders() {
        return Stream.of(Kind.values()).flatMap(kind -> Stream.of(
                Arguments.of(kind, "everything"), Arguments.of(kind, "everythingReversed")));
    }

    static Stream<Arguments> kindsAndScenarios() {
        return Stream.of(Kind.ASYNC, Kind.MONO).flatMap(kind -> scenarios().map(scenario -> {
            Object[] values = scenario.get();
            return Arguments.of(kind, values[0], values[1], values[2]);
        }));
    }

    static Stream<Arguments> scenarios() {
        List<String> all = List.of("retry", "circuitbreaker", "timeout");
        return Stream.of(
                Arguments.of("retried", List.of(Step.FAIL, Step.VALUE), List.of("retry")),
                Arguments.of("retried", List.of(Step.FAIL), List.of("retry")),
                Arguments.of("timed", List.of(Step.HANG), List.of("timeout")),
                Arguments.of("timed", List.of(Step.FAIL), List.of("timeout")),
                Arguments.of("recovered", List.of(Step.VALUE), List.of()),
                Arguments.of("guardedTimed", List.of(Step.HANG), List.of("circuitbreaker", "timeout")),
                Arguments.of("retriedGuarded", List.of(Step.FAIL), List.of("retry", "circuitbreaker")),
                Arguments.of("everything", List.of(Step.HANG, Step.FAIL, Step.VALUE), all),
                Arguments.of("everything", List.of(Step.FAIL), all),
                Arguments.of("everythingReversed", List.of(Step.HANG, Step.HANG, Step.HANG), all));
    }

    private static Retry retry(ApplicationContext context, Kind kind, String method) {
        return Events.<Retry>registry(context, "retry").get(kind.prefix() + method);
    }

    private static Timeout timeout(ApplicationContext context, Kind kind, String method) {
        return Events.<Timeout>registry(context, "timeout").get(kind.prefix() + method);
    }

    private static CircuitBreaker breaker(ApplicationContext context, Kind kind, String method) {
        return Events.<CircuitBreaker>registry(context, "circuitbreaker").get(kind.prefix() + method);
    }

    /** The event types each pattern's instance of one method published, per pattern, in order. */
    static final class Events {

        private final Map<String, List<String>> byPattern = new TreeMap<>();

        static Events of(ApplicationContext context, Kind kind, String method, String... patterns) {
            Events events = new Events();
            for (String pattern : patterns) {
                List<String> types = Collections.synchronizedList(new ArrayList<>());
                events.byPattern.put(pattern, types);
                Object instance = registry(context, pattern).get(kind.prefix() + method);
                ((EventSource) instance).events().subscribe(event -> types.add(event.type().name()));
            }
            return events;
        }

        @SuppressWarnings("unchecked")
        static <T> InstanceRegistry<T> registry(ApplicationContext context, String pattern) {
            String bean = switch (pattern) {
                case "circuitbreaker" -> "circuitBreakerRegistry";
                default -> pattern + "Registry";
            };
            return context.getBean(bean, InstanceRegistry.class);
        }

        List<String> of(String pattern) {
            synchronized (byPattern.get(pattern)) {
                return List.copyOf(byPattern.get(pattern));
            }
        }

        Map<String, List<String>> all() {
            Map<String, List<String>> copy = new TreeMap<>();
            byPattern.keySet().forEach(pattern -> copy.put(pattern, of(pattern)));
            return copy;
        }
    }
}
