package dev.resilience.sample.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert rules and the Grafana dashboard as the starter's jar ships them
 * ({@code prometheus/resilience-alerts.yml}, {@code prometheus/resilience-dashboard.json}), read from the
 * classpath.
 */
final class ShippedMonitoring {

    private ShippedMonitoring() {
    }

    /** @return the alert rules file */
    static String alertRules() {
        return resource("prometheus/resilience-alerts.yml");
    }

    /** @return the dashboard */
    static JsonNode dashboard() {
        return JsonMapper.builder().build().readTree(resource("prometheus/resilience-dashboard.json"));
    }

    /** @return every panel query of the dashboard, in panel order, as written (with Grafana variables) */
    static List<String> panelQueries() {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard().path("panels")) {
            panel.path("targets").forEach(target -> queries.add(target.path("expr").asString()));
        }
        return queries;
    }

    /**
     * The first query of a panel, as Grafana sends it with every variable on "All".
     *
     * @param title the panel's title
     * @return the PromQL
     */
    static String panelQuery(String title) {
        for (JsonNode panel : dashboard().path("panels")) {
            if (panel.path("title").asString().equals(title)) {
                return withVariables(panel.path("targets").get(0).path("expr").asString());
            }
        }
        throw new AssertionError("no dashboard panel titled " + title);
    }

    /**
     * What Grafana sends with every variable on "All" and a one-minute rate interval.
     *
     * @param query a dashboard query
     * @return the query Prometheus receives
     */
    static String withVariables(String query) {
        return query.replace("$__rate_interval", "1m").replaceAll("\\$(job|instance|name)\\b", ".*");
    }

    private static String resource(String name) {
        try (InputStream in = ShippedMonitoring.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError(name + " is not on the classpath (it comes from the starter's jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
