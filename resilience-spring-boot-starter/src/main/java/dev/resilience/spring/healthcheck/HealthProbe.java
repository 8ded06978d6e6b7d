package dev.resilience.spring.healthcheck;

import java.util.concurrent.CompletableFuture;

/**
 * One source of a health signal that a breaker follows: an HTTP URL ({@link UrlHealthProbe}) or a Spring
 * Boot health contributor. A check never runs on a caller's thread and never blocks the thread that starts
 * it: it returns a future completed on another thread (or at once, when the answer is known at once).
 *
 * <p>Implementations are thread safe; {@link HealthCheckPoller} runs at most one check of a probe at a time.
 */
public interface HealthProbe {

    /** @return what is checked, for the endpoint and the transition events, e.g. {@code url http://db:8080/health} */
    String source();

    /**
     * Starts one check.
     *
     * @return a future of the result; it completes normally, with an unhealthy result for every failure
     */
    CompletableFuture<Result> check();

    /**
     * The outcome of one check.
     *
     * @param healthy whether the source is healthy
     * @param detail a short text saying what was seen, e.g. {@code HTTP 503} or {@code status DOWN}
     */
    record Result(boolean healthy, String detail) {

        /**
         * @param detail what was seen
         * @return a healthy result
         */
        public static Result healthy(String detail) {
            return new Result(true, detail);
        }

        /**
         * @param detail what was seen
         * @return an unhealthy result
         */
        public static Result unhealthy(String detail) {
            return new Result(false, detail);
        }
    }
}
