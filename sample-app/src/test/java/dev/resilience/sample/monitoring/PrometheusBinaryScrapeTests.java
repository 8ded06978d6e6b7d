package dev.resilience.sample.monitoring;

import java.util.Optional;

/**
 * The scrape tests against Prometheus started from its binary on the PATH (or {@code -Dprometheus.binary});
 * skipped when there is none. {@code .ci/run} installs Debian's {@code prometheus} package, so CI runs them.
 */
class PrometheusBinaryScrapeTests extends AbstractPrometheusScrapeTests {

    @Override
    protected Optional<String> unavailable() {
        return LocalPrometheus.binary().isPresent() ? Optional.empty()
                : Optional.of("prometheus not found on the PATH (or -Dprometheus.binary): install it, e.g."
                        + " `apt-get install -y prometheus` on Debian/Ubuntu (.ci/run does), or run"
                        + " PrometheusContainerScrapeTests where Docker is available");
    }

    @Override
    protected PrometheusServer startPrometheus(int appPort, String rules) throws Exception {
        return LocalPrometheus.start(LocalPrometheus.binary().orElseThrow(), appPort, rules);
    }
}
