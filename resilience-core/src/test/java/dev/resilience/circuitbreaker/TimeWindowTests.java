package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeWindowTests {

    private static final long SECOND = 1_000_000_000L;
    private static final int SUCCESS = SlidingWindow.RECORDED;
    private static final int FAILURE = SlidingWindow.RECORDED | SlidingWindow.FAILED;
    private static final int SLOW_SUCCESS = SUCCESS | SlidingWindow.SLOW;

    private static TimeWindow window(int seconds) {
        return new TimeWindow(seconds, new RateThresholds(CircuitBreakerConfig.builder()
                .slidingWindowType(SlidingWindowType.TIME_BASED).slidingWindowSize(seconds)
                .minimumNumberOfCalls(1_000).build()), (calls, failed) -> { });
    }

    @Test
    void dropsEachSecondWhenItLeavesTheWindow() {
        TimeWindow window = window(3);
        window.record(FAILURE, 0);
        window.record(SLOW_SUCCESS, SECOND);
        window.record(SUCCESS, 2 * SECOND + 999_999_999L);

        assertThat(window.counts(2 * SECOND + 999_999_999L)).isEqualTo(new WindowCounts(3, 1, 1));
        assertThat(window.counts(3 * SECOND)).isEqualTo(new WindowCounts(2, 0, 1));
        assertThat(window.counts(4 * SECOND)).isEqualTo(new WindowCounts(1, 0, 0));
        assertThat(window.counts(5 * SECOND)).isEqualTo(WindowCounts.EMPTY);
    }

    @Test
    void reusesABucketForANewSecondOnlyAfterEmptyingIt() {
        TimeWindow window = window(2);
        window.record(FAILURE, 0);
        window.record(FAILURE, 0);
        window.record(SUCCESS, 2 * SECOND);

        assertThat(window.counts(2 * SECOND)).isEqualTo(new WindowCounts(1, 0, 0));
    }

    @Test
    void forgetsEverythingAfterALongSilence() {
        TimeWindow window = window(5);
        for (int second = 0; second < 5; second++) {
            window.record(FAILURE, second * SECOND);
        }

        assertThat(window.counts(1_000 * SECOND)).isEqualTo(WindowCounts.EMPTY);
        window.record(SUCCESS, 1_000 * SECOND);
        assertThat(window.counts(1_000 * SECOND)).isEqualTo(new WindowCounts(1, 0, 0));
    }

    @Test
    void handlesNegativeClockReadings() {
        TimeWindow window = window(2);
        window.record(FAILURE, -SECOND - 1);
        window.record(FAILURE, -1);

        assertThat(window.counts(-1)).isEqualTo(new WindowCounts(2, 2, 0));
        assertThat(window.counts(0)).isEqualTo(new WindowCounts(1, 1, 0));
        assertThat(window.counts(SECOND)).isEqualTo(WindowCounts.EMPTY);
    }

    @Test
    void aCallThatEndedBeforeTheWindowIsNotCounted() {
        TimeWindow window = window(2);
        window.record(SUCCESS, 10 * SECOND);

        window.record(FAILURE, 8 * SECOND);

        assertThat(window.counts(10 * SECOND)).isEqualTo(new WindowCounts(1, 0, 0));
    }

    @Test
    void aCallThatEndedInAnEarlierSecondStillInTheWindowCounts() {
        TimeWindow window = window(3);
        window.record(SUCCESS, 10 * SECOND);

        window.record(FAILURE, 9 * SECOND);

        assertThat(window.counts(10 * SECOND)).isEqualTo(new WindowCounts(2, 1, 0));
        assertThat(window.counts(12 * SECOND)).isEqualTo(new WindowCounts(1, 0, 0));
    }
}
