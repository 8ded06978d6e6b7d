package dev.resilience.spring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.spring.autoconfigure.ResilienceEndpointAutoConfiguration;
import dev.resilience.spring.testsupport.TestRegistriesConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.convert.support.ConfigurableConversionService;

/** Where Actuator mapped the endpoint, and whether it took the write operation, under each setting. */
class EndpointLocatorTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
                    ResilienceEndpointAutoConfiguration.class))
            .withUserConfiguration(TestRegistriesConfiguration.class)
            // as SpringApplication does, so that 'read-only' binds to Access.READ_ONLY
            .withInitializer(context -> context.getEnvironment().setConversionService(
                    (ConfigurableConversionService) ApplicationConversionService.getSharedInstance()))
            .withPropertyValues("management.endpoints.web.exposure.include=resilience");

    @Test
    void findsTheReadOnlyEndpointByDefault() {
        runner.run(context -> assertThat(locate(context)).isEqualTo(EndpointAccess.at("/actuator/resilience", false)));
    }

    @Test
    void seesWritesWhenTheAccessIsUnrestricted() {
        runner.withPropertyValues("management.endpoint.resilience.access=unrestricted")
                .run(context -> assertThat(locate(context)).isEqualTo(EndpointAccess.at("/actuator/resilience", true)));
        runner.withPropertyValues("management.endpoints.access.default=unrestricted")
                .run(context -> assertThat(locate(context).writable()).isTrue());
    }

    @Test
    void seesNoWritesWhenTheMaximumAccessIsReadOnly() {
        runner.withPropertyValues("management.endpoint.resilience.access=unrestricted",
                "management.endpoints.access.max-permitted=read-only")
                .run(context -> assertThat(locate(context)).isEqualTo(EndpointAccess.at("/actuator/resilience", false)));
    }

    @Test
    void followsTheBasePathAndThePathMapping() {
        runner.withPropertyValues("management.endpoints.web.base-path=/manage",
                "management.endpoints.web.path-mapping.resilience=patterns")
                .run(context -> assertThat(locate(context).path()).isEqualTo("/manage/patterns"));
    }

    @Test
    void explainsAnEndpointThatIsNotExposedOrSwitchedOff() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=health")
                .run(context -> assertThat(locate(context).problem())
                        .contains("management.endpoints.web.exposure.include"));
        runner.withPropertyValues("management.endpoint.resilience.access=none")
                .run(context -> assertThat(locate(context)).satisfies(access -> {
                    assertThat(access.path()).isNull();
                    assertThat(access.writable()).isFalse();
                    assertThat(access.problem()).contains("management.endpoint.resilience.access");
                }));
    }

    @Test
    void explainsAnActuatorOnItsOwnPort() {
        runner.withPropertyValues("server.port=8080", "management.server.port=9090")
                .run(context -> assertThat(locate(context).problem()).contains("management.server.port"));
        runner.withPropertyValues("management.server.port=-1")
                .run(context -> assertThat(locate(context).problem()).contains("management.server.port=-1"));
    }

    private static EndpointAccess locate(AssertableWebApplicationContext context) {
        return new EndpointLocator(context.getBeanProvider(PathMappedEndpoints.class), context.getEnvironment()).locate();
    }
}
