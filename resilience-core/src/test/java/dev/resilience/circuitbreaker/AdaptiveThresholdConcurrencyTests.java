package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("concurrency")
class AdaptiveThresholdConcurrencyTests {

    private static final int THREADS = 16;
    private static final int CALLS = 5_000;

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theThresholdStaysWithinItsBoundsAndEveryCallIsCountedWhileItMoves(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = CircuitBreaker.of("adaptive", CircuitBreakerConfig.builder().slidingWindowSize(20)
                .minimumNumberOfCalls(20).failureRateThreshold(60)
                .adaptive(AdaptiveThresholdConfig.builder().enabled(true).targetErrorRate(30)
                        .minFailureRateThreshold(25).maxFailureRateThreshold(60).smoothing(0.5).build())
                .build(), clock);
        AtomicInteger outOfBounds = new AtomicInteger();
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();

        Concurrently.run(kind, THREADS, Duration.ofSeconds(30), index -> {
            for (int i = 0; i < CALLS; i++) {
                CircuitBreaker.Permit permit;
                try {
                    permit = breaker.acquirePermit();
                } catch (CircuitBreakerOpenException open) {
                    // threads that fail together can open it for a moment; keep the traffic going
                    rejected.incrementAndGet();
                    breaker.reset();
                    continue;
                }
                if ((i + index) % 10 == 0) {
                    permit.onError(clock.nanoTime(), new IllegalStateException("boom"));
                } else {
                    permit.onSuccess(clock.nanoTime());
                }
                recorded.incrementAndGet();
                float threshold = breaker.failureRateThreshold();
                if (threshold < 25 || threshold > 60) {
                    outOfBounds.incrementAndGet();
                }
            }
        });

        assertThat(outOfBounds).hasValue(0);
        assertThat(recorded.get() + rejected.get()).isEqualTo(THREADS * CALLS);
        assertThat(breaker.failureRateThreshold()).as("pulled from 60 toward about 10 + 30").isLessThan(60f);
    }
}
