package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.annotation.Fallback;
import dev.resilience.annotation.Timeout;
import dev.resilience.fallback.FallbackHandler;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What the retry, timeout and fallback layer factories settle at startup: fallbacks resolved (or the
 * context fails naming class, method and expected signature), handlers looked up as beans first,
 * {@code @Timeout(value)} in the instance's configuration before the instance exists.
 */
class RetryTimeoutFallbackStartupTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class, ResilienceAopAutoConfiguration.class));

    @Test
    void missingFallbackMethodFailsStartupNamingClassMethodAndExpectedSignature() {
        runner.withBean(MissingFallback.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(misuseIn(context.getStartupFailure())).hasMessage("Invalid resilience annotation on"
                    + " MissingFallback.quote(String): @Fallback cannot be resolved: @Fallback(method = \"cached\") on"
                    + " MissingFallback.quote(String): no fallback method named 'cached' with fitting parameters in"
                    + " MissingFallback or its superclasses. Expected: String cached(String) or"
                    + " String cached(String, <Throwable or subtype>)");
        });
    }

    @Test
    void fallbackWithAnUnfitReturnTypeFailsStartup() {
        runner.withBean(WrongReturnType.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(misuseIn(context.getStartupFailure()).getMessage())
                    .contains("WrongReturnType.quote(String)").contains("cached").contains("Integer");
        });
    }

    @Test
    void unparsableTimeoutValueFailsStartupNamingTheMethod() {
        runner.withBean(BadTimeout.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(misuseIn(context.getStartupFailure())).hasMessage("Invalid resilience annotation on"
                    + " BadTimeout.call(): @Timeout value = \"soon\" cannot be used:"
                    + " resilience.timeout.instances[BadTimeout.call].duration = soon: cannot be converted to"
                    + " java.time.Duration: 'soon' is not a valid duration (set in @Timeout on BadTimeout.call())."
                    + " Expected a duration greater than zero such as \"2s\", \"500ms\" or \"PT2S\"");
        });
    }

    @Test
    void timeoutValueSitsAbovePresetAndBelowTheInstancesOwnDuration() {
        runner.withBean(TimedClient.class).withPropertyValues("resilience.timeout.defaults.preset=database",
                "resilience.timeout.instances.configured.duration=3s").run(context -> {
                    InstanceRegistry<?> timeouts = context.getBean("timeoutRegistry", InstanceRegistry.class);
                    assertThat(((dev.resilience.timeout.Timeout) timeouts.get("annotated")).config().duration())
                            .isEqualTo(Duration.ofSeconds(2));
                    assertThat(((dev.resilience.timeout.Timeout) timeouts.get("configured")).config().duration())
                            .isEqualTo(Duration.ofSeconds(3));
                    assertThat(((dev.resilience.timeout.Timeout) timeouts.get("TimedClient.fromPreset")).config().duration())
                            .isEqualTo(Duration.ofSeconds(5));
                });
    }

    @Test
    void handlerIsTheBeanOfItsClassWhenThereIsOne() {
        CountingHandler bean = new CountingHandler("from bean");
        runner.withBean(CountingHandler.class, () -> bean).withBean(HandledClient.class).run(context -> {
            assertThat(context.getBean(HandledClient.class).quote("x")).isEqualTo("from bean");
        });
    }

    @Test
    void handlerIsInstantiatedWhenNoBeanExists() {
        runner.withBean(HandledClient.class).run(context -> {
            assertThat(context.getBean(HandledClient.class).quote("x")).isEqualTo("new instance");
        });
    }

    private static Throwable misuseIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AnnotationMisuseException) {
                return cause;
            }
        }
        throw new AssertionError("no AnnotationMisuseException in the startup failure", failure);
    }

    static class MissingFallback {
        @Fallback(method = "cached")
        public String quote(String symbol) {
            return symbol;
        }
    }

    static class WrongReturnType {
        @Fallback(method = "cached")
        public String quote(String symbol) {
            return symbol;
        }

        Integer cached(String symbol) {
            return 0;
        }
    }

    static class BadTimeout {
        @Timeout("soon")
        public String call() {
            return "called";
        }
    }

    static class TimedClient {
        @Timeout(name = "annotated", value = "2s")
        public String annotated() {
            return "a";
        }

        @Timeout(name = "configured", value = "2s")
        public String configured() {
            return "c";
        }

        @Timeout
        public String fromPreset() {
            return "p";
        }
    }

    public static class CountingHandler implements FallbackHandler {
        private final String answer;

        public CountingHandler() {
            this("new instance");
        }

        CountingHandler(String answer) {
            this.answer = answer;
        }

        @Override
        public Object handle(Method method, Object[] arguments, Throwable failure) {
            return answer;
        }
    }

    static class HandledClient {
        @Fallback(handler = CountingHandler.class)
        public String quote(String symbol) throws IOException {
            throw new IOException("down");
        }
    }
}
