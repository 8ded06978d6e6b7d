package dev.resilience.spring.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.spring.monitoring.Promtool.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard shipped in the jar beside the alert rules: valid JSON, a Prometheus data source
 * chosen by a variable, a panel for every metric of the contract, and every query valid PromQL (checked by
 * promtool; the scrape test in the sample app also runs each one against a live Prometheus).
 */
class ResilienceDashboardTests {

    private static final String DASHBOARD = "prometheus/resilience-dashboard.json";

    private static final Pattern METRIC = Pattern.compile("\\bresilience_[a-z_]+");

    /** Every meter of SPEC §6 under its Prometheus name (timers as their count series). */
    private static final List<String> CONTRACT_SERIES = List.of(
            "resilience_circuitbreaker_state",
            "resilience_circuitbreaker_calls_seconds_count",
            "resilience_circuitbreaker_slow_calls_total",
            "resilience_circuitbreaker_not_permitted_calls_total",
            "resilience_circuitbreaker_failure_rate",
            "resilience_circuitbreaker_slow_call_rate",
            "resilience_circuitbreaker_transitions_total",
            "resilience_bulkhead_active_calls",
            "resilience_bulkhead_queued_calls",
            "resilience_bulkhead_max_concurrent_calls",
            "resilience_bulkhead_rejected_calls_total",
            "resilience_bulkhead_queue_wait_seconds_count",
            "resilience_retry_calls_total",
            "resilience_retry_attempts_total",
            "resilience_timeout_calls_total",
            "resilience_ratelimiter_calls_total",
            "resilience_ratelimiter_available_permits");

    private final JsonNode dashboard = read();

    private static JsonNode read() {
        try (InputStream json = ResilienceDashboardTests.class.getClassLoader().getResourceAsStream(DASHBOARD)) {
            assertThat(json).as(DASHBOARD + " on the classpath").isNotNull();
            return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void isADashboardWithAStableUidAndADataSourceVariable() {
        assertThat(dashboard.path("uid").asString()).isEqualTo("resilience-overview");
        assertThat(dashboard.path("title").asString()).isEqualTo("Resilience");
        assertThat(dashboard.path("id").isNull()).as("id is null, so the dashboard imports anywhere").isTrue();
        List<String> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(variable -> variables.add(variable.path("name").asString()));
        assertThat(variables).containsExactly("datasource", "job", "instance", "name");
        assertThat(dashboard.path("templating").path("list").get(0).path("query").asString()).isEqualTo("prometheus");
    }

    @Test
    void everyPanelHasAUniqueIdAndQueriesTheChosenPrometheus() {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique id of " + panel.path("title")).isTrue();
            if (panel.path("type").asString().equals("row")) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                    .isEqualTo("${datasource}");
            assertThat(panel.path("targets").isEmpty()).as(panel.path("title").asString()).isFalse();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asString()).as(panel.path("title").asString()).isNotBlank();
            }
        }
    }

    @Test
    void showsEveryStateOfEveryBreakerOnAStateTimeline() {
        JsonNode timeline = panels().stream().filter(panel -> panel.path("type").asString().equals("state-timeline"))
                .findFirst().orElseThrow(() -> new AssertionError("no state-timeline panel"));
        List<String> texts = new ArrayList<>();
        timeline.path("fieldConfig").path("defaults").path("mappings").get(0).path("options")
                .forEach(option -> texts.add(option.path("text").asString()));

        assertThat(timeline.path("targets").get(0).path("expr").asString()).contains("resilience_circuitbreaker_state");
        assertThat(texts).containsExactly("CLOSED", "OPEN", "HALF_OPEN", "FORCED_OPEN", "DISABLED");
    }

    @Test
    void chartsEveryMetricOfTheContract() {
        Set<String> used = new HashSet<>();
        for (String expr : expressions()) {
            Matcher metric = METRIC.matcher(expr);
            while (metric.find()) {
                used.add(metric.group());
            }
        }

        assertThat(used).containsAll(CONTRACT_SERIES);
        assertThat(CONTRACT_SERIES).as("every series the dashboard reads is in the contract")
                .containsAll(used.stream().map(name -> name.replace("_seconds_sum", "_seconds_count")).toList());
    }

    @Test
    void everyQueryIsValidPromQl(@TempDir Path dir) throws Exception {
        Promtool promtool = Promtool.required();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        List<String> expressions = expressions();
        for (int i = 0; i < expressions.size(); i++) {
            rules.append("      - record: dashboard_query_").append(i).append('\n')
                    .append("        expr: '").append(withVariables(expressions.get(i)).replace("'", "''"))
                    .append("'\n");
        }
        Path file = Files.writeString(dir.resolve("dashboard-queries.yml"), rules);

        Result result = promtool.run("check", "rules", file.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + expressions.size() + " rules found");
    }

    private List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);
        return panels;
    }

    private List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asString()));
        }
        return expressions;
    }

    /** What Grafana sends with every variable on "All" and a one-minute rate interval. */
    private static String withVariables(String expr) {
        return expr.replace("$__rate_interval", "1m").replaceAll("\\$(job|instance|name)\\b", ".*");
    }
}
