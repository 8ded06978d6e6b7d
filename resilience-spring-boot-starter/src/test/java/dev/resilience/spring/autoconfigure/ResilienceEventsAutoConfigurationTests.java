package dev.resilience.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.resilience.BulkheadFullException;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.bulkhead.BulkheadEvent;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerEvent;
import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.events.ApplicationEventSink;
import dev.resilience.spring.events.ResilienceEventSink;
import dev.resilience.spring.testsupport.Breakers;
import dev.resilience.spring.testsupport.TestRegistriesConfiguration;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.ResolvableType;

@ExtendWith(OutputCaptureExtension.class)
class ResilienceEventsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceEventsAutoConfiguration.class))
            .withUserConfiguration(TestRegistriesConfiguration.class, Listeners.class);

    @Test
    void anEventListenerReceivesEachTransitionOfABreakerWithItsReason() {
        runner.run(context -> {
            ManualClock clock = context.getBean(ManualClock.class);

            Breakers.halfOpen(breakers(context).get("payments"), clock);

            assertThat(context.getBean(Listeners.class).transitions)
                    .extracting(t -> t.instanceName() + ": " + t.from() + " -> " + t.to() + " " + t.reason())
                    .containsExactly("payments: CLOSED -> OPEN FAILURE_RATE", "payments: OPEN -> HALF_OPEN WAIT_ELAPSED");
        });
    }

    @Test
    void publishesTransitionsAndRejectionsButNeverOutcomes() {
        runner.run(context -> {
            ManualClock clock = context.getBean(ManualClock.class);
            CircuitBreaker breaker = breakers(context).get("payments");
            Breakers.succeed(breakers(context).get("orders"), clock, Duration.ofMillis(1));
            Breakers.ignored(breaker, clock, Duration.ofMillis(1));

            Breakers.open(breaker, clock);
            Breakers.rejected(breaker);

            assertThat(context.getBean(Listeners.class).all).extracting(ResilienceEvent::type)
                    .containsExactly(EventType.STATE_TRANSITION, EventType.NOT_PERMITTED);
            assertThat(breaker.events().wants(EventType.SUCCESS)).isFalse();
            assertThat(breaker.events().wants(EventType.FAILURE)).isFalse();
        });
    }

    @Test
    void coversInstancesCreatedAfterStartupKeyedOnesIncluded() {
        runner.run(context -> {
            ManualClock clock = context.getBean(ManualClock.class);

            Breakers.open(breakers(context).get("stock", "north"), clock);

            assertThat(context.getBean(Listeners.class).transitions).extracting(ResilienceEvent::instanceName)
                    .containsExactly("stock[north]");
        });
    }

    @Test
    void coversEveryRegistryBeanWhateverItsPattern() {
        runner.withUserConfiguration(BulkheadRegistryConfiguration.class).run(context -> {
            InstanceRegistry<Bulkhead> bulkheads = context.getBean("bulkheadRegistry", InstanceRegistry.class);
            Bulkhead bulkhead = bulkheads.get("reports");

            try (Bulkhead.Permit held = bulkhead.acquirePermit()) {
                assertThatExceptionOfType(BulkheadFullException.class).isThrownBy(bulkhead::acquirePermit);
            }

            assertThat(context.getBean(Listeners.class).all).singleElement()
                    .isInstanceOfSatisfying(BulkheadEvent.Rejected.class, rejected -> {
                        assertThat(rejected.instanceName()).isEqualTo("reports");
                        assertThat(rejected.reason()).isEqualTo(BulkheadFullException.Reason.QUEUE_FULL);
                    });
            assertThat(context.getBean(RecordingSink.class).seen).containsExactly("Bulkhead REJECTED reports");
        });
    }

    @Test
    void applicationSinksReceiveEventsWithThePatternKind() {
        runner.withUserConfiguration(BulkheadRegistryConfiguration.class).run(context -> {
            Breakers.open(breakers(context).get("payments"), context.getBean(ManualClock.class));

            assertThat(context.getBean(RecordingSink.class).seen)
                    .containsExactly("CircuitBreaker STATE_TRANSITION payments");
        });
    }

    @Test
    void publishingCanBeTurnedOffWhileTransitionsAreStillLogged(CapturedOutput output) {
        runner.withPropertyValues("resilience.events.publish=false").run(context -> {
            assertThat(context).doesNotHaveBean(ApplicationEventSink.class);

            Breakers.open(breakers(context).get("payments"), context.getBean(ManualClock.class));

            assertThat(context.getBean(Listeners.class).all).isEmpty();
            assertThat(output).contains("Circuit breaker 'payments' is OPEN (was CLOSED, reason FAILURE_RATE)");
        });
    }

    @Test
    void logsOpenAtWarnAndHalfOpenAtInfoOnceEachWithoutExceptionMessages(CapturedOutput output) {
        runner.run(context -> {
            Breakers.halfOpen(breakers(context).get("payments"), context.getBean(ManualClock.class));

            List<String> lines = output.getOut().lines().filter(line -> line.contains("'payments' is")).toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).containsPattern("WARN.*Circuit breaker 'payments' is OPEN \\(was CLOSED, reason FAILURE_RATE\\)");
            assertThat(lines.get(1)).containsPattern("INFO.*Circuit breaker 'payments' is HALF_OPEN \\(was OPEN, reason WAIT_ELAPSED\\)");
            assertThat(output).doesNotContain("secret user data");
        });
    }

    private static InstanceRegistry<CircuitBreaker> breakers(AssertableApplicationContext context) {
        return context.<InstanceRegistry<CircuitBreaker>>getBeanProvider(
                ResolvableType.forClassWithGenerics(InstanceRegistry.class, CircuitBreaker.class)).getObject();
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {

        final List<CircuitBreakerEvent.StateTransition> transitions = new CopyOnWriteArrayList<>();
        final List<ResilienceEvent> all = new CopyOnWriteArrayList<>();

        @EventListener
        void onTransition(CircuitBreakerEvent.StateTransition transition) {
            transitions.add(transition);
        }

        @EventListener
        void onAny(ResilienceEvent event) {
            all.add(event);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BulkheadRegistryConfiguration {

        @Bean
        InstanceRegistry<Bulkhead> bulkheadRegistry(ManualClock clock) {
            BulkheadConfig config = BulkheadConfig.builder().maxConcurrentCalls(1).build();
            return new InstanceRegistry<>(id -> Bulkhead.of(id.displayName(), config, clock, clock), name -> 10);
        }

        @Bean
        RecordingSink recordingSink() {
            return new RecordingSink();
        }
    }

    static final class RecordingSink implements ResilienceEventSink {

        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public Set<EventType> eventTypes() {
            return Set.of(EventType.STATE_TRANSITION, EventType.REJECTED);
        }

        @Override
        public void accept(String kind, ResilienceEvent event) {
            seen.add(kind + " " + event.type() + " " + event.instanceName());
        }
    }
}
