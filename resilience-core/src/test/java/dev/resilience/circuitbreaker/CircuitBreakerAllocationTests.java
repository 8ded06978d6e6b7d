package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.event.EventType;
import dev.resilience.testing.Allocations;
import dev.resilience.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CircuitBreakerAllocationTests {

    private static final int CALLS = 100_000;

    private static com.sun.management.ThreadMXBean threads() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "JVM does not report allocated bytes");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "JVM does not report allocated bytes");
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }

    private static long allocatedBy(Runnable calls) {
        threads();
        return Allocations.bytesAllocated(1, calls);
    }

    @Test
    void successfulCallsOnAClosedCountWindowAllocateNothingWhileOnlyFailuresAreObserved() {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = CircuitBreaker.of("hot", CircuitBreakerConfig.defaults(), clock);
        breaker.events().subscribe(EnumSet.of(EventType.FAILURE), event -> { });

        long allocated = allocatedBy(() -> {
            for (int i = 0; i < CALLS; i++) {
                breaker.acquirePermit().onSuccess(clock.nanoTime());
            }
        });

        assertThat(allocated).isLessThan(1024);
        assertThat(breaker.snapshot().successfulCalls()).isEqualTo(4L * CALLS);
    }

    @Test
    void successfulCallsOnAClosedTimeWindowAllocateNothingAcrossRollovers() {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = CircuitBreaker.of("hot", CircuitBreakerConfig.builder()
                .slidingWindowType(SlidingWindowType.TIME_BASED)
                .slidingWindowSize(10)
                .build(), clock);

        long allocated = allocatedBy(() -> {
            for (int i = 0; i < CALLS; i++) {
                long start = clock.nanoTime();
                clock.advanceNanos(1_000_000);
                breaker.acquirePermit().onSuccess(start);
            }
        });

        assertThat(allocated).isLessThan(1024);
        // The clock ends at exactly 400 s: seconds 391 to 399 hold 1,000 calls each, second 400 the last call.
        assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(9_001);
    }

    @Test
    void anAdaptiveBreakerAllocatesNothingPerCallOnceItsThresholdHasSettled() {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = CircuitBreaker.of("hot", CircuitBreakerConfig.builder()
                .adaptive(AdaptiveThresholdConfig.builder().enabled(true).targetErrorRate(20).build())
                .build(), clock);
        IllegalStateException failure = new IllegalStateException("boom");

        long allocated = allocatedBy(() -> {
            for (int i = 0; i < CALLS; i++) {
                CircuitBreaker.Permit permit = breaker.acquirePermit();
                if (i % 10 == 0) {
                    permit.onError(clock.nanoTime(), failure);
                } else {
                    permit.onSuccess(clock.nanoTime());
                }
            }
        });

        assertThat(allocated).isLessThan(1024);
        assertThat(breaker.failureRateThreshold()).as("10% failing + target 20").isCloseTo(30f, within(0.01f));
    }

    @Test
    void anOpenRejectionAllocatesLittleMoreThanItsExceptionAsItsMessageIsBuiltOnlyWhenAsked() {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = CircuitBreaker.of("hot", CircuitBreakerConfig.builder()
                .minimumNumberOfCalls(1).slidingWindowSize(1).build(), clock);
        breaker.acquirePermit().onError(clock.nanoTime(), new IllegalStateException("down"));
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        int rejections = 10_000;

        long allocated = allocatedBy(() -> {
            for (int i = 0; i < rejections; i++) {
                try {
                    breaker.acquirePermit();
                } catch (CircuitBreakerOpenException expected) {
                    // the rejection itself is what is measured
                }
            }
        });

        // the exception and its Duration, about 80 bytes; building the message eagerly cost about 350
        assertThat(allocated / rejections).isLessThan(160);
        assertThat(breaker.snapshot().notPermittedCalls()).isEqualTo(4L * rejections);
    }
}
