package dev.resilience.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.BulkheadFullException;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code configure} through the endpoint changes live instances, keeps their state, refuses bad values. */
@ObservabilityWebTest
@ExtendWith(OutputCaptureExtension.class)
class LiveReconfigurationWebTests {

    @Autowired
    private RestTestClient client;

    @Autowired
    private InstanceRegistry<CircuitBreaker> breakers;

    @Autowired
    private InstanceRegistry<Bulkhead> bulkheads;

    @Autowired
    private ManualClock clock;

    private RestTestClient.ResponseSpec post(String type, String name, String body) {
        return client.post().uri("/actuator/resilience/{type}/{name}", type, name)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private CircuitBreaker openBreaker(String name) {
        CircuitBreaker breaker = breakers.get(name);
        for (int i = 0; i < 1000 && breaker.state() != CircuitBreakerState.OPEN; i++) {
            breaker.acquirePermit().onError(clock.nanoTime(), new RuntimeException("down"));
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        return breaker;
    }

    @Test
    void anOpenBreakerTakesNewThresholdsAndStaysOpenWithAnEventAndALogLine(CapturedOutput output) {
        CircuitBreaker breaker = openBreaker("Configure.open");
        float before = breaker.config().failureRateThreshold();

        post("circuitbreakers", "Configure.open", "{\"action\":\"configure\",\"config\":\"failureRateThreshold=30,"
                + "wait-duration-in-open-state=10s\"}")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.state").isEqualTo("OPEN")
                .jsonPath("$.config.failureRateThreshold").isEqualTo(30.0)
                .jsonPath("$.config.waitDurationInOpenState").isEqualTo("PT10S")
                .jsonPath("$.events[0].type").isEqualTo("CONFIG_CHANGED")
                .jsonPath("$.events[0].principal").isEqualTo("anonymous")
                .jsonPath("$.events[0].old.failureRateThreshold").isEqualTo((double) before)
                .jsonPath("$.events[0].new.failureRateThreshold").isEqualTo(30.0)
                .jsonPath("$.events[0].new.waitDurationInOpenState").isEqualTo("PT10S");

        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(breaker.config().failureRateThreshold()).isEqualTo(30);
        assertThat(output).contains("Circuit breaker 'Configure.open' reconfigured by anonymous: failureRateThreshold "
                + before + " -> 30.0, waitDurationInOpenState ");
    }

    @Test
    void anInvalidValueIsRefusedWithTheReasonAndNothingChanges() {
        CircuitBreaker breaker = breakers.get("Configure.invalid");
        var before = breaker.config();

        post("circuitbreakers", "Configure.invalid", "{\"action\":\"configure\",\"config\":\"slidingWindowSize=20,"
                + "failureRateThreshold=150\"}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error").value(error -> assertThat((String) error)
                        .contains("failure-rate-threshold").contains("150"));

        assertThat(breaker.config()).isSameAs(before);
    }

    @Test
    void aKeyThatCannotChangeLiveOrAValueOfTheWrongKindIsRefused() {
        breakers.get("Configure.keys");

        post("circuitbreakers", "Configure.keys", "{\"action\":\"configure\",\"config\":\"maxKeys=5\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error)
                        .contains("'maxKeys' cannot be changed live").contains("failureRateThreshold"));
        post("circuitbreakers", "Configure.keys", "{\"action\":\"configure\",\"config\":\"waitDurationInOpenState=soon\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error)
                        .contains("waitDurationInOpenState").contains("soon"));
        post("circuitbreakers", "Configure.keys", "{\"action\":\"configure\"}")
                .expectStatus().isBadRequest();
    }

    @Test
    void aResizedBulkheadLetsRunningCallsFinishAndAdmitsUnderTheNewLimit() {
        Bulkhead bulkhead = bulkheads.get("Configure.bulkhead");
        post("bulkheads", "Configure.bulkhead", "{\"action\":\"configure\",\"config\":\"maxConcurrentCalls=10,"
                + "maxQueueSize=0\"}").expectStatus().isOk();
        List<Bulkhead.Permit> running = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            running.add(bulkhead.acquirePermit());
        }

        post("bulkheads", "Configure.bulkhead", "{\"action\":\"configure\",\"config\":\"maxConcurrentCalls=5\"}")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.activeCalls").isEqualTo(10)
                .jsonPath("$.maxConcurrentCalls").isEqualTo(5)
                .jsonPath("$.events[0].type").isEqualTo("CONFIG_CHANGED")
                .jsonPath("$.events[0].old.maxConcurrentCalls").isEqualTo(10);

        running.forEach(Bulkhead.Permit::release);
        for (int i = 0; i < 5; i++) {
            bulkhead.acquirePermit();
        }
        assertThatThrownBy(bulkhead::acquirePermit).isInstanceOf(BulkheadFullException.class);
    }

    @Test
    void anUnknownInstanceIsNotFound() {
        post("circuitbreakers", "Configure.nobody", "{\"action\":\"configure\",\"config\":\"failureRateThreshold=30\"}")
                .expectStatus().isNotFound();
    }
}
