package dev.resilience.sample.monitoring;

import static dev.resilience.sample.monitoring.ShippedMonitoring.panelQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resilience.sample.monitoring.PrometheusApi.Rule;
import dev.resilience.sample.monitoring.PrometheusApi.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

/**
 * A real Prometheus scrapes the running sample app every second, with the starter's alert rules loaded,
 * and the tests ask it questions through its HTTP API, as a dashboard or an alert would. Subclasses say
 * how Prometheus runs (its binary, or a container). The app listens on 127.0.0.1 only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        // the breaker opens on the 5th failed call and stays open for the whole test
        "resilience.circuitbreaker.instances.catalog.minimum-number-of-calls=5",
        "resilience.circuitbreaker.instances.catalog.failure-rate-threshold=50",
        "resilience.circuitbreaker.instances.catalog.wait-duration-in-open-state=5m",
        // two report calls at a time, none queued
        "resilience.bulkhead.instances.report.max-concurrent-calls=2",
        "resilience.bulkhead.instances.report.max-queue-size=0",
        // three searches per minute, so that the test's burst cannot straddle two periods
        "resilience.ratelimiter.instances.search.limit-for-period=3",
        "resilience.ratelimiter.instances.search.limit-refresh-period=1m",
        "resilience.ratelimiter.instances.search.timeout-duration=0s",
        // every failed recommendation makes two quick retries
        "resilience.retry.instances.recommendations.max-attempts=3",
        "resilience.retry.instances.recommendations.wait-duration=10ms",
        // the failures these tests inject across call sites, on real time, would also open the outbound
        // client's per-host breaker and keep later tests' calls from the downstream; OutboundBreakerTests covers it
        "resilience.http.client.enabled=false" })
@AutoConfigureMetrics
// each subclass opens the catalog breaker, so each gets an app of its own
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@TestInstance(Lifecycle.PER_CLASS)
abstract class AbstractPrometheusScrapeTests {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private static final Pattern METRIC = Pattern.compile("\\bresilience_[a-z_]+");

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+), *(\\w+)\\)");

    private static final String CATALOG = "job=\"sample-app\", name=\"catalog\"";

    private static final String REPORT = "job=\"sample-app\", name=\"report\"";

    private static final String SEARCH = "job=\"sample-app\", name=\"search\"";

    private static final String RECOMMENDATIONS = "job=\"sample-app\", name=\"recommendations\"";

    private static final String SLOW = "job=\"sample-app\", name=\"slow\"";

    @LocalServerPort
    private int appPort;

    private SampleAppClient app;

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
        app = new SampleAppClient(appPort);
        if (unavailable().isPresent()) {
            return;
        }
        prometheus = startPrometheus(appPort, ShippedMonitoring.alertRules());
        api = new PrometheusApi(prometheus.uri());
        awaitValue("up{job=\"sample-app\"}", 1.0);
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
        app.chaos(0, 0);
    }

    @Test
    void seesTheCatalogBreakerGoFromClosedToOpenAfterInjectedFailures() throws Exception {
        Instant start = Instant.now();
        // declared under `instances`, the breaker has series before its first call; wait for a sample
        // scraped after `start`, so that the history below holds the closed state
        String closed = "resilience_circuitbreaker_state{" + CATALOG + ", state=\"closed\"}";
        awaitValue(closed + " and timestamp(" + closed + ") > " + start.getEpochSecond(), 1.0);

        assertThat(app.chaos(1.0, 0)).isEqualTo(200);
        // each poll is one call: 502 while the failures reach the downstream, 503 once the breaker is open
        await("the breaker to reject a call").atMost(BOUND).until(() -> app.get("/price/sku-1") == 503);

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
        awaitValue("ALERTS{alertname=\"ResilienceCircuitBreakerOpen\", " + CATALOG + ", alertstate=\"pending\"}", 1.0);
        awaitValue(panelQuery("Circuit breaker state"), "catalog", 1.0);
    }

    @Test
    void seesTheReportBulkheadFillUpAndReject() throws Exception {
        awaitValue("resilience_bulkhead_max_concurrent_calls{" + REPORT + "}", 2.0);
        awaitValue("resilience_bulkhead_active_calls{" + REPORT + "}", 0.0);

        // two slow reports hold both permits for 10 s, long enough for several scrapes and rule evaluations
        assertThat(app.chaos(0, 10_000)).isEqualTo(200);
        List<CompletableFuture<Integer>> held = List.of(app.getAsync("/report?id=a"), app.getAsync("/report?id=b"));
        awaitValue("resilience_bulkhead_active_calls{" + REPORT + "}", 2.0);
        assertThat(app.get("/report?id=c")).as("a third report while both permits are held").isEqualTo(503);

        awaitValue("resilience_bulkhead_rejected_calls_total{" + REPORT + ", reason=\"queue_full\"}", 1.0);
        awaitValue("resilience_bulkhead_rejected_calls_total{" + REPORT + ", reason=\"queue_timeout\"}", 0.0);
        awaitValue(panelQuery("Bulkhead utilisation"), "report", 1.0);
        awaitValue("ALERTS{alertname=\"ResilienceBulkheadSaturated\", " + REPORT + ", alertstate=\"pending\"}", 1.0);
        awaitValue("ALERTS{alertname=\"ResilienceBulkheadRejections\", " + REPORT + ", alertstate=\"pending\"}", 1.0);
        for (CompletableFuture<Integer> report : held) {
            assertThat(report.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(200);
        }
        awaitValue("resilience_bulkhead_active_calls{" + REPORT + "}", 0.0);
    }

    @Test
    void seesTheSearchRateLimiterReject() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(app.get("/search?q=tea"));
        }
        assertThat(statuses).as("three searches a minute").containsOnly(200, 429);

        awaitValue("resilience_ratelimiter_calls_total{" + SEARCH + ", kind=\"permitted\"}",
                Collections.frequency(statuses, 200));
        awaitValue("resilience_ratelimiter_calls_total{" + SEARCH + ", kind=\"rejected\"}",
                Collections.frequency(statuses, 429));
        awaitValue("ALERTS{alertname=\"ResilienceRateLimiterRejections\", " + SEARCH + ", alertstate=\"pending\"}",
                1.0);
        String calls = panelQuery("Rate limiter calls");
        await("the dashboard to chart permitted and rejected searches").atMost(BOUND).untilAsserted(() ->
                assertThat(api.query(calls)).filteredOn(sample -> "search".equals(sample.labels().get("name")))
                        .hasSize(2).allSatisfy(sample -> assertThat(sample.value()).isPositive()));
    }

    @Test
    void seesRetriesOfFailingRecommendationsAsARetryStorm() throws Exception {
        assertThat(app.chaos(1.0, 0)).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            // three attempts fail, then the fallback answers
            assertThat(app.get("/recommendations?customer=c" + i)).isEqualTo(200);
        }

        awaitValue("resilience_retry_calls_total{" + RECOMMENDATIONS + ", kind=\"failed_with_retry\"}", 4.0);
        awaitValue("resilience_retry_calls_total{" + RECOMMENDATIONS + ", kind=\"successful_without_retry\"}", 0.0);
        awaitValue("resilience_retry_attempts_total{" + RECOMMENDATIONS + "}", 8.0);
        awaitValue("round(" + panelQuery("Retries per call") + ", 0.001)", "recommendations", 2.0);
        awaitValue("ALERTS{alertname=\"ResilienceRetryStorm\", " + RECOMMENDATIONS + ", alertstate=\"pending\"}", 1.0);
    }

    @Test
    void seesEveryTimeoutOutcomeOnItsOwnSeries() throws Exception {
        assertThat(app.get("/slow")).as("in time").isEqualTo(200);
        assertThat(app.get("/slow")).as("in time").isEqualTo(200);
        assertThat(app.chaos(0, 2_000)).isEqualTo(200);
        assertThat(app.get("/slow")).as("past the 500 ms timeout").isEqualTo(504);
        assertThat(app.chaos(1.0, 0)).isEqualTo(200);
        assertThat(app.get("/slow")).as("failed before the deadline").isEqualTo(502);
        assertThat(app.get("/slow")).as("failed before the deadline").isEqualTo(502);

        awaitValue("resilience_timeout_calls_total{" + SLOW + ", kind=\"successful\"}", 2.0);
        awaitValue("resilience_timeout_calls_total{" + SLOW + ", kind=\"timed_out\"}", 1.0);
        awaitValue("resilience_timeout_calls_total{" + SLOW + ", kind=\"failed\"}", 2.0);
        awaitValue("round(" + panelQuery("Timed-out share") + ", 0.001)", "slow", 0.2);
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
    void answersEveryDashboardQueryAndReturnsDataWhereTheSeriesExist() {
        List<String> queries = ShippedMonitoring.panelQueries();
        assertThat(queries).hasSizeGreaterThan(10);
        List<String> scraped = api.labelValues("__name__", "{__name__=~\"resilience_.+\"}");
        for (String panelQuery : queries) {
            String query = ShippedMonitoring.withVariables(panelQuery);
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
    void answersTheDashboardVariableQueries() {
        List<String> checked = new ArrayList<>();
        for (JsonNode variable : ShippedMonitoring.dashboard().path("templating").path("list")) {
            Matcher query = LABEL_VALUES.matcher(variable.path("definition").asString());
            if (query.matches()) {
                String label = query.group(2);
                assertThat(api.labelValues(label, ShippedMonitoring.withVariables(query.group(1)))).as(label)
                        .isNotEmpty();
                checked.add(label);
            }
        }

        assertThat(checked).containsExactly("job", "instance", "name");
        assertThat(api.labelValues("name", "{__name__=~\"resilience_.+\"}")).contains("catalog", "report", "search",
                "recommendations", "slow");
    }

    private void awaitValue(String promql, double expected) {
        await(promql + " = " + expected).atMost(BOUND).untilAsserted(() ->
                assertThat(api.query(promql)).extracting(Sample::value).containsExactly(expected));
    }

    private void awaitValue(String promql, String name, double expected) {
        await(promql + " = " + expected + " for " + name).atMost(BOUND).untilAsserted(() ->
                assertThat(api.query(promql)).filteredOn(sample -> name.equals(sample.labels().get("name")))
                        .extracting(Sample::value).containsExactly(expected));
    }
}
