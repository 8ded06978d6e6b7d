package dev.resilience.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.BulkheadFullException;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Workers take and give back permits while one thread switches the limit between 8 and 3 many times.
 * Checked: the calls inside never exceed 8 (the larger limit), never exceed 3 once a switch to 3 has drained,
 * and no permit leaks (afterwards exactly the last limit can be taken).
 */
@Tag("concurrency")
class BulkheadReconfigureConcurrencyTests {

    private static final int WORKERS = 8;
    private static final int HIGH = 8;
    private static final int LOW = 3;

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    private static BulkheadConfig limit(int max) {
        return BulkheadConfig.builder().maxConcurrentCalls(max).maxQueueSize(0).build();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void staysUnderTheLargerLimitAndUnderTheNewOneOnceDrained(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        Bulkhead bulkhead = Bulkhead.of("switched", limit(HIGH), clock, clock);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger bound = new AtomicInteger(HIGH);
        AtomicInteger violations = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();

        Concurrently.run(kind, WORKERS + 1, Duration.ofSeconds(60), index -> {
            if (index == WORKERS) {
                for (int round = 0; round < 200; round++) {
                    bulkhead.reconfigure(limit(LOW));
                    while (bulkhead.snapshot().activeCalls() > LOW) {
                        Thread.yield(); // virtual threads are not preempted: let the workers finish their calls
                    }
                    bound.set(LOW);
                    for (int spin = 0; spin < 10; spin++) {
                        Thread.yield();
                    }
                    bound.set(HIGH);
                    bulkhead.reconfigure(limit(HIGH));
                }
                done.set(true);
                return;
            }
            while (!done.get()) {
                Bulkhead.Permit permit;
                try {
                    permit = bulkhead.acquirePermit();
                } catch (BulkheadFullException full) {
                    Thread.yield();
                    continue;
                }
                int now = inside.incrementAndGet();
                // bound is read after entering: LOW is only published once the switch to LOW has drained
                if (now > HIGH || now > bound.get()) {
                    violations.incrementAndGet();
                }
                inside.decrementAndGet();
                permit.release();
                Thread.yield(); // so that on virtual threads the switching thread gets a carrier too
            }
        });

        assertThat(violations).hasValue(0);
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
        List<Bulkhead.Permit> all = new ArrayList<>();
        for (int i = 0; i < HIGH; i++) {
            all.add(bulkhead.acquirePermit());
        }
        assertThatThrownBy(bulkhead::acquirePermit).isInstanceOf(BulkheadFullException.class);
        all.forEach(Bulkhead.Permit::release);
    }
}
