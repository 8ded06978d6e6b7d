package dev.resilience.ratelimiter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.RateLimitExceededException;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Workers ask one rate limiter for permits while another thread switches its limit between 3 and 8, in the
 * middle of the workers' calls. Time stands still during a round and moves one period between rounds (in
 * the barrier action, while nobody is inside the limiter), so every permit is charged to its period.
 * Checked: a period never grants more than the limit in effect when it began (a switch takes effect from
 * the next period), hence never more than the larger of the two limits; permits granted plus refused add
 * up to the attempts, and the limiter's own counters agree.
 */
@Tag("concurrency")
class RateLimiterReconfigureConcurrencyTests {

    private static final int WORKERS = 6;
    private static final int ATTEMPTS_PER_ROUND = 4;
    private static final int ROUNDS = 300;
    private static final int LOW = 3;
    private static final int HIGH = 8;
    private static final Duration PERIOD = Duration.ofMillis(1);

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    private static RateLimiterConfig limit(int limit) {
        return RateLimiterConfig.builder().limitForPeriod(limit).limitRefreshPeriod(PERIOD).build();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aPeriodNeverGrantsMoreThanTheLimitInEffectWhenItBegan(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = RateLimiter.of("switched", limit(HIGH), clock, clock);
        AtomicInteger grantedThisRound = new AtomicInteger();
        AtomicInteger limitOfThisRound = new AtomicInteger(HIGH);
        AtomicInteger configured = new AtomicInteger(HIGH);
        AtomicInteger violations = new AtomicInteger();
        AtomicInteger fullRounds = new AtomicInteger();
        LongAdder granted = new LongAdder();
        LongAdder refused = new LongAdder();
        CyclicBarrier roundOver = new CyclicBarrier(WORKERS + 1, () -> {
            int count = grantedThisRound.getAndSet(0);
            if (count > limitOfThisRound.get() || count > HIGH) {
                violations.incrementAndGet();
            }
            if (count == limitOfThisRound.get()) {
                fullRounds.incrementAndGet();
            }
            limitOfThisRound.set(configured.get());
            clock.advance(PERIOD);
        });

        Concurrently.run(kind, WORKERS + 1, Duration.ofSeconds(60), index -> {
            for (int round = 0; round < ROUNDS; round++) {
                if (index == WORKERS) {
                    Thread.yield(); // let some workers in first, so the switch lands among their calls
                    int next = configured.get() == HIGH ? LOW : HIGH;
                    limiter.reconfigure(limit(next));
                    configured.set(next);
                } else {
                    for (int attempt = 0; attempt < ATTEMPTS_PER_ROUND; attempt++) {
                        try {
                            limiter.acquirePermit();
                            granted.increment();
                            grantedThisRound.incrementAndGet();
                        } catch (RateLimitExceededException refusal) {
                            refused.increment();
                        }
                    }
                }
                roundOver.await();
            }
        });

        assertThat(violations.get()).isZero();
        assertThat(granted.sum() + refused.sum()).isEqualTo((long) WORKERS * ATTEMPTS_PER_ROUND * ROUNDS);
        assertThat(limiter.snapshot().permittedCalls()).isEqualTo(granted.sum());
        assertThat(limiter.snapshot().rejectedCalls()).isEqualTo(refused.sum());
        // 24 attempts a round against a limit of at most 8: every period is used up, so the check had teeth
        assertThat(fullRounds.get()).isEqualTo(ROUNDS);
    }
}
