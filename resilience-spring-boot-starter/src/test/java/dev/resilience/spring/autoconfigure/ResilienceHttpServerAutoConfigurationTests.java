package dev.resilience.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.config.InvalidPropertyException;
import dev.resilience.spring.http.server.HttpServerInstances;
import dev.resilience.spring.http.server.HttpServerProperties;
import dev.resilience.spring.http.server.HttpServerWebMvcConfigurer;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.ResolvableType;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

class ResilienceHttpServerAutoConfigurationTests {

    private static final String SERVER = "resilience.http.server.";

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(ResilienceAutoConfiguration.class,
            ResilienceHttpServerAutoConfiguration.class);

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS);

    @Test
    void bindsThePropertiesButRegistersNoInterceptorByDefault() {
        runner.run(context -> assertThat(context).hasSingleBean(HttpServerProperties.class)
                .doesNotHaveBean(HttpServerWebMvcConfigurer.class));
    }

    @Test
    void registersTheInterceptorWhenEnabled() {
        runner.withPropertyValues(SERVER + "enabled=true")
                .run(context -> assertThat(context).hasSingleBean(HttpServerWebMvcConfigurer.class));
    }

    @Test
    void staysOffWhenResilienceIsDisabled() {
        runner.withPropertyValues(SERVER + "enabled=true", "resilience.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(HttpServerWebMvcConfigurer.class));
    }

    @Test
    void backsOffOutsideAServletWebApplicationOrWithoutSpringMvc() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS).withPropertyValues(SERVER + "enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(HttpServerProperties.class)
                        .doesNotHaveBean(HttpServerWebMvcConfigurer.class));
        runner.withPropertyValues(SERVER + "enabled=true").withClassLoader(new FilteredClassLoader(WebMvcConfigurer.class))
                .run(context -> assertThat(context).doesNotHaveBean(HttpServerProperties.class));
    }

    @Test
    void endpointInstancesTakeTheirSectionsAboveTheSettingsForEveryEndpoint() {
        runner.withPropertyValues(SERVER + "enabled=true", "resilience.bulkhead.defaults.max-queue-size=4",
                SERVER + "bulkhead.max-concurrent-calls=7", SERVER + "bulkhead.max-keys=50",
                SERVER + "endpoints[GET /orders/{id}].bulkhead.max-concurrent-calls=2",
                SERVER + "endpoints[GET /orders/{id}].ratelimiter.limit-refresh-period=5s").run(context -> {
                    Bulkhead orders = bulkheads(context).get(HttpServerInstances.NAME, "GET /orders/{id}");
                    Bulkhead other = bulkheads(context).get(HttpServerInstances.NAME, "POST /orders");
                    assertThat(orders.config().maxConcurrentCalls()).isEqualTo(2);
                    assertThat(orders.config().maxQueueSize()).isEqualTo(4);
                    assertThat(orders.config().maxKeys()).isEqualTo(50);
                    assertThat(other.config().maxConcurrentCalls()).isEqualTo(7);
                    assertThat(limiters(context).get(HttpServerInstances.NAME, "GET /orders/{id}").config().limitRefreshPeriod())
                            .isEqualTo(Duration.ofSeconds(5));
                });
    }

    @Test
    void invalidEndpointValueFailsStartupNamingItsPathAndValue() {
        runner.withPropertyValues(SERVER + "enabled=true", SERVER + "endpoints[GET /orders/{id}].bulkhead.max-concurrent-calls=0")
                .run(invalid(e -> {
                    assertThat(e.getProperty()).isEqualTo(SERVER + "endpoints[GET /orders/{id}].bulkhead.max-concurrent-calls");
                    assertThat(e.getValue()).isEqualTo("0");
                }));
    }

    @Test
    void invalidValueForEveryEndpointFailsStartupNamingItsPathAndValue() {
        runner.withPropertyValues(SERVER + "enabled=true", SERVER + "ratelimiter.limit-refresh-period=0s")
                .run(invalid(e -> {
                    assertThat(e.getProperty()).isEqualTo(SERVER + "ratelimiter.limit-refresh-period");
                    assertThat(e.getMessage()).contains("0s");
                }));
    }

    @Test
    void bulkheadRetryAfterOfZeroFailsStartup() {
        runner.withPropertyValues(SERVER + "enabled=true", SERVER + "bulkhead-retry-after=0s")
                .run(invalid(e -> assertThat(e.getProperty()).isEqualTo(SERVER + "bulkhead-retry-after")));
    }

    @Test
    void endpointIdThatIsNoMethodAndRouteFailsStartup() {
        runner.withPropertyValues(SERVER + "enabled=true", SERVER + "endpoints[/orders].bulkhead.max-concurrent-calls=1")
                .run(invalid(e -> {
                    assertThat(e.getProperty()).isEqualTo(SERVER + "endpoints[/orders]");
                    assertThat(e.getMessage()).contains("GET /orders/{id}");
                }));
    }

    @Test
    void unknownKeysFailStartupEvenWhenDisabled() {
        runner.withPropertyValues(SERVER + "bulkhead.max-concurent-calls=3").run(context -> assertThat(context)
                .getFailure().hasRootCauseInstanceOf(UnboundConfigurationPropertiesException.class)
                .hasStackTraceContaining(SERVER + "bulkhead.max-concurent-calls"));
        runner.withPropertyValues(SERVER + "enabld=true").run(context -> assertThat(context)
                .getFailure().hasRootCauseInstanceOf(UnboundConfigurationPropertiesException.class)
                .hasStackTraceContaining(SERVER + "enabld"));
    }

    private static ContextConsumer<AssertableWebApplicationContext> invalid(Consumer<InvalidPropertyException> check) {
        return context -> {
            Throwable failure = context.getStartupFailure();
            while (failure != null && !(failure instanceof InvalidPropertyException)) {
                failure = failure.getCause();
            }
            assertThat(failure).as("startup failure").isInstanceOf(InvalidPropertyException.class);
            check.accept((InvalidPropertyException) failure);
        };
    }

    @SuppressWarnings("unchecked")
    private static InstanceRegistry<Bulkhead> bulkheads(AssertableWebApplicationContext context) {
        return (InstanceRegistry<Bulkhead>) context.getBeanProvider(
                ResolvableType.forClassWithGenerics(InstanceRegistry.class, Bulkhead.class)).getObject();
    }

    @SuppressWarnings("unchecked")
    private static InstanceRegistry<RateLimiter> limiters(AssertableWebApplicationContext context) {
        return (InstanceRegistry<RateLimiter>) context.getBeanProvider(
                ResolvableType.forClassWithGenerics(InstanceRegistry.class, RateLimiter.class)).getObject();
    }
}
