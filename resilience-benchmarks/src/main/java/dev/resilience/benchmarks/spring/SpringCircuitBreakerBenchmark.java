package dev.resilience.benchmarks.spring;

import dev.resilience.benchmarks.StandardSettings;
import dev.resilience.benchmarks.core.Configs;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.benchmarks.spring.ours.OursApplication;
import dev.resilience.benchmarks.spring.ours.OursService;
import dev.resilience.benchmarks.spring.r4j.R4jApplication;
import dev.resilience.benchmarks.spring.r4j.R4jService;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring level: an annotated method of a proxied bean, with each library's starter in its own Boot
 * application started inside the benchmark, and the same bean's unannotated method. The unannotated call
 * goes through the same proxy, so {@code annotated - plain} is the library's overhead per call.
 *
 * <p>Warm-up is longer than elsewhere (10 iterations of 2 s): the advice paths are deep, and on a busy
 * machine Resilience4j's took about a million calls (over ten seconds) to reach its compiled speed.
 */
@Warmup(iterations = 10, time = 2)
public class SpringCircuitBreakerBenchmark extends StandardSettings {

    /** The Resilience4j application, started once per fork. */
    @State(Scope.Benchmark)
    public static class R4jApp {

        private ConfigurableApplicationContext context;
        private R4jService service;

        /** Starts the application and checks that the breaker has the benchmark's configuration. */
        @Setup
        public void start() {
            context = R4jApplication.start();
            service = context.getBean(R4jService.class);
            CircuitBreakerConfig config = context.getBean(CircuitBreakerRegistry.class).circuitBreaker("backend")
                    .getCircuitBreakerConfig();
            if (config.getSlidingWindowSize() != Configs.COUNT_WINDOW
                    || config.getMinimumNumberOfCalls() != Configs.MINIMUM_CALLS
                    || config.isWritableStackTraceEnabled()) {
                throw new IllegalStateException("Resilience4j breaker not configured as the core benchmarks: " + config);
            }
        }

        /**
         * Checks that the breaker stayed CLOSED and, after the annotated benchmark, that the calls went
         * through it; then stops the application.
         *
         * @param params the benchmark that ran
         */
        @TearDown
        public void stop(BenchmarkParams params) {
            try {
                CircuitBreaker breaker = context.getBean(CircuitBreakerRegistry.class).circuitBreaker("backend");
                boolean intercepted = breaker.getMetrics().getNumberOfSuccessfulCalls() > 0;
                if (breaker.getState() != CircuitBreaker.State.CLOSED
                        || intercepted != params.getBenchmark().endsWith("_annotated")) {
                    throw new IllegalStateException("Resilience4j breaker: " + breaker.getState() + ", "
                            + breaker.getMetrics().getNumberOfSuccessfulCalls() + " calls after "
                            + params.getBenchmark());
                }
            } finally {
                context.close();
            }
        }
    }

    /** Our application, started once per fork. */
    @State(Scope.Benchmark)
    public static class OursApp {

        private ConfigurableApplicationContext context;
        private OursService service;
        private dev.resilience.circuitbreaker.CircuitBreaker breaker;

        /** Starts the application and checks that the breaker has the benchmark's configuration. */
        @Setup
        public void start() {
            context = OursApplication.start();
            service = context.getBean(OursService.class);
            @SuppressWarnings("unchecked")
            InstanceRegistry<dev.resilience.circuitbreaker.CircuitBreaker> registry =
                    context.getBean("circuitBreakerRegistry", InstanceRegistry.class);
            breaker = registry.get("backend");
            dev.resilience.circuitbreaker.CircuitBreakerConfig config = breaker.config();
            if (config.slidingWindowSize() != Configs.COUNT_WINDOW
                    || config.minimumNumberOfCalls() != Configs.MINIMUM_CALLS || config.writableStackTrace()) {
                throw new IllegalStateException("our breaker not configured as the core benchmarks: " + config);
            }
        }

        /**
         * Checks that the breaker stayed CLOSED and, after the annotated benchmark, that the calls went
         * through it; then stops the application.
         *
         * @param params the benchmark that ran
         */
        @TearDown
        public void stop(BenchmarkParams params) {
            try {
                dev.resilience.circuitbreaker.CircuitBreakerSnapshot snapshot = breaker.snapshot();
                boolean intercepted = snapshot.successfulCalls() > 0;
                if (snapshot.state() != dev.resilience.circuitbreaker.CircuitBreakerState.CLOSED
                        || intercepted != params.getBenchmark().endsWith("_annotated")) {
                    throw new IllegalStateException("our breaker: " + snapshot + " after " + params.getBenchmark());
                }
            } finally {
                context.close();
            }
        }
    }

    /**
     * @param app our application
     * @return the annotated method's result
     */
    @Benchmark
    public String ours_annotated(OursApp app) {
        return app.service.annotated();
    }

    /**
     * @param app our application
     * @return the unannotated method's result
     */
    @Benchmark
    public String ours_plain(OursApp app) {
        return app.service.plain();
    }

    /**
     * @param app the Resilience4j application
     * @return the annotated method's result
     */
    @Benchmark
    public String r4j_annotated(R4jApp app) {
        return app.service.annotated();
    }

    /**
     * @param app the Resilience4j application
     * @return the unannotated method's result
     */
    @Benchmark
    public String r4j_plain(R4jApp app) {
        return app.service.plain();
    }
}
