package dev.resilience.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a Spring test class ({@code @SpringBootTest} and the like): every circuit breaker, bulkhead, rate
 * limiter, retry and timeout of the context is reset before and after each test, and keyed instances are
 * dropped, so no test sees another's state (see {@link ResilienceResetExtension}). The clock stays the
 * application's; {@link ResilienceTest} adds a {@link dev.resilience.time.ManualClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ResilienceResetExtension.class)
public @interface AutoResetResilience {
}
