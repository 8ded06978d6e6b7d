package dev.resilience.spring.web;

import dev.resilience.spring.testsupport.ConfigChangeRecorder;
import dev.resilience.spring.testsupport.TestRegistriesConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A web application with the starter's auto-configurations and a registry of real circuit breakers on a
 * manual clock; no component scan, so the starter's classes come in only through the
 * auto-configuration imports.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ TestRegistriesConfiguration.class, ConfigChangeRecorder.class })
class ObservabilityTestApplication {
}
