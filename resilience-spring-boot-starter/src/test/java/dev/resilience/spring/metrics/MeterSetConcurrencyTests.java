package dev.resilience.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("concurrency")
class MeterSetConcurrencyTests {

    private static final int REGISTERING_THREADS = 6;
    private static final int COUNTERS_PER_THREAD = 2_000;

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void noMeterOutlivesACloseThatRacesWithLazyRegistrations(ThreadKind kind) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MeterSet meters = new MeterSet(registry);

        // one thread closes half-way through while the others keep registering counters lazily
        Concurrently.run(kind, REGISTERING_THREADS + 1, Duration.ofSeconds(30), thread -> {
            if (thread == REGISTERING_THREADS) {
                while (registry.getMeters().size() < COUNTERS_PER_THREAD) {
                    Thread.onSpinWait();
                }
                meters.close();
                return;
            }
            for (int i = 0; i < COUNTERS_PER_THREAD; i++) {
                String name = "counter." + thread + "." + i;
                Counter counter = meters.register(r -> Counter.builder(name).register(r));
                if (counter != null) {
                    counter.increment();
                }
            }
        });

        assertThat(registry.getMeters()).isEmpty();
        Counter late = meters.register(r -> Counter.builder("after").register(r));
        assertThat(late).isNull();
    }
}
