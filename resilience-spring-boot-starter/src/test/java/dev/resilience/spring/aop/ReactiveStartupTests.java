package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Retry;
import dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

/**
 * A pattern whose layer has no reactive form ({@link RecordingLayers} stand in for five patterns and keep
 * {@link Layer#reactive()}'s default) fails startup for a {@code Mono} method instead of misbehaving at
 * the first call; one that has it starts.
 */
class ReactiveStartupTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAopAutoConfiguration.class))
            .withUserConfiguration(FakeBreakers.class, RecordingLayers.class);

    @Test
    void failsStartupForAMonoMethodUnderALayerWithoutReactiveForm() {
        runner.withBean(RetriedMono.class).run(context -> {
            assertThat(context).hasFailed();
            Throwable misuse = context.getStartupFailure();
            while (misuse != null && !(misuse instanceof AnnotationMisuseException)) {
                misuse = misuse.getCause();
            }
            assertThat(misuse).hasMessage("Invalid resilience annotation on RetriedMono.call(): @Retry does not support"
                    + " a method returning Mono; expected a plain or CompletionStage return type");
        });
    }

    @Test
    void startsForAMonoMethodUnderALayerWithReactiveForm() {
        runner.withBean(GuardedMono.class).run(context -> assertThat(context).hasNotFailed());
    }

    static class RetriedMono {
        @Retry
        public Mono<String> call() {
            return Mono.just("value");
        }
    }

    static class GuardedMono {
        @CircuitBreaker
        public Mono<String> call() {
            return Mono.just("value");
        }
    }
}
