package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.RateLimitExceededException;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * {@code @RateLimiter} beans against the whole starter: limiters configured from
 * {@code resilience.ratelimiter.*} by {@link ResilienceAutoConfiguration}, periods moved by a
 * {@link ManualClock} registered as the time source and scheduler.
 */
class RateLimiterEndToEndTests {

    private static final String RL = "resilience.ratelimiter.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class, ResilienceAopAutoConfiguration.class))
            .withBean(ManualClock.class)
            .withBean(Search.class)
            .withPropertyValues(
                    RL + "defaults.limit-refresh-period=1s",
                    RL + "instances.search.limit-for-period=2",
                    RL + "instances.async.limit-for-period=1",
                    RL + "instances.waiting.limit-for-period=1",
                    RL + "instances.waiting.timeout-duration=1s",
                    RL + "instances.tenants.limit-for-period=1");

    @Test
    void rejectsCallsBeyondTheLimitWithinAPeriodAndAdmitsAgainInTheNext() {
        runner.run(context -> {
            Search search = context.getBean(Search.class);
            ManualClock clock = context.getBean(ManualClock.class);
            assertThat(search.find("a")).isEqualTo("a");
            clock.advance(Duration.ofMillis(400));
            assertThat(search.find("b")).isEqualTo("b");

            assertThatThrownBy(() -> search.find("c")).isInstanceOfSatisfying(RateLimitExceededException.class, limited -> {
                assertThat(limited.getName()).isEqualTo("search");
                assertThat(limited.getRetryAfter()).isEqualTo(Duration.ofMillis(600));
            });
            assertThat(search.calls()).hasValue(2);

            clock.advance(Duration.ofMillis(600));
            assertThat(search.find("d")).isEqualTo("d");
            assertThat(limiter(context, "search").snapshot().permittedCalls()).isEqualTo(3);
            assertThat(limiter(context, "search").snapshot().rejectedCalls()).isEqualTo(1);
        });
    }

    @Test
    void futureMethodReceivesTheRejectionThroughItsFuture() {
        runner.run(context -> {
            Search search = context.getBean(Search.class);
            assertThat(search.async("a")).isCompletedWithValue("a");

            CompletableFuture<String> rejected = search.async("b");

            assertThat(rejected).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                    .havingCause().isInstanceOf(RateLimitExceededException.class);
            assertThat(search.calls()).hasValue(1);
        });
    }

    @Test
    void futureMethodWaitingForTheNextPeriodStartsWhenItBeginsWithoutBlockingTheCaller() {
        runner.run(context -> {
            Search search = context.getBean(Search.class);
            assertThat(search.waiting("a")).isCompletedWithValue("a");

            CompletableFuture<String> next = search.waiting("b");

            assertThat(next).as("returned at once, waiting for its period").isNotDone();
            assertThat(search.calls()).hasValue(1);
            context.getBean(ManualClock.class).advance(Duration.ofSeconds(1));
            assertThat(next).isCompletedWithValue("b");
            assertThat(search.calls()).hasValue(2);
        });
    }

    @Test
    void keyedLimitersCountEachTenantSeparately() {
        runner.run(context -> {
            Search search = context.getBean(Search.class);
            assertThat(search.forTenant("a")).isEqualTo("a");
            assertThat(search.forTenant("b")).isEqualTo("b");

            assertThatThrownBy(() -> search.forTenant("a")).isInstanceOfSatisfying(RateLimitExceededException.class,
                    limited -> assertThat(limited.getName()).isEqualTo("tenants[a]"));
        });
    }

    private static RateLimiter limiter(ApplicationContext context, String name) {
        InstanceRegistry<?> registry = context.getBean("rateLimiterRegistry", InstanceRegistry.class);
        return (RateLimiter) registry.find(new InstanceId(name, null)).orElseThrow();
    }

    static class Search {
        private final AtomicInteger calls = new AtomicInteger();

        public AtomicInteger calls() {
            return calls;
        }

        @dev.resilience.annotation.RateLimiter(name = "search")
        public String find(String query) {
            calls.incrementAndGet();
            return query;
        }

        @dev.resilience.annotation.RateLimiter(name = "async")
        public CompletableFuture<String> async(String query) {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(query);
        }

        @dev.resilience.annotation.RateLimiter(name = "waiting")
        public CompletableFuture<String> waiting(String query) {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(query);
        }

        @dev.resilience.annotation.RateLimiter(name = "tenants", key = "#tenant")
        public String forTenant(String tenant) {
            return tenant;
        }
    }
}
