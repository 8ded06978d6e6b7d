package dev.resilience.spring.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.spring.monitoring.Promtool.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules shipped in the jar: promtool accepts them, and the unit tests beside them (which feed
 * every alert series it must fire on and series it must ignore) pass. Skipped without promtool.
 */
class ResilienceAlertRulesTests {

    private static final Path RULES = Path.of("src/main/resources/prometheus/resilience-alerts.yml");

    private static final Path RULE_TESTS = Path.of("src/test/prometheus/resilience-alerts.test.yml");

    @Test
    void rulesAreShippedInTheJar() throws Exception {
        try (InputStream rules = getClass().getClassLoader().getResourceAsStream("prometheus/resilience-alerts.yml")) {
            assertThat(rules).as("prometheus/resilience-alerts.yml on the classpath").isNotNull();
        }
    }

    @Test
    void everyAlertHasAUnitTestInWhichItFiresAndOneInWhichItStaysSilent() throws Exception {
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> group : list(yaml(RULES).get("groups"))) {
            for (Map<String, Object> rule : list(group.get("rules"))) {
                alerts.add((String) rule.get("alert"));
            }
        }
        Set<String> fires = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (Map<String, Object> test : list(yaml(RULE_TESTS).get("tests"))) {
            for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
                String alert = (String) check.get("alertname");
                (list(check.get("exp_alerts")).isEmpty() ? silent : fires).add(alert);
            }
        }

        assertThat(alerts).containsExactly("ResilienceBulkheadRejections", "ResilienceBulkheadSaturated",
                "ResilienceCircuitBreakerFlapping", "ResilienceCircuitBreakerOpen", "ResilienceRateLimiterRejections",
                "ResilienceRetryStorm");
        assertThat(fires).as("alerts with a test in which they fire").isEqualTo(alerts);
        assertThat(silent).as("alerts with a test in which they stay silent").isEqualTo(alerts);
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Result result = Promtool.required().run("check", "rules", RULES.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 6 rules found");
    }

    @Test
    void everyAlertFiresOnItsSeriesAndStaysSilentOtherwise() throws Exception {
        Result result = Promtool.required().run("test", "rules", RULE_TESTS.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
