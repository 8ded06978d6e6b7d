package dev.resilience.test;

import dev.resilience.time.ManualClock;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The beans {@link ResilienceTest} adds to a test's context: one {@link ManualClock}, which is both the
 * {@code TimeSource} and the {@code Scheduler} of every resilience instance (the starter defines its
 * system clock beans only when none exist), and a {@link ResilienceInstances}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ResilienceTestConfiguration {

    /** Created by Spring. */
    public ResilienceTestConfiguration() {
    }

    @Bean
    ManualClock resilienceManualClock() {
        return new ManualClock();
    }

    @Bean
    ResilienceInstances resilienceInstances(ListableBeanFactory beans) {
        return new ResilienceInstances(beans);
    }
}
