package dev.resilience.spring.autoconfigure;

import dev.resilience.spring.config.ResilienceProperties;
import dev.resilience.spring.dashboard.CsrfTokenLookup;
import dev.resilience.spring.dashboard.DashboardOptions;
import dev.resilience.spring.dashboard.DashboardPage;
import dev.resilience.spring.dashboard.DashboardRoutes;
import dev.resilience.spring.dashboard.EndpointLocator;
import dev.resilience.spring.dashboard.SpringSecurityCsrfTokenLookup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The live dashboard page at {@code resilience.dashboard.path} ({@code /resilience/dashboard}). Only with
 * {@code resilience.dashboard.enabled=true}, in a servlet web application with Spring MVC and Actuator on
 * the classpath. The page reads the {@code resilience} endpoint where Actuator mapped it; if the endpoint
 * is not exposed over HTTP the page says so. With Spring Security on the classpath the page carries the
 * request's CSRF token; protecting the page and the endpoint's writes is the application's security
 * configuration's job.
 */
@AutoConfiguration(afterName = "dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ RouterFunction.class, PathMappedEndpoints.class, ManagementPortType.class })
@ConditionalOnBooleanProperty("resilience.dashboard.enabled")
public final class ResilienceDashboardAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "resilienceDashboardRoutes")
    RouterFunction<ServerResponse> resilienceDashboardRoutes(ResilienceProperties properties,
            ObjectProvider<PathMappedEndpoints> endpoints, ObjectProvider<CsrfTokenLookup> csrf, Environment environment,
            ResourceLoader resourceLoader) {
        DashboardOptions options = DashboardOptions.of(properties.getDashboard());
        ClassLoader classLoader = resourceLoader.getClassLoader();
        EndpointLocator locator = new EndpointLocator(endpoints, environment);
        return DashboardRoutes.create(options, DashboardPage.load(classLoader), locator::locate,
                csrf.getIfUnique(() -> CsrfTokenLookup.NONE), classLoader);
    }

    /** The CSRF token of Spring Security, when it is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CsrfToken.class)
    static class SpringSecurityCsrfConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CsrfTokenLookup resilienceDashboardCsrfTokenLookup() {
            return new SpringSecurityCsrfTokenLookup();
        }
    }
}
