package dev.resilience.ratelimiter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Replacing a permit window: the old one hands out nothing more, the new one takes over its tickets. */
class PermitWindowSuccessorTests {

    @Test
    void theReplacedWindowAnswersMovedOnceItsSuccessorIsSettledByAnyCaller() {
        PermitWindow old = new PermitWindow(0, 1_000, 2);
        assertThat(old.reserve(0, 0)).isZero();
        PermitWindow next = old.successor(100, 1_000, 5);

        assertThat(next.reserve(100, 0)).as("a caller settles it: the current period keeps the old limit").isZero();

        assertThat(old.reserve(100, 0)).isEqualTo(PermitWindow.MOVED);
        assertThat(next.reserve(100, 0)).isEqualTo(-900);
        assertThat(next.available(1_000)).isEqualTo(5);
    }

    @Test
    void aSecondChangeBeforeTheFirstTookEffectReplacesIt() {
        PermitWindow first = new PermitWindow(0, 1_000, 2);
        first.reserve(0, 0);
        PermitWindow second = first.successor(100, 1_000, 5);
        second.settle();
        PermitWindow third = second.successor(200, 500, 3);
        third.settle();

        assertThat(third.available(200)).as("the current period still has the first limit").isEqualTo(1);
        assertThat(third.available(1_000)).as("then the last change: 3 per 500ns").isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(third.reserve(1_000, 0)).isZero();
        }
        assertThat(third.reserve(1_000, 0)).isEqualTo(-500);
        assertThat(third.reserve(1_500, 0)).isZero();
    }

    @Test
    void reservationsMadeUnderTheOldLimitKeepTheirPeriodAndTheNewValuesFollowThem() {
        PermitWindow old = new PermitWindow(0, 1_000, 1);
        assertThat(old.reserve(0, 10_000)).isZero();
        assertThat(old.reserve(0, 10_000)).isEqualTo(1_000);
        assertThat(old.reserve(0, 10_000)).isEqualTo(2_000);

        PermitWindow next = old.successor(0, 2_000, 4);
        next.settle();

        assertThat(next.reserve(0, 10_000)).as("new values from 3000, after the last reservation").isEqualTo(3_000);
        assertThat(next.available(3_000)).isEqualTo(3);
        assertThat(next.available(5_000 - 1)).as("periods of 2000 from 3000").isEqualTo(3);
        assertThat(next.available(5_000)).isEqualTo(4);
        assertThat(next.nanosUntilFree(3_000)).isZero();
    }

    @Test
    void settlingTwiceChangesNothing() {
        PermitWindow old = new PermitWindow(0, 1_000, 2);
        old.reserve(0, 0);
        PermitWindow next = old.successor(0, 1_000, 4);
        next.settle();
        assertThat(next.reserve(0, 0)).isZero();

        next.settle();

        assertThat(next.available(0)).isZero();
        assertThat(next.available(1_000)).isEqualTo(4);
    }
}
