package dev.resilience.spring.aop;

import static dev.resilience.spring.aop.FakeBreakers.breaker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.annotation.Bulkhead;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Fallback;
import dev.resilience.annotation.RateLimiter;
import dev.resilience.annotation.Retry;
import dev.resilience.annotation.Timeout;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AnnotationResolutionTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAopAutoConfiguration.class))
            .withUserConfiguration(FakeBreakers.class, RecordingLayers.class);

    @Test
    void composesLayersInTheSpecifiedOrderWhateverOrderTheyAreWrittenIn() {
        runner.withBean(Composed.class).run(context -> {
            context.getBean(Composed.class).call();

            assertThat(context.getBean(FakeBreakers.Trace.class).entries).containsExactly(
                    "Fallback", "Retry", "CircuitBreaker", "RateLimiter", "Timeout", "Bulkhead", "method");
        });
    }

    @Test
    void appliesATypeLevelAnnotationToEveryPublicMethodOnly() {
        runner.withBean(TypeLevel.class).run(context -> {
            TypeLevel bean = context.getBean(TypeLevel.class);

            bean.first();
            bean.second();
            bean.notPublic();
            bean.toString();

            InstanceRegistry<?> registry = context.getBean(InstanceRegistry.class);
            assertThat(registry.all().keySet()).extracting(InstanceId::displayName)
                    .containsExactlyInAnyOrder("TypeLevel.first", "TypeLevel.second");
            assertThat(breaker(registry, "TypeLevel.first").results).hasValue(1);
            assertThat(context.getBean(FakeBreakers.Trace.class).entries).containsExactly("CircuitBreaker", "CircuitBreaker");
        });
    }

    @Test
    void letsAMethodLevelAnnotationWinOverATypeLevelOneOfTheSameKind() {
        runner.withBean(MethodWins.class).run(context -> {
            context.getBean(MethodWins.class).special();

            InstanceRegistry<?> registry = context.getBean(InstanceRegistry.class);
            assertThat(breaker(registry, "special").results).hasValue(1);
            assertThat(breaker(registry, "type").permits).hasValue(0);
        });
    }

    @Test
    void appliesTypeLevelAndMethodLevelAnnotationsOfDifferentKindsTogether() {
        runner.withBean(MethodWins.class).run(context -> {
            context.getBean(MethodWins.class).special();

            assertThat(context.getBean(FakeBreakers.Trace.class).entries).containsExactly("Retry", "CircuitBreaker");
        });
    }

    @Test
    void namesInstancesAfterTheUserClassNotTheProxyClass() {
        runner.withBean(Plain.class).run(context -> {
            Plain bean = context.getBean(Plain.class);
            bean.call();

            assertThat(AopUtils.isCglibProxy(bean)).isTrue();
            assertThat(breaker(context.getBean(InstanceRegistry.class), "Plain.call").results).hasValue(1);
        });
    }

    @Test
    void sharesOneBreakerBetweenMethodsWithTheSameName() {
        runner.withBean(SharedName.class).run(context -> {
            SharedName bean = context.getBean(SharedName.class);
            assertThatThrownBy(bean::first).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(bean::first).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(bean::second).isInstanceOf(IllegalStateException.class);

            assertThatThrownBy(bean::first).isInstanceOf(CircuitBreakerOpenException.class);
            InstanceRegistry<?> registry = context.getBean(InstanceRegistry.class);
            assertThat(registry.all()).hasSize(1);
        });
    }

    @Test
    void sharesATypeLevelNameBetweenEveryMethodOfTheType() {
        runner.withBean(TypeLevelNamed.class).run(context -> {
            TypeLevelNamed bean = context.getBean(TypeLevelNamed.class);
            bean.first();
            bean.second();

            InstanceRegistry<?> registry = context.getBean(InstanceRegistry.class);
            assertThat(registry.all()).hasSize(1);
            assertThat(breaker(registry, "backend").results).hasValue(2);
        });
    }

    @Test
    void findsAnAnnotationOnTheInterfaceMethodItImplements() {
        runner.withBean(Greeter.class, GreeterImpl::new).run(context -> {
            context.getBean(Greeter.class).greet("ada");

            assertThat(breaker(context.getBean(InstanceRegistry.class), "GreeterImpl.greet").lastResult).isEqualTo("hello ada");
        });
    }

    @Test
    void namesAnInheritedMethodAfterEachBeanClassThatInheritsIt() {
        runner.withBean(FirstClient.class).withBean(SecondClient.class).run(context -> {
            context.getBean(FirstClient.class).fetch();
            context.getBean(SecondClient.class).fetch();
            context.getBean(SecondClient.class).fetch();

            InstanceRegistry<?> registry = context.getBean(InstanceRegistry.class);
            assertThat(breaker(registry, "FirstClient.fetch").lastResult).isEqualTo("FirstClient");
            assertThat(breaker(registry, "SecondClient.fetch").results).hasValue(2);
        });
    }

    @Test
    void protectsAJdkProxyBeanThroughTheAnnotationsOfItsInterface() {
        runner.withBean(HttpGreeter.class, AnnotationResolutionTests::httpGreeter).run(context -> {
            assertThat(context.getBean(HttpGreeter.class).greet("bob")).isEqualTo("hi bob");

            assertThat(breaker(context.getBean(InstanceRegistry.class), "HttpGreeter.greet").lastResult).isEqualTo("hi bob");
        });
    }

    @Test
    void leavesBeansWithoutAnnotationsUnproxied() {
        runner.withBean(Unannotated.class).run(context -> assertThat(AopUtils.isAopProxy(context.getBean(Unannotated.class))).isFalse());
    }

    /** What an HTTP interface client factory makes: a JDK proxy whose methods are final. */
    private static HttpGreeter httpGreeter() {
        return (HttpGreeter) Proxy.newProxyInstance(HttpGreeter.class.getClassLoader(), new Class<?>[] { HttpGreeter.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "greet" -> "hi " + arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> "HttpGreeter client";
                });
    }

    interface HttpGreeter {
        @CircuitBreaker
        String greet(String name);
    }

    static class Composed {
        private final FakeBreakers.Trace trace;

        Composed(FakeBreakers.Trace trace) {
            this.trace = trace;
        }

        @Bulkhead
        @Timeout
        @RateLimiter
        @CircuitBreaker
        @Retry
        @Fallback(method = "fallback")
        public String call() {
            trace.add("method");
            return "ok";
        }

        String fallback(Throwable failure) {
            return "fallback";
        }
    }

    @CircuitBreaker
    static class TypeLevel {
        public String first() {
            return "first";
        }

        public String second() {
            return "second";
        }

        String notPublic() {
            return "not public";
        }

        @Override
        public String toString() {
            return "TypeLevel";
        }
    }

    @CircuitBreaker(name = "type")
    @Retry
    static class MethodWins {
        public String other() {
            return "other";
        }

        @CircuitBreaker(name = "special")
        public String special() {
            return "special";
        }
    }

    static class Plain {
        @CircuitBreaker
        public String call() {
            return "plain";
        }
    }

    static class SharedName {
        @CircuitBreaker(name = "shared")
        public void first() {
            throw new IllegalStateException("first failed");
        }

        @CircuitBreaker(name = "shared")
        public void second() {
            throw new IllegalStateException("second failed");
        }
    }

    @CircuitBreaker(name = "backend")
    static class TypeLevelNamed {
        public String first() {
            return "first";
        }

        public String second() {
            return "second";
        }
    }

    interface Greeter {
        @CircuitBreaker
        String greet(String name);
    }

    static class GreeterImpl implements Greeter {
        @Override
        public String greet(String name) {
            return "hello " + name;
        }
    }

    abstract static class BaseClient {
        @CircuitBreaker
        public String fetch() {
            return getClass().getSimpleName();
        }
    }

    static class FirstClient extends BaseClient {
    }

    static class SecondClient extends BaseClient {
    }

    static class Unannotated {
        public String call() {
            return "plain";
        }
    }
}
