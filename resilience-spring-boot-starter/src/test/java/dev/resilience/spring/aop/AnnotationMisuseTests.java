package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

class AnnotationMisuseTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAopAutoConfiguration.class))
            .withUserConfiguration(FakeBreakers.class);

    @Test
    void failsStartupForAnAnnotatedPrivateMethod() {
        assertStartupFails(PrivateMethod.class, "Invalid resilience annotation on PrivateMethod.call(String): "
                + "@CircuitBreaker is on a private method, which the Spring proxy cannot intercept; make it public");
    }

    @Test
    void failsStartupForAnAnnotatedFinalMethod() {
        assertStartupFails(FinalMethod.class, "Invalid resilience annotation on FinalMethod.call(): "
                + "@CircuitBreaker is on a final method, which the Spring proxy cannot intercept; remove the final modifier");
    }

    @Test
    void failsStartupForAnAnnotatedStaticMethod() {
        assertStartupFails(StaticMethod.class, "Invalid resilience annotation on StaticMethod.call(): "
                + "@CircuitBreaker is on a static method, which the Spring proxy cannot intercept; make it an instance method");
    }

    @Test
    void failsStartupForAFinalPublicMethodUnderATypeLevelAnnotation() {
        assertStartupFails(TypeLevelFinal.class, "Invalid resilience annotation on TypeLevelFinal.call(): "
                + "@CircuitBreaker on the class applies to this public method, but it is final, so the Spring proxy cannot"
                + " intercept it; remove the final modifier");
    }

    @Test
    void failsStartupForAKeyThatIsNotValidSpel() {
        String parserMessage;
        try {
            new SpelExpressionParser().parseExpression("#host +");
            throw new AssertionError("expected the expression not to parse");
        } catch (ParseException e) {
            parserMessage = e.getMessage();
        }
        assertStartupFails(BadExpression.class, "Invalid resilience annotation on BadExpression.call(String): "
                + "@CircuitBreaker key \"#host +\" is not a valid SpEL expression: " + parserMessage);
    }

    @Test
    void failsStartupForAKeyNamingAnUnknownParameter() {
        assertStartupFails(UnknownParameter.class, "Invalid resilience annotation on UnknownParameter.call(String, int): "
                + "@CircuitBreaker key \"#hots\" refers to #hots, which is not a parameter of the method;"
                + " use #host, #port, #p0 to #p1 or #a0 to #a1");
    }

    @Test
    void failsStartupForAnUnknownParameterInsideAnExpression() {
        assertStartupFails(UnknownInExpression.class, "Invalid resilience annotation on UnknownInExpression.call(String): "
                + "@CircuitBreaker key \"#request.host()\" refers to #request, which is not a parameter of the method;"
                + " use #host, #p0 or #a0");
    }

    @Test
    void failsStartupForACompletionStageTypeThePipelineCannotReturn() {
        assertStartupFails(CustomStage.class, "Invalid resilience annotation on CustomStage.call(): returns MyFuture;"
                + " an asynchronous method must be declared to return CompletionStage or CompletableFuture");
    }

    @Test
    void failsStartupForAReactivePublisherOtherThanMonoOrFlux() {
        assertStartupFails(ReactiveClient.class, "Invalid resilience annotation on ReactiveClient.call(): returns Publisher;"
                + " the reactive return types supported are Reactor's Mono and Flux, declared as such");
    }

    @Test
    void checksLazyBeansAtStartupToo() {
        runner.withBean(FinalMethod.class, FinalMethod::new, definition -> definition.setLazyInit(true))
                .run(context -> assertThat(misuseIn(context.getStartupFailure())).hasMessageContaining("FinalMethod.call()"));
    }

    private void assertStartupFails(Class<?> beanClass, String message) {
        runner.withBean(beanClass).run(context -> {
            assertThat(context).hasFailed();
            assertThat(misuseIn(context.getStartupFailure())).hasMessage(message);
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

    static class PrivateMethod {
        public String use() {
            return call("x");
        }

        @CircuitBreaker
        private String call(String value) {
            return value;
        }
    }

    static class FinalMethod {
        @CircuitBreaker
        public final String call() {
            return "final";
        }
    }

    static class StaticMethod {
        @CircuitBreaker
        public static String call() {
            return "static";
        }
    }

    @CircuitBreaker
    static class TypeLevelFinal {
        public String fine() {
            return "fine";
        }

        public final String call() {
            return "final";
        }
    }

    static class BadExpression {
        @CircuitBreaker(key = "#host +")
        public String call(String host) {
            return host;
        }
    }

    static class UnknownParameter {
        @CircuitBreaker(key = "#hots")
        public String call(String host, int port) {
            return host;
        }
    }

    static class UnknownInExpression {
        @CircuitBreaker(key = "#request.host()")
        public String call(String host) {
            return host;
        }
    }

    static class MyFuture extends CompletableFuture<String> {
    }

    static class ReactiveClient {
        @CircuitBreaker
        public Publisher<String> call() {
            return Mono.just("reactive");
        }
    }

    static class CustomStage {
        @CircuitBreaker
        public MyFuture call() {
            return new MyFuture();
        }
    }
}
