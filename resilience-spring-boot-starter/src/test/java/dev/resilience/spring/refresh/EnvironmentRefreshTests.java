package dev.resilience.spring.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.resilience.BulkheadFullException;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.config.LiveReconfiguration;
import dev.resilience.spring.config.PatternConfigs;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.spring.testsupport.ConfigChangeRecorder;
import dev.resilience.timeout.Timeout;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring Cloud Context's environment refresh applied to live instances: a property source changes, an
 * {@link EnvironmentChangeEvent} names the changed keys (what {@code ContextRefresher} publishes), and the
 * instances take the new values without losing their state.
 */
@SpringBootTest(classes = RefreshTestApplication.class, properties = {
        "resilience.circuitbreaker.instances.payments.sliding-window-size=4",
        "resilience.circuitbreaker.instances.payments.minimum-number-of-calls=4",
        "resilience.circuitbreaker.instances.payments.failure-rate-threshold=50",
        "resilience.bulkhead.instances.pool.max-concurrent-calls=10",
        "resilience.bulkhead.instances.pool.max-queue-size=0",
        "resilience.ratelimiter.instances.api.limit-for-period=3",
        "edge-overrides.all.max-concurrent-calls=7",
        "edge-overrides.k1.max-concurrent-calls=3" })
@ExtendWith(OutputCaptureExtension.class)
class EnvironmentRefreshTests {

    private final Map<String, Object> refreshed = new HashMap<>();

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ConfigurableEnvironment environment;

    @Autowired
    private InstanceRegistry<CircuitBreaker> breakers;

    @Autowired
    private InstanceRegistry<Bulkhead> bulkheads;

    @Autowired
    private InstanceRegistry<RateLimiter> rateLimiters;

    @Autowired
    private InstanceRegistry<Timeout> timeouts;

    @Autowired
    private PatternConfigs<BulkheadConfig> bulkheadConfigs;

    @Autowired
    private ConfigChangeRecorder recorder;

    @Autowired
    private ManualClock clock;

    @BeforeEach
    void addRefreshableSource() {
        environment.getPropertySources().addFirst(new MapPropertySource("refreshed", refreshed));
    }

    @AfterEach
    void removeRefreshableSource() {
        environment.getPropertySources().remove("refreshed");
        context.publishEvent(new EnvironmentChangeEvent(context, Map.copyOf(refreshed).keySet()));
    }

    private void refresh(Map<String, Object> values) {
        refreshed.putAll(values);
        context.publishEvent(new EnvironmentChangeEvent(context, values.keySet()));
    }

    @Test
    void anOpenBreakerStaysOpenWithTheNewThreshold(CapturedOutput output) {
        CircuitBreaker breaker = breakers.get("payments");
        for (int i = 0; i < 4; i++) {
            breaker.acquirePermit().onError(clock.nanoTime(), new IllegalStateException("down"));
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.OPEN);

        refresh(Map.of("resilience.circuitbreaker.instances.payments.failure-rate-threshold", "80"));

        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(breaker.config().failureRateThreshold()).isEqualTo(80);
        assertThat(recorder.of("payments")).last().satisfies(event -> {
            assertThat(event.principal()).isEqualTo(LiveReconfiguration.ENVIRONMENT_REFRESH);
            assertThat(event.oldValues()).isEqualTo(Map.of("failureRateThreshold", 50.0f));
            assertThat(event.newValues()).isEqualTo(Map.of("failureRateThreshold", 80.0f));
        });
        assertThat(output).contains("Circuit breaker 'payments' reconfigured by environment refresh: "
                + "failureRateThreshold 50.0 -> 80.0");
    }

    @Test
    void aBulkheadResizedFrom10To5LetsRunningCallsFinishThenAdmitsAtMost5() throws Exception {
        Bulkhead bulkhead = bulkheads.get("pool");
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(10);
        List<CompletableFuture<String>> running = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                running.add(CompletableFuture.supplyAsync(() -> bulkhead.get(() -> {
                    awaitRelease(release);
                    return "finished";
                }), threads));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> bulkhead.snapshot().activeCalls() == 10);

            refresh(Map.of("resilience.bulkhead.instances.pool.max-concurrent-calls", "5"));

            assertThat(bulkhead.snapshot().maxConcurrentCalls()).isEqualTo(5);
            assertThat(bulkhead.snapshot().activeCalls()).isEqualTo(10);
            assertThatThrownBy(bulkhead::acquirePermit).isInstanceOf(BulkheadFullException.class);
            release.countDown();
            for (CompletableFuture<String> call : running) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("finished");
            }
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        List<Bulkhead.Permit> admitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            admitted.add(bulkhead.acquirePermit());
        }
        assertThatThrownBy(bulkhead::acquirePermit).isInstanceOf(BulkheadFullException.class);
        admitted.forEach(Bulkhead.Permit::release);
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anInvalidRefreshedValueChangesNothingAnywhereAndIsLoggedWithItsPath(CapturedOutput output) {
        CircuitBreaker breaker = breakers.get("payments");
        Bulkhead bulkhead = bulkheads.get("pool");
        var breakerBefore = breaker.config();
        var bulkheadBefore = bulkhead.config();

        refresh(Map.of("resilience.bulkhead.instances.pool.max-concurrent-calls", "7",
                "resilience.circuitbreaker.instances.payments.failure-rate-threshold", "150"));

        assertThat(breaker.config()).isSameAs(breakerBefore);
        assertThat(bulkhead.config()).isSameAs(bulkheadBefore);
        assertThat(bulkheads.get("pool", "new-key").config().maxConcurrentCalls())
                .as("instances created afterwards still get the old configuration").isEqualTo(10);
        assertThat(output).contains("ERROR").contains("Refreshed resilience configuration refused, nothing was changed")
                .contains("resilience.circuitbreaker.instances.payments.failure-rate-threshold = 150");

        refresh(Map.of("resilience.circuitbreaker.instances.payments.failure-rate-threshold", "60"));

        assertThat(breaker.config().failureRateThreshold()).isEqualTo(60);
        assertThat(bulkhead.config().maxConcurrentCalls()).isEqualTo(7);
    }

    @Test
    void keyedInstancesAreReconfiguredAndLaterOnesGetTheRefreshedValues() {
        RateLimiter alice = rateLimiters.get("api", "alice");

        refresh(Map.of("resilience.ratelimiter.instances.api.limit-for-period", "9"));

        assertThat(alice.config().limitForPeriod()).isEqualTo(9);
        assertThat(rateLimiters.get("api", "bob").config().limitForPeriod()).isEqualTo(9);
        assertThat(recorder.of("api[alice]")).last().satisfies(event ->
                assertThat(event.principal()).isEqualTo(LiveReconfiguration.ENVIRONMENT_REFRESH));
    }

    @Test
    void annotationValuesStayLayeredBetweenDefaultsAndInstances() {
        Timeout annotated = timeouts.get("annotated");
        assertThat(annotated.config().duration()).isEqualTo(Duration.ofSeconds(2));

        refresh(Map.of("resilience.timeout.defaults.duration", "5s"));
        assertThat(annotated.config().duration()).as("the annotation wins over defaults").isEqualTo(Duration.ofSeconds(2));
        assertThat(timeouts.get("plain").config().duration()).isEqualTo(Duration.ofSeconds(5));

        refresh(Map.of("resilience.timeout.instances.annotated.duration", "3s"));
        assertThat(annotated.config().duration()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void settingsThatCannotChangeLiveAreLoggedAsIgnoredUntilRestart(CapturedOutput output) {
        RateLimiter limiter = rateLimiters.get("api");
        int maxKeys = limiter.config().maxKeys();

        refresh(Map.of("resilience.ratelimiter.instances.api.max-keys", String.valueOf(maxKeys + 5)));

        assertThat(limiter.config().maxKeys()).isEqualTo(maxKeys);
        assertThat(output).contains("WARN").contains("Refreshed resilience.ratelimiter.instances.api.max-keys = "
                + (maxKeys + 5) + " is ignored until restart (was " + maxKeys + ")");
    }

    @Test
    void changesOfOtherPropertiesAreNotRefreshed() {
        Bulkhead bulkhead = bulkheads.get("pool");
        refreshed.put("resilience.bulkhead.instances.pool.max-concurrent-calls", "4");

        context.publishEvent(new EnvironmentChangeEvent(context, Set.of("server.port")));

        assertThat(bulkhead.config().maxConcurrentCalls()).isEqualTo(10);
    }

    @Test
    void keysWithTheirOwnSectionsKeepTheirValuesAndTakeChangesOfTheirSection() {
        // what the inbound HTTP protection registers for its endpoints: a section for the name, one per key
        bulkheadConfigs.registerKeySections("edge", key -> key == null ? List.of("edge-overrides.all")
                : List.of("edge-overrides.all", "edge-overrides." + key));
        Bulkhead k1 = bulkheads.get("edge", "k1");
        Bulkhead k2 = bulkheads.get("edge", "k2");
        assertThat(k1.config().maxConcurrentCalls()).isEqualTo(3);
        assertThat(k2.config().maxConcurrentCalls()).isEqualTo(7);

        refresh(Map.of("resilience.bulkhead.instances.pool.max-concurrent-calls", "9"));

        assertThat(k1.config().maxConcurrentCalls()).isEqualTo(3);
        assertThat(k2.config().maxConcurrentCalls()).isEqualTo(7);

        refresh(Map.of("edge-overrides.k1.max-concurrent-calls", "2",
                "resilience.bulkhead.instances.pool.max-concurrent-calls", "8"));

        assertThat(k1.config().maxConcurrentCalls()).isEqualTo(2);
        assertThat(k2.config().maxConcurrentCalls()).isEqualTo(7);
        assertThat(bulkheads.get("edge", "k3").config().maxConcurrentCalls()).isEqualTo(7);
    }
}
