package dev.resilience.spring.aop;

import static dev.resilience.spring.aop.FakeBreakers.breaker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.TimeoutExceededException;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Retry;
import dev.resilience.annotation.Timeout;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration;
import dev.resilience.time.ManualClock;
import dev.resilience.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What the layer contract lets the patterns still to come do, shown with minimal retry and timeout
 * layers: re-run the rest of the pipeline (every attempt passing through the interceptors after this
 * advisor, and through the inner layers), and complete a stage at a deadline without blocking.
 */
class LayerContractTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, ResilienceAopAutoConfiguration.class))
            .withUserConfiguration(FakeBreakers.class, MinimalLayers.class)
            .withBean(Flaky.class);

    @Test
    void aLayerCanRunTheRestOfAPlainPipelineAgain() {
        runner.run(context -> {
            Flaky flaky = context.getBean(Flaky.class);
            flaky.failTimes(2);

            assertThat(flaky.call()).isEqualTo("attempt 3");

            assertThat(context.getBean("innerCounter", Counter.class).calls).hasValue(3);
            FakeCircuitBreaker breaker = breaker(context.getBean(InstanceRegistry.class), "Flaky.call");
            assertThat(breaker.errors).hasValue(2);
            assertThat(breaker.results).hasValue(1);
        });
    }

    @Test
    void aLayerCanRunTheRestOfAStagePipelineAgainWithoutBlocking() {
        runner.run(context -> {
            Flaky flaky = context.getBean(Flaky.class);
            flaky.failTimes(2);

            assertThat(flaky.callAsync()).isCompletedWithValue("attempt 3");

            assertThat(context.getBean("innerCounter", Counter.class).calls).hasValue(3);
            assertThat(breaker(context.getBean(InstanceRegistry.class), "Flaky.callAsync").errors).hasValue(2);
        });
    }

    @Test
    void aLayerCanCompleteAStageAtADeadlineAndOuterLayersSeeTheTimeout() {
        runner.run(context -> {
            CompletableFuture<String> never = new CompletableFuture<>();
            CompletableFuture<String> result = context.getBean(Flaky.class).hang(never);
            assertThat(result).isNotDone();

            context.getBean(ManualClock.class).advance(Duration.ofSeconds(1));

            assertThat(result).isCompletedExceptionally();
            assertThat(never).isCancelled();
            assertThat(breaker(context.getBean(InstanceRegistry.class), "Flaky.hang").lastError)
                    .isInstanceOf(TimeoutExceededException.class);
        });
    }

    static final class Counter implements MethodInterceptor {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            calls.incrementAndGet();
            return invocation.proceed();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MinimalLayers {
        @Bean
        Counter innerCounter() {
            return new Counter();
        }

        /** An interceptor ordered after the resilience advisor, as {@code @Transactional} would be. */
        @Bean
        Advisor innerAdvisor(Counter innerCounter) {
            DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(Retry.class), innerCounter);
            advisor.setOrder(Ordered.LOWEST_PRECEDENCE);
            return advisor;
        }

        @Bean
        LayerFactory<Retry> retryLayerFactory() {
            return new MinimalFactory<>(Retry.class, LayerOrder.RETRY, new Layer() {
                @Override
                public Object invoke(MethodInvocation invocation, Chain next) throws Throwable {
                    Throwable last = null;
                    for (int attempt = 0; attempt < 3; attempt++) {
                        try {
                            return next.proceed(Invocations.copyOf(invocation));
                        } catch (IllegalStateException failure) {
                            last = failure;
                        }
                    }
                    throw last;
                }

                @Override
                public CompletableFuture<?> invokeAsync(MethodInvocation invocation, AsyncChain next) {
                    return attempt(invocation, next, 3);
                }

                private CompletableFuture<?> attempt(MethodInvocation invocation, AsyncChain next, int left) {
                    CompletableFuture<Object> attempt = next.proceed(Invocations.copyOf(invocation)).thenApply(value -> value);
                    return left == 1 ? attempt : attempt.exceptionallyCompose(failure -> attempt(invocation, next, left - 1).thenApply(value -> value));
                }
            });
        }

        @Bean
        LayerFactory<Timeout> timeoutLayerFactory(ManualClock clock) {
            Scheduler scheduler = clock;
            return new MinimalFactory<>(Timeout.class, LayerOrder.TIMEOUT, new Layer() {
                @Override
                public Object invoke(MethodInvocation invocation, Chain next) throws Throwable {
                    return next.proceed(invocation);
                }

                @Override
                public CompletableFuture<?> invokeAsync(MethodInvocation invocation, AsyncChain next) {
                    CompletableFuture<?> inner = next.proceed(invocation);
                    CompletableFuture<Object> result = new CompletableFuture<>();
                    Scheduler.Cancellable deadline = scheduler.schedule(() -> {
                        if (result.completeExceptionally(new TimeoutExceededException("hang", Duration.ofSeconds(1), false))) {
                            inner.cancel(true);
                        }
                    }, Duration.ofSeconds(1).toNanos());
                    inner.whenComplete((value, failure) -> {
                        deadline.cancel();
                        if (failure == null) {
                            result.complete(value);
                        } else {
                            result.completeExceptionally(failure);
                        }
                    });
                    return result;
                }
            });
        }
    }

    private record MinimalFactory<A extends java.lang.annotation.Annotation>(Class<A> annotationType, int order, Layer layer)
            implements LayerFactory<A> {
        @Override
        public Layer create(LayerSpec<A> spec) {
            return layer;
        }
    }

    static class Flaky {
        private final AtomicInteger attempts = new AtomicInteger();
        private volatile int failures;

        public void failTimes(int failures) {
            this.failures = failures;
        }

        @Retry
        @CircuitBreaker
        public String call() {
            int attempt = attempts.incrementAndGet();
            if (attempt <= failures) {
                throw new IllegalStateException("attempt " + attempt + " failed");
            }
            return "attempt " + attempt;
        }

        @Retry
        @CircuitBreaker
        public CompletableFuture<String> callAsync() {
            int attempt = attempts.incrementAndGet();
            return attempt <= failures ? CompletableFuture.failedFuture(new IllegalStateException("attempt " + attempt + " failed"))
                    : CompletableFuture.completedFuture("attempt " + attempt);
        }

        @CircuitBreaker
        @Timeout
        public CompletableFuture<String> hang(CompletableFuture<String> never) {
            return never;
        }
    }
}
