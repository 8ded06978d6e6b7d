package dev.resilience.sample.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resilience.sample.monitoring.PrometheusApi.Rule;
import dev.resilience.sample.monitoring.PrometheusApi.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus scrapes the running sample app every second, with the starter's alert rules loaded,
 * and the tests ask it questions through its HTTP API, as a dashboard or an alert would. Subclasses say
 * how Prometheus runs (its binary, or a container). The app listens on 127.0.0.1 only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        // the breaker opens on the 5th failed call (the preset says 20) and stays open for the whole test
        "resilience.circuitbreaker.instances.catalog.minimum-number-of-calls=5",
        "resilience.circuitbreaker.instances.catalog.failure-rate-threshold=50",
        "resilience.circuitbreaker.instances.catalog.wait-duration-in-open-state=5m" })
@AutoConfigureMetrics
// each subclass opens the catalog breaker, so each gets an app of its own
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@TestInstance(Lifecycle.PER_CLASS)
abstract class AbstractPrometheusScrapeTests {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private static final Pattern METRIC = Pattern.compile("\\bresilience_[a-z_]+");

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+), *(\\w+)\\)");

    private static final String CATALOG = "job=\"sample-app\", name=\"catalog\"";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int appPort;

    private PrometheusServer prometheus;

    private PrometheusApi api;

    /**
     * Says whether this way of running Prometheus works here.
     *
     * @return what to install when it does not (every test is then skipped with this message)
     */
    protected abstract Optional<String> unavailable();

    /**
     * Starts Prometheus, scraping {@code /actuator/prometheus} on the app's port.
     *
     * @param appPort the app's port on 127.0.0.1
     * @param rules the alert rules to load (the starter's {@code prometheus/resilience-alerts.yml})
     * @return the running server
     */
    protected abstract PrometheusServer startPrometheus(int appPort, String rules) throws Exception;

    @BeforeAll
    void startPrometheusAndAwaitTheFirstScrape() throws Exception {
        if (unavailable().isPresent()) {
            return;
        }
        prometheus = startPrometheus(appPort, resource("prometheus/resilience-alerts.yml"));
        api = new PrometheusApi(prometheus.uri());
        await("the first successful scrape").atMost(BOUND).untilAsserted(() ->
                assertThat(api.query("up{job=\"sample-app\"}")).extracting(Sample::value).containsExactly(1.0));
    }

    // an assumption per test rather than in @BeforeAll: Surefire drops the message of a skipped class
    @BeforeEach
    void requirePrometheus() {
        assumeTrue(prometheus != null, () -> unavailable().orElse("Prometheus did not start"));
    }

    @AfterAll
    void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @AfterEach
    void healDownstream() throws Exception {
        send("POST", "/chaos", "{\"failureRate\":0.0,\"latencyMs\":0}");
    }

    @Test
    void seesTheCatalogBreakerGoFromClosedToOpenAfterInjectedFailures() throws Exception {
        Instant start = Instant.now();
        // declared under `instances`, the breaker has series before its first call; wait for a sample
        // scraped after `start`, so that the history below holds the closed state
        String closed = "resilience_circuitbreaker_state{" + CATALOG + ", state=\"closed\"}";
        awaitValue(closed + " and timestamp(" + closed + ") > " + start.getEpochSecond(), 1.0);

        assertThat(send("POST", "/chaos", "{\"failureRate\":1.0,\"latencyMs\":0}")).isEqualTo(200);
        // each poll is one call: 502 while the failures reach the downstream, 503 once the breaker is open
        await("the breaker to reject a call").atMost(BOUND).until(() -> send("GET", "/price/sku-1", null) == 503);

        awaitValue("resilience_circuitbreaker_state{" + CATALOG + ", state=\"open\"}", 1.0);
        awaitValue(closed, 0.0);
        List<List<Double>> open = api.history("resilience_circuitbreaker_state{" + CATALOG + ", state=\"open\"}",
                Duration.between(start, Instant.now()).plusSeconds(1));
        assertThat(open).singleElement().satisfies(values -> {
            assertThat(values).as("the samples Prometheus stored since the test began: not open, then open")
                    .startsWith(0.0).endsWith(1.0);
            assertThat(values.subList(values.indexOf(1.0), values.size())).containsOnly(1.0);
        });
        awaitValue("resilience_circuitbreaker_transitions_total{" + CATALOG + ", from=\"closed\", to=\"open\"}", 1.0);
        awaitValue("resilience_circuitbreaker_calls_seconds_count{" + CATALOG + ", kind=\"failed\"}", 5.0);
        awaitValue("resilience_circuitbreaker_not_permitted_calls_total{" + CATALOG + "} >= bool 1", 1.0);
        awaitValue("resilience_circuitbreaker_failure_rate{" + CATALOG + "}", 100.0);
        // the shipped alert matches the real series: pending now, firing after its `for`
        awaitValue("ALERTS{alertname=\"ResilienceCircuitBreakerOpen\", " + CATALOG + ", alertstate=\"pending\"}",
                1.0);
        // the dashboard's state timeline shows OPEN (1)
        String timeline = withVariables(dashboardExpressions().get(0));
        await("the state timeline to show OPEN").atMost(BOUND).untilAsserted(() ->
                assertThat(api.query(timeline)).filteredOn(sample -> "catalog".equals(sample.labels().get("name")))
                        .extracting(Sample::value).containsExactly(1.0));
    }

    @Test
    void evaluatesEveryShippedAlertRuleWithoutError() {
        await("every rule evaluated").atMost(BOUND).untilAsserted(() ->
                assertThat(api.rules()).extracting(Rule::health).containsOnly("ok"));

        assertThat(api.rules()).extracting(Rule::name).containsExactlyInAnyOrder("ResilienceCircuitBreakerOpen",
                "ResilienceCircuitBreakerFlapping", "ResilienceBulkheadSaturated", "ResilienceBulkheadRejections",
                "ResilienceRateLimiterRejections", "ResilienceRetryStorm");
        assertThat(api.rules()).extracting(Rule::lastError).containsOnly("");
    }

    @Test
    void answersEveryDashboardQueryAndReturnsDataWhereTheSeriesExist() throws Exception {
        List<String> expressions = dashboardExpressions();
        assertThat(expressions).hasSizeGreaterThan(10);
        List<String> scraped = api.labelValues("__name__", "{__name__=~\"resilience_.+\"}");
        for (String expression : expressions) {
            String query = withVariables(expression);
            // throws with Prometheus' message if the query is rejected
            api.query(query);
            Set<String> metrics = new HashSet<>();
            Matcher metric = METRIC.matcher(query);
            while (metric.find()) {
                metrics.add(metric.group());
            }
            if (scraped.containsAll(metrics)) {
                await("data for " + query).atMost(BOUND).untilAsserted(() -> assertThat(api.query(query)).isNotEmpty());
            }
        }
    }

    @Test
    void answersTheDashboardVariableQueries() throws Exception {
        JsonNode variables = dashboard().path("templating").path("list");
        List<String> checked = new ArrayList<>();
        for (JsonNode variable : variables) {
            Matcher query = LABEL_VALUES.matcher(variable.path("definition").asString());
            if (query.matches()) {
                String label = query.group(2);
                assertThat(api.labelValues(label, withVariables(query.group(1)))).as(label).isNotEmpty();
                checked.add(label);
            }
        }

        assertThat(checked).containsExactly("job", "instance", "name");
        assertThat(api.labelValues("name", "{__name__=~\"resilience_.+\"}")).contains("catalog");
    }

    private void awaitValue(String promql, double expected) {
        await(promql + " = " + expected).atMost(BOUND).untilAsserted(() ->
                assertThat(api.query(promql)).extracting(Sample::value).containsExactly(expected));
    }

    private int send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + path))
                .timeout(Duration.ofSeconds(10));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode dashboard() throws IOException {
        return JsonMapper.builder().build().readTree(resource("prometheus/resilience-dashboard.json"));
    }

    /** @return every panel query of the shipped dashboard, in panel order */
    private static List<String> dashboardExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard().path("panels")) {
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asString()));
        }
        return expressions;
    }

    /** What Grafana sends with every variable on "All" and a one-minute rate interval. */
    private static String withVariables(String expr) {
        return expr.replace("$__rate_interval", "1m").replaceAll("\\$(job|instance|name)\\b", ".*");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AbstractPrometheusScrapeTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the classpath (from the starter's jar)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
