package dev.resilience.sample.monitoring;

import java.net.URI;

/** A running Prometheus that scrapes the app under test; {@link #close()} stops it and removes its data. */
interface PrometheusServer extends AutoCloseable {

    /** @return the base URI of its HTTP API, on the loopback interface */
    URI uri();

    @Override
    void close();

    /**
     * The configuration both ways of running Prometheus use: one job, {@code sample-app}, scraping
     * {@code /actuator/prometheus} every second, and the starter's alert rules evaluated every second.
     *
     * @param target host:port of the app, as Prometheus reaches it
     * @param rulesFile where Prometheus finds the alert rules
     * @return prometheus.yml
     */
    static String config(String target, String rulesFile) {
        return """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                  - '%s'
                scrape_configs:
                  - job_name: sample-app
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['%s']
                """.formatted(rulesFile, target);
    }
}
