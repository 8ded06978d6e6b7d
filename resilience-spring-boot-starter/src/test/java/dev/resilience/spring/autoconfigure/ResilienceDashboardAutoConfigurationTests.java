package dev.resilience.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.spring.config.InvalidPropertyException;
import dev.resilience.spring.dashboard.CsrfTokenLookup;
import dev.resilience.spring.dashboard.SpringSecurityCsrfTokenLookup;
import dev.resilience.spring.testsupport.TestRegistriesConfiguration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

class ResilienceDashboardAutoConfigurationTests {

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(EndpointAutoConfiguration.class,
            WebEndpointAutoConfiguration.class, ResilienceEndpointAutoConfiguration.class,
            ResilienceDashboardAutoConfiguration.class);

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(CONFIGURATIONS)
            .withUserConfiguration(TestRegistriesConfiguration.class)
            .withPropertyValues("management.endpoints.web.exposure.include=resilience");

    @Test
    void isOffByDefault() {
        runner.run(context -> assertThat(context).doesNotHaveBean("resilienceDashboardRoutes")
                .doesNotHaveBean(CsrfTokenLookup.class));
    }

    @Test
    void servesTheDashboardWhenEnabledWithSpringSecuritysCsrfToken() {
        runner.withPropertyValues("resilience.dashboard.enabled=true").run(context -> {
            assertThat(context).hasBean("resilienceDashboardRoutes").hasSingleBean(RouterFunction.class);
            assertThat(context.getBean(CsrfTokenLookup.class)).isInstanceOf(SpringSecurityCsrfTokenLookup.class);
        });
    }

    @Test
    void servesTheDashboardWithoutSpringSecurityAndThenLooksForNoToken() {
        runner.withPropertyValues("resilience.dashboard.enabled=true")
                .withClassLoader(new FilteredClassLoader(CsrfToken.class))
                .run(context -> assertThat(context).hasBean("resilienceDashboardRoutes").doesNotHaveBean(CsrfTokenLookup.class));
    }

    @Test
    void backsOffOutsideAServletWebApplication() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .withUserConfiguration(TestRegistriesConfiguration.class)
                .withPropertyValues("resilience.dashboard.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean("resilienceDashboardRoutes"));
        new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .withUserConfiguration(TestRegistriesConfiguration.class)
                .withPropertyValues("resilience.dashboard.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean("resilienceDashboardRoutes"));
    }

    @Test
    void backsOffWithoutSpringMvcOrActuator() {
        runner.withPropertyValues("resilience.dashboard.enabled=true")
                .withClassLoader(new FilteredClassLoader(RouterFunction.class))
                .run(context -> assertThat(context).doesNotHaveBean("resilienceDashboardRoutes"));
        runner.withPropertyValues("resilience.dashboard.enabled=true")
                .withClassLoader(new FilteredClassLoader(PathMappedEndpoints.class))
                .run(context -> assertThat(context).doesNotHaveBean("resilienceDashboardRoutes"));
    }

    @Test
    void failsStartupOnAnInvalidPathNamingTheProperty() {
        runner.withPropertyValues("resilience.dashboard.enabled=true", "resilience.dashboard.path=dashboard/")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOf(InvalidPropertyException.class)
                        .hasMessageContaining("resilience.dashboard.path").hasMessageContaining("dashboard/"));
    }

    @Test
    void backsOffForTheApplicationsOwnBeans() {
        runner.withPropertyValues("resilience.dashboard.enabled=true")
                .withUserConfiguration(OwnBeans.class)
                .run(context -> {
                    assertThat(context.getBean("resilienceDashboardRoutes")).isSameAs(OwnBeans.ROUTES);
                    assertThat(context.getBean(CsrfTokenLookup.class)).isSameAs(OwnBeans.CSRF);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {

        static final RouterFunction<ServerResponse> ROUTES = RouterFunctions.route()
                .GET("/mine", request -> ServerResponse.ok().build()).build();

        static final CsrfTokenLookup CSRF = request -> Optional.empty();

        @Bean
        RouterFunction<ServerResponse> resilienceDashboardRoutes() {
            return ROUTES;
        }

        @Bean
        CsrfTokenLookup ownCsrfTokenLookup() {
            return CSRF;
        }
    }
}
