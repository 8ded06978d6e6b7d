package dev.resilience.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * On a {@code @SpringBootTest} class: the resilience instances run on a {@link dev.resilience.time.ManualClock}
 * that tests move forward, and every instance is reset between tests ({@link AutoResetResilience}).
 *
 * <p>It imports {@link ResilienceTestConfiguration}, which defines the clock as the context's
 * {@code TimeSource} and {@code Scheduler} (the starter's own beans back off) and a
 * {@link ResilienceInstances} bean. Inject either into the test:
 *
 * <pre>{@code
 * @SpringBootTest
 * @ResilienceTest
 * class PaymentsTests {
 *     @Autowired ManualClock clock;
 *     @Autowired ResilienceInstances resilience;
 *
 *     @Test
 *     void recoversAfterTheOpenWait() {
 *         // ... make calls fail until the breaker opens ...
 *         assertThat(resilience).circuitBreaker("payments").isOpen();
 *         clock.advance(Duration.ofSeconds(60));
 *         // the next call is a probe
 *     }
 * }
 * }</pre>
 *
 * <p>The clock only moves when a test calls {@code advance}: anything that waits on the scheduler (a
 * retry's backoff, a queued bulkhead call's wait, an asynchronous timeout) waits until then. Configure
 * zero waits for such instances in the test, or advance the clock from another thread.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@AutoResetResilience
@Import(ResilienceTestConfiguration.class)
public @interface ResilienceTest {
}
