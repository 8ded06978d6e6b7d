package dev.resilience.ratelimiter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PermitWindowTests {

    @Test
    void grantsTheLimitPerPeriodAndReservesLaterPeriodsInOrder() {
        PermitWindow window = new PermitWindow(100, 1_000, 2);

        assertThat(window.reserve(100, 5_000)).isZero();
        assertThat(window.reserve(400, 5_000)).isZero();
        assertThat(window.reserve(400, 5_000)).as("first permit of period 1").isEqualTo(700);
        assertThat(window.reserve(400, 5_000)).as("second permit of period 1").isEqualTo(700);
        assertThat(window.reserve(400, 5_000)).as("first permit of period 2").isEqualTo(1_700);
        assertThat(window.available(400)).isEqualTo(-3);
    }

    @Test
    void refusesWithoutTakingATicketWhenTheWaitExceedsTheAllowance() {
        PermitWindow window = new PermitWindow(0, 1_000, 1);
        window.reserve(0, 0);

        assertThat(window.reserve(250, 749)).isEqualTo(-750);
        assertThat(window.reserve(250, 750)).as("the refused ticket is still free").isEqualTo(750);
    }

    @Test
    void unusedPermitsOfPastPeriodsAreDropped() {
        PermitWindow window = new PermitWindow(0, 1_000, 3);

        assertThat(window.available(10_500)).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(window.reserve(10_500, 0)).isZero();
        }
        assertThat(window.reserve(10_500, 0)).isEqualTo(-500);
        assertThat(window.nanosUntilFree(10_500)).isEqualTo(500);
        assertThat(window.nanosUntilFree(11_000)).isZero();
    }

    @Test
    void waitSaturatesInsteadOfOverflowing() {
        long period = Long.MAX_VALUE / 2;
        PermitWindow window = new PermitWindow(0, period, 1);

        assertThat(window.reserve(0, Long.MAX_VALUE)).isZero();
        assertThat(window.reserve(0, Long.MAX_VALUE)).isEqualTo(period);
        assertThat(window.reserve(0, Long.MAX_VALUE)).isEqualTo(2 * period);
        assertThat(window.reserve(0, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void ticketsStayInRangeAtOnePermitPerNanosecondForAnyElapsedTime() {
        PermitWindow window = new PermitWindow(0, 1, 1);
        long late = Long.MAX_VALUE - 10;

        assertThat(window.reserve(late, 0)).isZero();
        assertThat(window.reserve(late, 0)).isEqualTo(-1);
        assertThat(window.reserve(late, 1)).isEqualTo(1);
        assertThat(window.available(late)).isEqualTo(-1);
    }
}
