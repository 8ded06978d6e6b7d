package dev.resilience.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.circuitbreaker.TransitionReason;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.FakeCircuitBreaker;
import dev.resilience.time.ManualClock;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CircuitBreakerMetersTests {

    private final ManualClock clock = new ManualClock();
    private final InstanceRegistry<CircuitBreaker> breakers = new InstanceRegistry<>(
            id -> new FakeCircuitBreaker(id.displayName(), CircuitBreakerConfig.defaults(), clock), name -> 2);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private void bind() {
        new ResilienceMeterBinder(List.of(new ResilienceMeterBinder.Binding<>(new CircuitBreakerMeters(), breakers)))
                .bindTo(registry);
    }

    private Search search(String name) {
        return registry.find("resilience.circuitbreaker." + name);
    }

    @Test
    void registersMetersForInstancesThatExistedBeforeBinding() {
        breakers.get("payments");

        bind();

        assertThat(search("state").tags("name", "payments").gauges()).hasSize(5);
        assertThat(search("calls").tags("name", "payments").functionTimers()).hasSize(3);
    }

    @Test
    void registersMetersWhenAnInstanceIsCreatedAfterBinding() {
        bind();
        assertThat(registry.getMeters()).isEmpty();

        breakers.get("payments");

        assertThat(search("not.permitted.calls").tags("name", "payments").functionCounter()).isNotNull();
    }

    @Test
    void stateGaugeIsOneForTheCurrentStateOnly() {
        bind();
        FakeCircuitBreaker breaker = (FakeCircuitBreaker) breakers.get("payments");
        breaker.transitionTo(CircuitBreakerState.HALF_OPEN, TransitionReason.WAIT_ELAPSED);

        for (CircuitBreakerState state : CircuitBreakerState.values()) {
            String tag = state.name().toLowerCase(Locale.ROOT);
            double expected = state == CircuitBreakerState.HALF_OPEN ? 1 : 0;
            assertThat(search("state").tags("name", "payments", "state", tag).gauge().value()).as(tag).isEqualTo(expected);
        }
    }

    @Test
    void callTimersReadCountsAndDurationsFromTheSnapshot() {
        bind();
        FakeCircuitBreaker breaker = (FakeCircuitBreaker) breakers.get("payments");
        breaker.recordSuccess(Duration.ofMillis(10), false);
        breaker.recordSuccess(Duration.ofMillis(30), true);
        breaker.recordFailure(Duration.ofMillis(5), IOException.class, true);
        breaker.recordIgnored(Duration.ofMillis(7), IllegalStateException.class);
        breaker.rejectCall();
        breaker.rates(50, 25);

        FunctionTimer successful = search("calls").tags("name", "payments", "kind", "successful").functionTimer();
        FunctionTimer failed = search("calls").tags("kind", "failed").functionTimer();
        FunctionTimer ignored = search("calls").tags("kind", "ignored").functionTimer();
        assertThat(successful.count()).isEqualTo(2);
        assertThat(successful.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
        assertThat(failed.count()).isEqualTo(1);
        assertThat(failed.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5);
        assertThat(ignored.count()).isEqualTo(1);
        assertThat(ignored.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(7);
        assertThat(search("slow.calls").tags("kind", "successful").functionCounter().count()).isEqualTo(1);
        assertThat(search("slow.calls").tags("kind", "failed").functionCounter().count()).isEqualTo(1);
        assertThat(search("not.permitted.calls").functionCounter().count()).isEqualTo(1);
        assertThat(search("failure.rate").gauge().value()).isEqualTo(50);
        assertThat(search("slow.call.rate").gauge().value()).isEqualTo(25);
    }

    @Test
    void ratesAreMinusOneUntilTheMinimumNumberOfCalls() {
        bind();
        breakers.get("payments");

        assertThat(search("failure.rate").gauge().value()).isEqualTo(-1);
        assertThat(search("slow.call.rate").gauge().value()).isEqualTo(-1);
    }

    @Test
    void countsTransitionsByLowerCaseFromAndTo() {
        bind();
        FakeCircuitBreaker breaker = (FakeCircuitBreaker) breakers.get("payments");
        assertThat(search("transitions").counters()).isEmpty();

        breaker.transitionTo(CircuitBreakerState.OPEN, TransitionReason.FAILURE_RATE);
        breaker.transitionTo(CircuitBreakerState.HALF_OPEN, TransitionReason.WAIT_ELAPSED);
        breaker.transitionTo(CircuitBreakerState.OPEN, TransitionReason.PROBE_FAILED);

        assertThat(search("transitions").tags("name", "payments", "from", "closed", "to", "open").counter().count())
                .isEqualTo(1);
        assertThat(search("transitions").tags("from", "open", "to", "half_open").counter().count()).isEqualTo(1);
        assertThat(search("transitions").tags("from", "half_open", "to", "open").counter().count()).isEqualTo(1);
    }

    @Test
    void keyedInstancesCarryAKeyTag() {
        bind();
        breakers.get("hosts", "a.example");

        assertThat(search("state").tags("name", "hosts", "key", "a.example").gauges()).hasSize(5);
        assertThat(search("state").tags("name", "hosts").gauges()).allSatisfy(
                gauge -> assertThat(gauge.getId().getTag("key")).isEqualTo("a.example"));
    }

    @Test
    void evictionRemovesEveryMeterOfTheInstanceTransitionsIncluded() {
        bind();
        FakeCircuitBreaker evicted = (FakeCircuitBreaker) breakers.get("hosts", "a");
        evicted.transitionTo(CircuitBreakerState.OPEN, TransitionReason.FAILURE_RATE);
        breakers.get("hosts", "b");
        assertThat(search("transitions").tags("key", "a").counters()).hasSize(1);

        breakers.get("hosts", "c");

        assertThat(registry.getMeters()).extracting(Meter::getId)
                .noneMatch(id -> "a".equals(id.getTag("key")))
                .anyMatch(id -> "c".equals(id.getTag("key")));
        evicted.transitionTo(CircuitBreakerState.CLOSED, TransitionReason.MANUAL);
        assertThat(search("transitions").tags("key", "a").counters()).isEmpty();
    }
}
