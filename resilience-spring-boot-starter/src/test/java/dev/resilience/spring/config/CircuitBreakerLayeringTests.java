package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.SlidingWindowType;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

class CircuitBreakerLayeringTests {

    private static final String CB = "resilience.circuitbreaker.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class));

    @Test
    void eachLayerWinsOverTheOneBelowKeyByKey() {
        runner.withUserConfiguration(AnnotationLayerForPayments.class)
                .withPropertyValues(
                        CB + "defaults.failure-rate-threshold=40", CB + "defaults.slow-call-rate-threshold=70",
                        CB + "defaults.permitted-calls-in-half-open-state=4", CB + "defaults.success-threshold=4",
                        CB + "presets.mine.failure-rate-threshold=30", CB + "presets.mine.slow-call-rate-threshold=60",
                        CB + "presets.mine.permitted-calls-in-half-open-state=5",
                        CB + "instances.payments.preset=mine", CB + "instances.payments.failure-rate-threshold=10")
                .run(context -> {
                    CircuitBreakerConfig config = configs(context).configFor("payments");
                    assertThat(config.failureRateThreshold()).as("instance").isEqualTo(10f);
                    assertThat(config.slowCallRateThreshold()).as("annotation").isEqualTo(55f);
                    assertThat(config.permittedCallsInHalfOpenState()).as("preset").isEqualTo(5);
                    assertThat(config.successThreshold()).as("defaults").isEqualTo(4);
                    assertThat(config.minimumNumberOfCalls()).as("built-in").isEqualTo(10);
                });
    }

    @Test
    void keySetOnlyInDefaultsKeepsTheDefaultsValue() {
        runner.withPropertyValues(CB + "defaults.wait-duration-in-open-state=20s", CB + "instances.payments.success-threshold=7")
                .run(context -> {
                    CircuitBreakerConfig config = configs(context).configFor("payments");
                    assertThat(config.waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(config.successThreshold()).isEqualTo(7);
                });
    }

    @Test
    void namesOnlyKnownFromAnnotationsGetDefaultsAndTheDefaultsPreset() {
        runner.withPropertyValues(CB + "defaults.preset=database", CB + "defaults.max-keys=7").run(context -> {
            CircuitBreakerConfig config = configs(context).configFor("Unnamed.method");
            assertThat(config.consecutiveFailureThreshold()).isEqualTo(5);
            assertThat(config.maxKeys()).isEqualTo(7);
        });
    }

    @Test
    void instancePresetReplacesTheDefaultsPreset() {
        runner.withPropertyValues(CB + "defaults.preset=database", CB + "instances.payments.preset=external-api").run(context -> {
            CircuitBreakerConfig config = configs(context).configFor("payments");
            assertThat(config.openStateBackoffMultiplier()).isEqualTo(2.0);
            assertThat(config.consecutiveFailureThreshold()).isZero();
        });
    }

    @Test
    void builtInPresetAppliesAboveDefaults() {
        runner.withPropertyValues(CB + "defaults.wait-duration-in-open-state=5m", CB + "defaults.max-keys=3",
                CB + "instances.payments.preset=external-api").run(context -> {
                    CircuitBreakerConfig config = configs(context).configFor("payments");
                    assertThat(config.slidingWindowType()).isEqualTo(SlidingWindowType.TIME_BASED);
                    assertThat(config.slidingWindowSize()).isEqualTo(120);
                    assertThat(config.waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(60));
                    assertThat(config.maxWaitDurationInOpenState()).isEqualTo(Duration.ofMinutes(10));
                    assertThat(config.slowCallDurationThreshold()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(config.maxKeys()).as("not set by the preset").isEqualTo(3);
                });
    }

    @Test
    void userPresetOfABuiltInNameExtendsIt() {
        runner.withPropertyValues(CB + "presets.database.success-threshold=4", CB + "instances.orders.preset=database")
                .run(context -> {
                    CircuitBreakerConfig config = configs(context).configFor("orders");
                    assertThat(config.successThreshold()).as("user").isEqualTo(4);
                    assertThat(config.consecutiveFailureThreshold()).as("built-in").isEqualTo(5);
                    assertThat(config.slidingWindowSize()).as("built-in").isEqualTo(20);
                });
    }

    @Test
    void everyKeyBindsWithSpringSyntax() {
        runner.withPropertyValues(CB + "instances.payments.sliding-window-type=time-based",
                CB + "instances.payments.sliding-window-size=30", CB + "instances.payments.minimum-number-of-calls=40",
                CB + "instances.payments.failure-rate-threshold=75.5", CB + "instances.payments.consecutive-failure-threshold=3",
                CB + "instances.payments.slow-call-duration-threshold=1500ms",
                CB + "instances.payments.slow-call-rate-threshold=90", CB + "instances.payments.wait-duration-in-open-state=PT45S",
                CB + "instances.payments.open-state-backoff-multiplier=1.5",
                CB + "instances.payments.max-wait-duration-in-open-state=2h",
                CB + "instances.payments.permitted-calls-in-half-open-state=6", CB + "instances.payments.success-threshold=2",
                CB + "instances.payments.record-exceptions=java.io.IOException,java.util.concurrent.TimeoutException",
                CB + "instances.payments.ignore-exceptions[0]=java.lang.IllegalArgumentException",
                CB + "instances.payments.failure-status-codes=502-504,429", CB + "instances.payments.max-keys=50",
                CB + "instances.payments.writable-stack-trace=true").run(context -> {
                    CircuitBreakerConfig config = configs(context).configFor("payments");
                    assertThat(config.slidingWindowType()).isEqualTo(SlidingWindowType.TIME_BASED);
                    assertThat(config.slidingWindowSize()).isEqualTo(30);
                    assertThat(config.minimumNumberOfCalls()).isEqualTo(40);
                    assertThat(config.failureRateThreshold()).isEqualTo(75.5f);
                    assertThat(config.consecutiveFailureThreshold()).isEqualTo(3);
                    assertThat(config.slowCallDurationThreshold()).isEqualTo(Duration.ofMillis(1500));
                    assertThat(config.slowCallRateThreshold()).isEqualTo(90f);
                    assertThat(config.waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(config.openStateBackoffMultiplier()).isEqualTo(1.5);
                    assertThat(config.maxWaitDurationInOpenState()).isEqualTo(Duration.ofHours(2));
                    assertThat(config.permittedCallsInHalfOpenState()).isEqualTo(6);
                    assertThat(config.successThreshold()).isEqualTo(2);
                    assertThat(config.recordExceptions()).containsExactly(IOException.class, TimeoutException.class);
                    assertThat(config.ignoreExceptions()).containsExactly(IllegalArgumentException.class);
                    assertThat(config.failureStatusCodes().entries()).containsExactly("502-504", "429");
                    assertThat(config.failureStatusCodes().contains(503)).isTrue();
                    assertThat(config.failureStatusCodes().contains(500)).isFalse();
                    assertThat(config.maxKeys()).isEqualTo(50);
                    assertThat(config.writableStackTrace()).isTrue();
                });
    }

    @Test
    void listSetInAHigherLayerReplacesTheLowerList() {
        runner.withPropertyValues(CB + "defaults.failure-status-codes=500-599,408,429,418",
                CB + "instances.payments.failure-status-codes=503").run(context -> {
                    assertThat(configs(context).configFor("payments").failureStatusCodes().entries()).containsExactly("503");
                    assertThat(configs(context).configFor("other").failureStatusCodes().entries())
                            .containsExactly("500-599", "408", "429", "418");
                });
    }

    @Test
    void instanceNameWithDotsAndCapitalsIsWrittenInBrackets() {
        runner.withPropertyValues(CB + "instances[PaymentClient.charge].failure-rate-threshold=25").run(context -> {
            assertThat(configs(context).declaredInstances()).containsExactly("PaymentClient.charge");
            assertThat(configs(context).configFor("PaymentClient.charge").failureRateThreshold()).isEqualTo(25f);
            assertThat(configs(context).configFor("paymentclient.charge").failureRateThreshold()).isEqualTo(50f);
        });
    }

    @Test
    void configurationIsComputedOncePerName() {
        runner.withPropertyValues(CB + "instances.payments.failure-rate-threshold=25").run(context ->
                assertThat(configs(context).configFor("payments")).isSameAs(configs(context).configFor("payments")));
    }

    @SuppressWarnings("unchecked")
    static PatternConfigs<CircuitBreakerConfig> configs(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        ResolvableType type = ResolvableType.forClassWithGenerics(PatternConfigs.class, CircuitBreakerConfig.class);
        return (PatternConfigs<CircuitBreakerConfig>) context.getBeanProvider(type).getObject();
    }

    /** Stands in for the aspect: registers an annotation layer while the context starts. */
    @Configuration(proxyBeanMethods = false)
    static class AnnotationLayerForPayments {

        @Bean
        Object paymentsAnnotationScan(PatternConfigs<CircuitBreakerConfig> circuitBreakerConfigs) {
            circuitBreakerConfigs.registerAnnotationOverrides("payments", "@Test on Payments.charge",
                    Map.of("slow-call-rate-threshold", "55", "failure-rate-threshold", 20));
            return new Object();
        }
    }
}
