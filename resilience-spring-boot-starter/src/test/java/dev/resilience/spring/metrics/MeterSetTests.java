package dev.resilience.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MeterSetTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MeterSet meters = new MeterSet(registry);

    @Test
    void closeRemovesEveryRegisteredMeterAndRunsTheCloseActions() {
        meters.register(r -> Counter.builder("a").register(r));
        meters.register(r -> Counter.builder("b").tag("kind", "x").register(r));
        AtomicInteger closed = new AtomicInteger();
        meters.onClose(closed::incrementAndGet);

        meters.close();
        meters.close();

        assertThat(registry.getMeters()).isEmpty();
        assertThat(closed).hasValue(1);
    }

    @Test
    void registersNothingOnceClosed() {
        meters.close();

        Counter counter = meters.register(r -> Counter.builder("late").register(r));

        assertThat(counter).isNull();
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void runsACloseActionAtOnceWhenAlreadyClosed() {
        meters.close();
        AtomicInteger closed = new AtomicInteger();

        meters.onClose(closed::incrementAndGet);

        assertThat(closed).hasValue(1);
    }

    @Test
    void leavesMetersOfOtherSetsInPlace() {
        MeterSet other = new MeterSet(registry);
        other.register(r -> Counter.builder("other").register(r));
        meters.register(r -> Counter.builder("mine").register(r));

        meters.close();

        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName()).containsExactly("other");
    }
}
