package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountWindowTests {

    private static final int SUCCESS = SlidingWindow.RECORDED;
    private static final int FAILURE = SlidingWindow.RECORDED | SlidingWindow.FAILED;
    private static final int SLOW_FAILURE = FAILURE | SlidingWindow.SLOW;

    private static CountWindow window(int size) {
        return new CountWindow(size, new RateThresholds(CircuitBreakerConfig.builder()
                .slidingWindowSize(size).minimumNumberOfCalls(size).failureRateThreshold(100).build()), (calls, failed) -> { });
    }

    @Test
    void countsEachFieldIndependently() {
        CountWindow window = window(5);
        window.record(SUCCESS, 0);
        window.record(FAILURE, 0);
        window.record(SLOW_FAILURE, 0);

        assertThat(window.counts(0)).isEqualTo(new WindowCounts(3, 2, 1));
    }

    @Test
    void evictsTheOldestOutcomeOnceFull() {
        CountWindow window = window(3);
        window.record(SLOW_FAILURE, 0);
        window.record(SUCCESS, 0);
        window.record(SUCCESS, 0);
        window.record(SUCCESS, 0);

        assertThat(window.counts(0)).isEqualTo(new WindowCounts(3, 0, 0));
    }

    @Test
    void returnsTheReasonFromTheReadingRightAfterItsOwnRecord() {
        CountWindow window = window(2);
        assertThat(window.record(FAILURE, 0)).isNull();

        assertThat(window.record(FAILURE, 0)).isEqualTo(TransitionReason.FAILURE_RATE);
        assertThat(window.record(SUCCESS, 0)).isNull();
    }

    @Test
    void theLargestWindowHoldsEveryFieldWithoutOverflowingIntoTheNext() {
        int size = CircuitBreakerConfig.MAX_COUNT_WINDOW;
        CountWindow window = window(size);
        for (int i = 0; i < size; i++) {
            window.record(SLOW_FAILURE, 0);
        }
        assertThat(window.counts(0)).isEqualTo(new WindowCounts(size, size, size));

        for (int i = 0; i < size; i++) {
            window.record(SUCCESS, 0);
        }
        assertThat(window.counts(0)).isEqualTo(new WindowCounts(size, 0, 0));
    }
}
