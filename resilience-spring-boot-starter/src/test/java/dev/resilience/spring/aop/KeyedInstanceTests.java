package dev.resilience.spring.aop;

import static dev.resilience.spring.aop.FakeBreakers.breaker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KeyedInstanceTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAopAutoConfiguration.class))
            .withUserConfiguration(FakeBreakers.class)
            .withBean(HostClient.class);

    @Test
    void keepsOneBreakerPerDistinctParameterValue() {
        runner.run(context -> {
            HostClient client = context.getBean(HostClient.class);
            client.byName("a.example", 80);
            client.byName("a.example", 443);
            client.byName("b.example", 80);

            InstanceRegistry<?> registry = context.getBean(InstanceRegistry.class);
            assertThat(breaker(registry, "hosts", "a.example").results).hasValue(2);
            assertThat(breaker(registry, "hosts", "b.example").results).hasValue(1);
            assertThat(registry.find(InstanceId.of("hosts"))).isEmpty();
        });
    }

    @Test
    void tripsOnlyTheBreakerOfTheFailingKey() {
        runner.run(context -> {
            HostClient client = context.getBean(HostClient.class);
            for (int i = 0; i < FakeBreakers.THRESHOLD; i++) {
                assertThatThrownBy(() -> client.byName("down.example", 80)).isInstanceOf(IllegalStateException.class);
            }

            assertThatThrownBy(() -> client.byName("down.example", 80)).isInstanceOf(CircuitBreakerOpenException.class)
                    .hasMessageContaining("'hosts[down.example]'");
            assertThat(client.byName("up.example", 80)).isEqualTo("up.example:80");
        });
    }

    @Test
    void readsAPositionalPReference() {
        runner.run(context -> {
            context.getBean(HostClient.class).byP0("c.example");

            assertThat(breaker(context.getBean(InstanceRegistry.class), "positional", "c.example").results).hasValue(1);
        });
    }

    @Test
    void readsAPositionalAReference() {
        runner.run(context -> {
            context.getBean(HostClient.class).byA1(8080, "d.example");

            assertThat(breaker(context.getBean(InstanceRegistry.class), "alias", "d.example").results).hasValue(1);
        });
    }

    @Test
    void evaluatesAFullSpelExpression() {
        runner.run(context -> {
            context.getBean(HostClient.class).byRequest(new Request("e.example", "/health"));

            assertThat(breaker(context.getBean(InstanceRegistry.class), "requests", "e.example").results).hasValue(1);
        });
    }

    @Test
    void namesAKeyThatIsNotAStringByItsStringForm() {
        runner.run(context -> {
            context.getBean(HostClient.class).byPort(8443);

            assertThat(breaker(context.getBean(InstanceRegistry.class), "ports", "8443").results).hasValue(1);
        });
    }

    @Test
    void usesTheUnkeyedBreakerWhenAParameterKeyIsNull() {
        runner.run(context -> {
            context.getBean(HostClient.class).byName(null, 80);

            InstanceRegistry<?> registry = context.getBean(InstanceRegistry.class);
            assertThat(breaker(registry, "hosts").results).hasValue(1);
            assertThat(registry.all()).hasSize(1);
        });
    }

    @Test
    void usesTheUnkeyedBreakerWhenAnExpressionKeyIsNull() {
        runner.run(context -> {
            context.getBean(HostClient.class).byRequest(new Request(null, "/health"));

            assertThat(breaker(context.getBean(InstanceRegistry.class), "requests").results).hasValue(1);
        });
    }

    record Request(String host, String path) {
    }

    static class HostClient {
        @CircuitBreaker(name = "hosts", key = "#host")
        public String byName(String host, int port) {
            if ("down.example".equals(host)) {
                throw new IllegalStateException("refused");
            }
            return host + ":" + port;
        }

        @CircuitBreaker(name = "positional", key = "#p0")
        public String byP0(String host) {
            return host;
        }

        @CircuitBreaker(name = "alias", key = "#a1")
        public String byA1(int port, String host) {
            return host;
        }

        @CircuitBreaker(name = "requests", key = "#req.host()")
        public String byRequest(Request req) {
            return req.path();
        }

        @CircuitBreaker(name = "ports", key = "#port")
        public int byPort(int port) {
            return port;
        }
    }
}
