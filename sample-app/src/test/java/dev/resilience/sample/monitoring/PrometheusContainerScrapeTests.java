package dev.resilience.sample.monitoring;

import java.util.Optional;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The scrape tests against the official {@code prom/prometheus} image; skipped where Docker is not running. */
@Testcontainers(disabledWithoutDocker = true)
class PrometheusContainerScrapeTests extends AbstractPrometheusScrapeTests {

    @Override
    protected Optional<String> unavailable() {
        // @Testcontainers(disabledWithoutDocker = true) already skips the class without Docker
        return Optional.empty();
    }

    @Override
    protected PrometheusServer startPrometheus(int appPort, String rules) {
        return DockerPrometheus.start(appPort, rules);
    }
}
