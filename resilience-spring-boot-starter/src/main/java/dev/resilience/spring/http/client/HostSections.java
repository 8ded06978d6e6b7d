package dev.resilience.spring.http.client;

import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.registry.InstanceId;
import dev.resilience.retry.RetryConfig;
import dev.resilience.spring.config.CircuitBreakerSettings;
import dev.resilience.spring.config.HealthCheckSettings;
import dev.resilience.spring.config.HttpClientProperties;
import dev.resilience.spring.config.InvalidPropertyException;
import dev.resilience.spring.config.PatternConfigs;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gives the {@value HttpClientInstances#NAME} instances of the circuit breaker, bulkhead and retry
 * registries their {@code resilience.http.client} sections as key sections
 * ({@link PatternConfigs#registerKeySections}). A key's configuration is layered, lowest first: built-in
 * defaults, {@code resilience.<pattern>.defaults}, the preset, {@code resilience.<pattern>.instances.http-client},
 * {@code resilience.http.client.<pattern>}, and for a key whose host is listed under
 * {@code resilience.http.client.hosts} (in any case) {@code resilience.http.client.hosts[<host>].<pattern>};
 * the highest layer naming a {@code preset} picks it. An environment refresh recomputes them like any key
 * sections. The listed hosts are those at startup. Stateless.
 */
public final class HostSections {

    private HostSections() {
    }

    /**
     * Registers the sections of every pattern and validates each listed host's, so that an invalid value
     * fails startup even before that host is called.
     *
     * @param properties the {@code resilience.http.client} properties (for the listed hosts)
     * @param breakerConfigs the circuit breaker configurations
     * @param bulkheadConfigs the bulkhead configurations
     * @param retryConfigs the retry configurations
     * @throws dev.resilience.spring.config.InvalidPropertyException naming the yml path and value of the first
     *     invalid setting
     */
    public static void register(HttpClientProperties properties, PatternConfigs<CircuitBreakerConfig> breakerConfigs,
            PatternConfigs<BulkheadConfig> bulkheadConfigs, PatternConfigs<RetryConfig> retryConfigs) {
        // lower-case host -> the host as written in yml, which names its section
        rejectHealthCheck(properties.getCircuitbreaker(), HttpClientProperties.PREFIX + ".circuitbreaker");
        properties.getHosts().forEach((host, settings) -> rejectHealthCheck(settings.getCircuitbreaker(),
                HttpClientProperties.PREFIX + ".hosts[" + host + "].circuitbreaker"));
        Map<String, String> hosts = properties.getHosts().keySet().stream()
                .collect(Collectors.toUnmodifiableMap(host -> host.toLowerCase(Locale.ROOT), host -> host));
        register(breakerConfigs, "circuitbreaker", hosts);
        register(bulkheadConfigs, "bulkhead", hosts);
        register(retryConfigs, "retry", hosts);
    }

    /** A health check is read only under {@code resilience.circuitbreaker.instances.<name>}; here it would be ignored. */
    private static void rejectHealthCheck(CircuitBreakerSettings settings, String sectionPath) {
        HealthCheckSettings healthCheck = settings.getHealthCheck();
        if (healthCheck == null) {
            return;
        }
        String path = sectionPath + ".health-check";
        String key = healthCheck.getUrl() != null ? ".url" : healthCheck.getContributor() != null ? ".contributor" : "";
        Object value = key.isEmpty() ? null : key.equals(".url") ? healthCheck.getUrl() : healthCheck.getContributor();
        throw new InvalidPropertyException(path + key, value,
                "is not read for the outbound HTTP client: a health check belongs to one named circuit breaker, "
                        + "under resilience.circuitbreaker.instances.<name>.health-check", null, null);
    }

    private static void register(PatternConfigs<?> configs, String pattern, Map<String, String> hosts) {
        configs.registerKeySections(HttpClientInstances.NAME, sections(pattern, hosts));
        hosts.keySet().forEach(host -> configs.configFor(new InstanceId(HttpClientInstances.NAME, host)));
    }

    /** The shared section for every key, then the section of the key's host if it is listed. */
    private static Function<String, List<String>> sections(String pattern, Map<String, String> hosts) {
        String shared = HttpClientProperties.PREFIX + "." + pattern;
        return key -> {
            String host = key == null ? null : hosts.get(RequestKeys.hostOf(key).toLowerCase(Locale.ROOT));
            return host == null ? List.of(shared)
                    : List.of(shared, HttpClientProperties.PREFIX + ".hosts[" + host + "]." + pattern);
        };
    }
}
