package dev.resilience.spring.metrics;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerEvent;
import dev.resilience.circuitbreaker.CircuitBreakerSnapshot;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.event.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * The meters of a circuit breaker (tags {@code name}, plus {@code key} for keyed breakers):
 * <ul>
 * <li>{@code resilience.circuitbreaker.state}: gauge per {@code state} ({@code closed}, {@code open},
 *     {@code half_open}, {@code forced_open}, {@code disabled}), 1 for the current state, 0 otherwise;</li>
 * <li>{@code resilience.circuitbreaker.calls}: timer per {@code kind} ({@code successful}, {@code failed},
 *     {@code ignored}), count and summed duration;</li>
 * <li>{@code resilience.circuitbreaker.slow.calls}: counter per {@code kind} ({@code successful},
 *     {@code failed});</li>
 * <li>{@code resilience.circuitbreaker.not.permitted.calls}: counter;</li>
 * <li>{@code resilience.circuitbreaker.failure.rate}, {@code resilience.circuitbreaker.slow.call.rate}:
 *     gauges in percent, -1 until {@code minimum-number-of-calls};</li>
 * <li>{@code resilience.circuitbreaker.failure.rate.threshold}: gauge in percent, the threshold in effect
 *     ({@code failure-rate-threshold}, or the adaptive threshold's current value);</li>
 * <li>{@code resilience.circuitbreaker.transitions}: counter per {@code from} and {@code to} (lower-case
 *     states), registered at the first transition of that pair.</li>
 * </ul>
 * Everything but the transitions reads the breaker's snapshot when scraped; counts are totals since the
 * breaker's creation or last reset (a reset shows as a counter reset). Transitions are counted from
 * {@code STATE_TRANSITION} events. Stateless and thread safe.
 */
public final class CircuitBreakerMeters implements InstanceMeters<CircuitBreaker> {

    private static final String PREFIX = "resilience.circuitbreaker.";

    @Override
    public Class<CircuitBreaker> instanceType() {
        return CircuitBreaker.class;
    }

    @Override
    public void register(CircuitBreaker breaker, Tags tags, MeterSet meters) {
        for (CircuitBreakerState state : CircuitBreakerState.values()) {
            meters.register(registry -> Gauge.builder(PREFIX + "state", breaker, b -> b.state() == state ? 1 : 0)
                    .description("1 for the circuit breaker's current state, 0 for the others")
                    .tags(tags).tag("state", tagValue(state))
                    .register(registry));
        }
        calls(breaker, tags, meters, "successful", CircuitBreakerSnapshot::successfulCalls,
                CircuitBreakerSnapshot::successfulNanos);
        calls(breaker, tags, meters, "failed", CircuitBreakerSnapshot::failedCallsTotal,
                CircuitBreakerSnapshot::failedNanos);
        calls(breaker, tags, meters, "ignored", CircuitBreakerSnapshot::ignoredCalls,
                CircuitBreakerSnapshot::ignoredNanos);
        slowCalls(breaker, tags, meters, "successful", CircuitBreakerSnapshot::slowSuccessfulCalls);
        slowCalls(breaker, tags, meters, "failed", CircuitBreakerSnapshot::slowFailedCalls);
        meters.register(registry -> FunctionCounter.builder(PREFIX + "not.permitted.calls", breaker,
                        b -> b.snapshot().notPermittedCalls())
                .description("Calls the circuit breaker rejected")
                .tags(tags)
                .register(registry));
        meters.register(registry -> Gauge.builder(PREFIX + "failure.rate", breaker, b -> b.snapshot().failureRate())
                .description("Failed calls in the sliding window, in percent; -1 until minimum-number-of-calls")
                .tags(tags)
                .register(registry));
        meters.register(registry -> Gauge.builder(PREFIX + "slow.call.rate", breaker, b -> b.snapshot().slowCallRate())
                .description("Slow calls in the sliding window, in percent; -1 until minimum-number-of-calls")
                .tags(tags)
                .register(registry));
        meters.register(registry -> Gauge.builder(PREFIX + "failure.rate.threshold", breaker,
                        CircuitBreaker::failureRateThreshold)
                .description("The failure rate, in percent, at or above which the breaker opens (moves when adaptive)")
                .tags(tags)
                .register(registry));
        // transitions are rare: one event per change, counted under the MeterSet's lock
        meters.onClose(breaker.events().subscribe(EnumSet.of(EventType.STATE_TRANSITION), event -> {
            if (event instanceof CircuitBreakerEvent.StateTransition transition) {
                Counter counter = meters.register(registry -> Counter.builder(PREFIX + "transitions")
                        .description("State transitions of the circuit breaker")
                        .tags(tags).tag("from", tagValue(transition.from())).tag("to", tagValue(transition.to()))
                        .register(registry));
                if (counter != null) {
                    counter.increment();
                }
            }
        })::cancel);
    }

    private static void calls(CircuitBreaker breaker, Tags tags, MeterSet meters, String kind,
            ToLongFunction<CircuitBreakerSnapshot> count, ToLongFunction<CircuitBreakerSnapshot> nanos) {
        meters.register(registry -> FunctionTimer.builder(PREFIX + "calls", breaker,
                        b -> count.applyAsLong(b.snapshot()), b -> nanos.applyAsLong(b.snapshot()), TimeUnit.NANOSECONDS)
                .description("Calls the circuit breaker recorded, by outcome")
                .tags(tags).tag("kind", kind)
                .register(registry));
    }

    private static void slowCalls(CircuitBreaker breaker, Tags tags, MeterSet meters, String kind,
            ToLongFunction<CircuitBreakerSnapshot> count) {
        meters.register(registry -> FunctionCounter.builder(PREFIX + "slow.calls", breaker,
                        b -> count.applyAsLong(b.snapshot()))
                .description("Calls that took at least slow-call-duration-threshold, by outcome")
                .tags(tags).tag("kind", kind)
                .register(registry));
    }

    private static String tagValue(CircuitBreakerState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
