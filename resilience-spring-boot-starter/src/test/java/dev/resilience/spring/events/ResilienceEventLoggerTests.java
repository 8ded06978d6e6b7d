package dev.resilience.spring.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreakerEvent;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.circuitbreaker.TransitionReason;
import dev.resilience.event.ConfigChangedEvent;
import dev.resilience.retry.RetryEvent;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;

class ResilienceEventLoggerTests {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Test
    void opensAndForcedOpensAreWarningsOtherTransitionsInfo() {
        ResilienceEventLogger logger = new ResilienceEventLogger(log(true));

        logger.accept("CircuitBreaker", transition(CircuitBreakerState.CLOSED, CircuitBreakerState.OPEN,
                TransitionReason.CONSECUTIVE_FAILURES));
        logger.accept("CircuitBreaker", transition(CircuitBreakerState.OPEN, CircuitBreakerState.FORCED_OPEN,
                TransitionReason.MANUAL));
        logger.accept("CircuitBreaker", transition(CircuitBreakerState.HALF_OPEN, CircuitBreakerState.CLOSED,
                TransitionReason.PROBES_SUCCEEDED));

        assertThat(lines).containsExactly(
                "warn Circuit breaker 'payments' is OPEN (was CLOSED, reason CONSECUTIVE_FAILURES)",
                "warn Circuit breaker 'payments' is FORCED_OPEN (was OPEN, reason MANUAL)",
                "info Circuit breaker 'payments' is CLOSED (was HALF_OPEN, reason PROBES_SUCCEEDED)");
    }

    @Test
    void aResetThatKeepsTheStateIsOnlyDebug() {
        ResilienceEventLogger logger = new ResilienceEventLogger(log(true));

        logger.accept("CircuitBreaker", transition(CircuitBreakerState.CLOSED, CircuitBreakerState.CLOSED,
                TransitionReason.MANUAL));

        assertThat(lines).containsExactly("debug Circuit breaker 'payments' is CLOSED (was CLOSED, reason MANUAL)");
    }

    @Test
    void aHealthCheckHoldShowsItsDetailAndIsAWarningEvenFromOpen() {
        ResilienceEventLogger logger = new ResilienceEventLogger(log(true));

        logger.accept("CircuitBreaker", new CircuitBreakerEvent.StateTransition("payments", 0, CircuitBreakerState.OPEN,
                CircuitBreakerState.OPEN, TransitionReason.HEALTH_CHECK, "url http://db/health: HTTP 503"));

        assertThat(lines).containsExactly(
                "warn Circuit breaker 'payments' is OPEN (was OPEN, reason HEALTH_CHECK: url http://db/health: HTTP 503)");
    }

    @Test
    void retriesAndExhaustionAreDebugWithClassNamesOnly() {
        ResilienceEventLogger logger = new ResilienceEventLogger(log(true));

        logger.accept("Retry", new RetryEvent.Retrying("orders", 0, 1, 500_000_000L, "java.io.IOException"));
        logger.accept("Retry", new RetryEvent.Exhausted("orders", 0, 3, "java.io.IOException",
                RetryEvent.Exhausted.Reason.MAX_ATTEMPTS));

        assertThat(lines).containsExactly(
                "debug Retry 'orders' retry: attempt=1, waitMs=500, exception=java.io.IOException",
                "debug Retry 'orders' exhausted: attempts=3, exception=java.io.IOException, reason=MAX_ATTEMPTS");
    }

    @Test
    void aConfigurationChangeIsInfoWithWhoAndEachOldAndNewValue() {
        ResilienceEventLogger logger = new ResilienceEventLogger(log(true));
        Map<String, Object> oldValues = new LinkedHashMap<>();
        oldValues.put("failureRateThreshold", 50.0f);
        oldValues.put("waitDurationInOpenState", "PT1M");
        Map<String, Object> newValues = new LinkedHashMap<>();
        newValues.put("failureRateThreshold", 30.0f);
        newValues.put("waitDurationInOpenState", "PT10S");

        logger.accept("CircuitBreaker", new ConfigChangedEvent("payments", 0, "alice", oldValues, newValues));

        assertThat(lines).containsExactly("info Circuit breaker 'payments' reconfigured by alice: "
                + "failureRateThreshold 50.0 -> 30.0, waitDurationInOpenState PT1M -> PT10S");
    }

    @Test
    void nothingIsWrittenForDisabledLevels() {
        ResilienceEventLogger logger = new ResilienceEventLogger(log(false));

        logger.accept("Retry", new RetryEvent.Retrying("orders", 0, 1, 0, "java.io.IOException"));
        logger.accept("CircuitBreaker", transition(CircuitBreakerState.OPEN, CircuitBreakerState.HALF_OPEN,
                TransitionReason.WAIT_ELAPSED));

        assertThat(lines).isEmpty();
    }

    @Test
    void patternKindsReadAsWords() {
        assertThat(ResilienceEventLogger.label("CircuitBreaker")).isEqualTo("Circuit breaker");
        assertThat(ResilienceEventLogger.label("RateLimiter")).isEqualTo("Rate limiter");
        assertThat(ResilienceEventLogger.label("Retry")).isEqualTo("Retry");
    }

    private static CircuitBreakerEvent.StateTransition transition(CircuitBreakerState from, CircuitBreakerState to,
            TransitionReason reason) {
        return new CircuitBreakerEvent.StateTransition("payments", 0, from, to, reason);
    }

    /** A Log that records {@code level message}; {@code verbose} false leaves only WARN and above enabled. */
    private Log log(boolean verbose) {
        return (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] { Log.class }, (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("is") && name.endsWith("Enabled")) {
                return verbose || name.equals("isWarnEnabled") || name.equals("isErrorEnabled");
            }
            if (args != null && args.length >= 1) {
                lines.add(name + " " + args[0]);
            }
            return null;
        });
    }
}
