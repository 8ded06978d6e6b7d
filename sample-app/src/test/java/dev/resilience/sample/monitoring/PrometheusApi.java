package dev.resilience.sample.monitoring;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of Prometheus' HTTP API ({@code /api/v1}) the scrape tests use. Every call fails with
 * Prometheus' own error message when Prometheus answers {@code "status": "error"}.
 */
final class PrometheusApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI uri;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    PrometheusApi(URI uri) {
        this.uri = uri;
    }

    /**
     * An instant query, evaluated now.
     *
     * @param promql the query
     * @return the samples (empty when no series matches)
     */
    List<Sample> query(String promql) {
        JsonNode data = get("/api/v1/query?query=" + encode(promql));
        List<Sample> samples = new ArrayList<>();
        if (data.path("resultType").asString().equals("scalar")) {
            samples.add(new Sample(Map.of(), number(data.path("result").get(1))));
            return samples;
        }
        for (JsonNode series : data.path("result")) {
            samples.add(new Sample(labels(series), number(series.path("value").get(1))));
        }
        return samples;
    }

    /**
     * The raw samples Prometheus stored in the last {@code window} (the range vector
     * <code>selector[window]</code>), without evaluation steps in between.
     *
     * @param selector a series selector
     * @param window how far back
     * @return per matching series its stored values, oldest first
     */
    List<List<Double>> history(String selector, Duration window) {
        JsonNode data = get("/api/v1/query?query=" + encode(selector + "[" + window.toSeconds() + "s]"));
        List<List<Double>> series = new ArrayList<>();
        for (JsonNode one : data.path("result")) {
            List<Double> values = new ArrayList<>();
            one.path("values").forEach(point -> values.add(number(point.get(1))));
            series.add(values);
        }
        return series;
    }

    /**
     * The values of a label, as Grafana's {@code label_values(selector, label)} asks for them.
     *
     * @param label the label, such as {@code job} or {@code __name__}
     * @param selector only series that match, such as <code>{__name__=~"resilience_.+"}</code>
     * @return the values
     */
    List<String> labelValues(String label, String selector) {
        List<String> values = new ArrayList<>();
        get("/api/v1/label/" + label + "/values?match[]=" + encode(selector))
                .forEach(value -> values.add(value.asString()));
        return values;
    }

    /** @return the alerting and recording rules Prometheus loaded, with their evaluation health */
    List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode group : get("/api/v1/rules").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.add(new Rule(rule.path("name").asString(), rule.path("health").asString(),
                        rule.path("lastError").asString("")));
            }
        }
        return rules;
    }

    private JsonNode get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(uri.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + request.uri(), e);
        }
        JsonNode body = JSON.readTree(response.body());
        if (!body.path("status").asString().equals("success")) {
            throw new AssertionError("Prometheus answered " + response.statusCode() + " to GET "
                    + request.uri() + ": " + body.path("errorType").asString() + ": " + body.path("error").asString());
        }
        return body.path("data");
    }

    private static Map<String, String> labels(JsonNode series) {
        Map<String, String> labels = new LinkedHashMap<>();
        series.path("metric").properties().forEach(label -> labels.put(label.getKey(), label.getValue().asString()));
        return labels;
    }

    private static double number(JsonNode value) {
        return switch (value.asString()) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value.asString());
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * One sample of an instant query.
     *
     * @param labels the series' labels
     * @param value its value ({@code NaN} as Prometheus renders it)
     */
    record Sample(Map<String, String> labels, double value) {
    }

    /**
     * One loaded rule.
     *
     * @param name the alert or recorded series name
     * @param health {@code ok}, {@code err} or {@code unknown} (not evaluated yet)
     * @param lastError the error of the last evaluation, empty if none
     */
    record Rule(String name, String health, String lastError) {
    }
}
