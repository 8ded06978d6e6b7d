package dev.resilience.spring.metrics;

import static dev.resilience.spring.testsupport.Breakers.fail;
import static dev.resilience.spring.testsupport.Breakers.ignored;
import static dev.resilience.spring.testsupport.Breakers.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.Breakers;
import dev.resilience.time.ManualClock;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CircuitBreakerMetersTests {

    private final ManualClock clock = new ManualClock();
    private final InstanceRegistry<CircuitBreaker> breakers = Breakers.registry(clock);
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
        Breakers.halfOpen(breakers.get("payments"), clock);

        for (CircuitBreakerState state : CircuitBreakerState.values()) {
            String tag = state.name().toLowerCase(Locale.ROOT);
            double expected = state == CircuitBreakerState.HALF_OPEN ? 1 : 0;
            assertThat(search("state").tags("name", "payments", "state", tag).gauge().value()).as(tag).isEqualTo(expected);
        }
    }

    @Test
    void callMetersReadCountsAndDurationsFromTheBreaker() {
        bind();
        CircuitBreaker breaker = breakers.get("payments");
        succeed(breaker, clock, Duration.ofMillis(10));
        succeed(breaker, clock, Duration.ofMillis(430));
        fail(breaker, clock, Duration.ofMillis(500));
        ignored(breaker, clock, Duration.ofMillis(7));
        succeed(breaker, clock, Duration.ofMillis(20));

        FunctionTimer successful = search("calls").tags("name", "payments", "kind", "successful").functionTimer();
        FunctionTimer failed = search("calls").tags("kind", "failed").functionTimer();
        FunctionTimer ignoredCalls = search("calls").tags("kind", "ignored").functionTimer();
        assertThat(successful.count()).isEqualTo(3);
        assertThat(successful.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(460);
        assertThat(failed.count()).isEqualTo(1);
        assertThat(failed.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(500);
        assertThat(ignoredCalls.count()).isEqualTo(1);
        assertThat(ignoredCalls.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(7);
        assertThat(search("slow.calls").tags("kind", "successful").functionCounter().count()).isEqualTo(1);
        assertThat(search("slow.calls").tags("kind", "failed").functionCounter().count()).isEqualTo(1);
        assertThat(search("failure.rate").gauge().value()).isEqualTo(25);
        assertThat(search("slow.call.rate").gauge().value()).isEqualTo(50);
    }

    @Test
    void ratesAreMinusOneUntilTheMinimumNumberOfCalls() {
        bind();
        fail(breakers.get("payments"), clock, Duration.ofMillis(1));

        assertThat(search("failure.rate").gauge().value()).isEqualTo(-1);
        assertThat(search("slow.call.rate").gauge().value()).isEqualTo(-1);
    }

    @Test
    void countsRejectedCalls() {
        bind();
        CircuitBreaker breaker = breakers.get("payments");
        Breakers.open(breaker, clock);

        Breakers.rejected(breaker);
        Breakers.rejected(breaker);

        assertThat(search("not.permitted.calls").functionCounter().count()).isEqualTo(2);
    }

    @Test
    void countsTransitionsByLowerCaseFromAndTo() {
        bind();
        CircuitBreaker breaker = breakers.get("payments");
        assertThat(search("transitions").counters()).isEmpty();

        Breakers.halfOpen(breaker, clock);
        fail(breaker, clock, Duration.ofMillis(1));

        assertThat(search("transitions").tags("name", "payments", "from", "closed", "to", "open").counter().count())
                .isEqualTo(1);
        assertThat(search("transitions").tags("from", "open", "to", "half_open").counter().count()).isEqualTo(1);
        assertThat(search("transitions").tags("from", "half_open", "to", "open").counter().count()).isEqualTo(1);
        assertThat(search("transitions").counters()).hasSize(3);
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
        CircuitBreaker evicted = breakers.get("hosts", "a");
        evicted.forceOpen();
        breakers.get("hosts", "b");
        assertThat(search("transitions").tags("key", "a").counters()).hasSize(1);

        breakers.get("hosts", "c");

        assertThat(registry.getMeters()).extracting(Meter::getId)
                .noneMatch(id -> "a".equals(id.getTag("key")))
                .anyMatch(id -> "c".equals(id.getTag("key")));
        evicted.reset();
        assertThat(search("transitions").tags("key", "a").counters()).isEmpty();
    }
}
