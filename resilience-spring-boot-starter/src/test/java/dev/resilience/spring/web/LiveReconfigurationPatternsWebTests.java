package dev.resilience.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.RateLimitExceededException;
import dev.resilience.event.ConfigChangedEvent;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Retry;
import dev.resilience.retry.RetryConfig;
import dev.resilience.spring.testsupport.ConfigChangeRecorder;
import dev.resilience.timeout.Timeout;
import dev.resilience.timeout.TimeoutConfig;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * {@code configure} for rate limiters, retries and timeouts (and keyed instances): values applied, state
 * and statistics kept, invalid values refused with nothing changed, and every change recorded in the
 * instance's events, sent to {@code @EventListener}s and logged with who, old and new values.
 */
@ObservabilityWebTest
@ExtendWith(OutputCaptureExtension.class)
class LiveReconfigurationPatternsWebTests {

    @Autowired
    private RestTestClient client;

    @Autowired
    private InstanceRegistry<RateLimiter> rateLimiters;

    @Autowired
    private InstanceRegistry<Retry> retries;

    @Autowired
    private InstanceRegistry<Timeout> timeouts;

    @Autowired
    private ConfigChangeRecorder recorder;

    @Autowired
    private ManualClock clock;

    private RestTestClient.ResponseSpec configure(String type, String name, String config) {
        return client.post().uri("/actuator/resilience/{type}/{name}", type, name)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"action\":\"configure\",\"config\":\"" + config + "\"}").exchange();
    }

    @Test
    void aRateLimiterTakesANewLimitFromItsNextPeriodAndKeepsItsStatistics(CapturedOutput output) {
        RateLimiter limiter = rateLimiters.get("Configure.limiter");
        limiter.acquirePermit();
        limiter.acquirePermit();

        configure("ratelimiters", "Configure.limiter", "limit-for-period=4")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.permittedCalls").isEqualTo(2)
                .jsonPath("$.config.limitForPeriod").isEqualTo(4)
                .jsonPath("$.events[0].type").isEqualTo("CONFIG_CHANGED")
                .jsonPath("$.events[0].principal").isEqualTo("anonymous")
                .jsonPath("$.events[0].old.limitForPeriod").isEqualTo(2)
                .jsonPath("$.events[0].new.limitForPeriod").isEqualTo(4);

        assertThatThrownBy(limiter::acquirePermit).as("the current period keeps the old limit")
                .isInstanceOf(RateLimitExceededException.class);
        clock.advance(limiter.config().limitRefreshPeriod());
        for (int i = 0; i < 4; i++) {
            limiter.acquirePermit();
        }
        assertThatThrownBy(limiter::acquirePermit).isInstanceOf(RateLimitExceededException.class);
        assertThat(recorder.of("Configure.limiter")).singleElement().satisfies(event -> {
            assertThat(event.principal()).isEqualTo("anonymous");
            assertThat(event.oldValues()).isEqualTo(Map.of("limitForPeriod", 2));
            assertThat(event.newValues()).isEqualTo(Map.of("limitForPeriod", 4));
        });
        assertThat(output).contains("Rate limiter 'Configure.limiter' reconfigured by anonymous: limitForPeriod 2 -> 4");
    }

    @Test
    void aRetryTakesNewAttemptsAndDelays(CapturedOutput output) {
        Retry retry = retries.get("Configure.retry");
        retry.run(() -> { });

        configure("retries", "Configure.retry", "maxAttempts=5,wait-duration=2s")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.successfulWithoutRetry").isEqualTo(1)
                .jsonPath("$.config.maxAttempts").isEqualTo(5)
                .jsonPath("$.config.waitDuration").isEqualTo("PT2S")
                .jsonPath("$.events[0].type").isEqualTo("CONFIG_CHANGED")
                .jsonPath("$.events[0].new.waitDuration").isEqualTo("PT2S");

        assertThat(retry.config().maxAttempts()).isEqualTo(5);
        assertThat(recorder.of("Configure.retry")).singleElement()
                .extracting(ConfigChangedEvent::newValues).isEqualTo(Map.of("maxAttempts", 5, "waitDuration", "PT2S"));
        assertThat(output).contains("Retry 'Configure.retry' reconfigured by anonymous: maxAttempts 3 -> 5, waitDuration ");
    }

    @Test
    void aTimeoutTakesANewDurationAndKeepsItsStatistics(CapturedOutput output) {
        Timeout timeout = timeouts.get("Configure.timeout");
        timeout.run(() -> { });

        configure("timeouts", "Configure.timeout", "duration=250ms")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.successfulCalls").isEqualTo(1)
                .jsonPath("$.duration").isEqualTo("PT0.25S")
                .jsonPath("$.config.duration").isEqualTo("PT0.25S")
                .jsonPath("$.events[0].type").isEqualTo("CONFIG_CHANGED");

        assertThat(timeout.config().duration()).isEqualTo(Duration.ofMillis(250));
        assertThat(recorder.of("Configure.timeout")).hasSize(1);
        assertThat(output).contains("Timeout 'Configure.timeout' reconfigured by anonymous: duration PT1S -> PT0.25S");
    }

    @Test
    void invalidValuesAreRefusedWithPropertyAndValueAndNothingChanges() {
        RateLimiterConfig limiterBefore = rateLimiters.get("Configure.invalid").config();
        RetryConfig retryBefore = retries.get("Configure.invalid").config();
        TimeoutConfig timeoutBefore = timeouts.get("Configure.invalid").config();

        configure("ratelimiters", "Configure.invalid", "timeoutDuration=1s,limitForPeriod=0")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error)
                        .contains("limit-for-period").contains("0"));
        configure("retries", "Configure.invalid", "maxAttempts=4,jitter=1.5")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error)
                        .contains("jitter").contains("1.5"));
        configure("timeouts", "Configure.invalid", "duration=0s")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error)
                        .contains("duration").contains("PT0S"));

        assertThat(rateLimiters.get("Configure.invalid").config()).isSameAs(limiterBefore);
        assertThat(retries.get("Configure.invalid").config()).isSameAs(retryBefore);
        assertThat(timeouts.get("Configure.invalid").config()).isSameAs(timeoutBefore);
        assertThat(recorder.of("Configure.invalid")).isEmpty();
    }

    @Test
    void keysThatCannotChangeLiveAreRefused() {
        retries.get("Configure.lists");
        rateLimiters.get("Configure.lists");

        configure("retries", "Configure.lists", "retryExceptions=java.io.IOException")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error)
                        .contains("'retryExceptions' cannot be changed live").contains("maxAttempts"));
        configure("ratelimiters", "Configure.lists", "max-keys=5")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error)
                        .contains("'maxKeys' cannot be changed live"));
    }

    @Test
    void aKeyedInstanceIsReconfiguredAloneByItsDisplayName() {
        RateLimiter alice = rateLimiters.get("Configure.keyed", "alice");
        RateLimiter bob = rateLimiters.get("Configure.keyed", "bob");

        configure("ratelimiters", "Configure.keyed[alice]", "limitForPeriod=7")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.config.limitForPeriod").isEqualTo(7);

        assertThat(alice.config().limitForPeriod()).isEqualTo(7);
        assertThat(bob.config().limitForPeriod()).isEqualTo(2);
        assertThat(recorder.of("Configure.keyed[alice]")).hasSize(1);
    }
}
