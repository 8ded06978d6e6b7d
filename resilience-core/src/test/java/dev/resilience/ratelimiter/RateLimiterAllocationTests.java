package dev.resilience.ratelimiter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.testing.Allocations;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterAllocationTests {

    private final ManualClock clock = new ManualClock();
    private final RateLimiter limiter = RateLimiter.of("hot", RateLimiterConfig.builder().limitForPeriod(1_000_000)
            .limitRefreshPeriod(Duration.ofSeconds(1)).build(), clock, clock);

    @Test
    void permittedAcquireAllocatesNothing() {
        long bytes = Allocations.bytesAllocated(100_000, limiter::acquirePermit);

        assertThat(bytes).isLessThan(1024);
        assertThat(limiter.snapshot().permittedCalls()).isEqualTo(400_000); // warm-up and three measured rounds
    }

    @Test
    void permittedAsyncAcquireAllocatesNothing() {
        long bytes = Allocations.bytesAllocated(100_000, limiter::acquirePermitAsync);

        assertThat(bytes).isLessThan(1024);
        assertThat(limiter.snapshot().permittedCalls()).isEqualTo(400_000); // warm-up and three measured rounds
    }
}
