package dev.resilience.spring.http.client;

import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.retry.RetryConfig;
import dev.resilience.spring.config.HttpClientProperties;
import dev.resilience.spring.config.LayeredPatternConfigs;
import dev.resilience.spring.config.PatternConfigs;
import java.util.Set;

/**
 * Gives the {@value HttpClientInstances#NAME} instances of the circuit breaker, bulkhead and retry
 * registries their configurations from {@code resilience.http.client.*} (per host), by registering one
 * {@link HostConfigs} per pattern with that pattern's {@link PatternConfigs}. Every section is validated
 * here, at startup. Retries take their {@code max-keys} from the circuit breaker section (a retry has no
 * key bound of its own), so the three instances of a key live and go together.
 */
public final class HttpClientSources {

    private HttpClientSources() {
    }

    /**
     * Computes and registers the configurations.
     *
     * @param properties the {@code resilience.http.client} properties (for the listed hosts)
     * @param breakerLayers the circuit breaker layering, for the sections
     * @param bulkheadLayers the bulkhead layering
     * @param retryLayers the retry layering
     * @param breakerConfigs where the circuit breaker registry takes configurations from
     * @param bulkheadConfigs where the bulkhead registry takes configurations from
     * @param retryConfigs where the retry registry takes configurations from
     * @throws dev.resilience.spring.config.InvalidPropertyException for the first invalid value
     */
    public static void register(HttpClientProperties properties,
            LayeredPatternConfigs<?, CircuitBreakerConfig> breakerLayers,
            LayeredPatternConfigs<?, BulkheadConfig> bulkheadLayers, LayeredPatternConfigs<?, RetryConfig> retryLayers,
            PatternConfigs<CircuitBreakerConfig> breakerConfigs, PatternConfigs<BulkheadConfig> bulkheadConfigs,
            PatternConfigs<RetryConfig> retryConfigs) {
        Set<String> hosts = properties.getHosts().keySet();
        HostConfigs<CircuitBreakerConfig> breakers =
                new HostConfigs<>(breakerLayers, "circuitbreaker", hosts, CircuitBreakerConfig::maxKeys);
        HostConfigs<BulkheadConfig> bulkheads = new HostConfigs<>(bulkheadLayers, "bulkhead", hosts, BulkheadConfig::maxKeys);
        HostConfigs<RetryConfig> retries = new HostConfigs<>(retryLayers, "retry", hosts, retry -> breakers.maxKeys());
        breakerConfigs.registerInstanceSource(HttpClientInstances.NAME, breakers);
        bulkheadConfigs.registerInstanceSource(HttpClientInstances.NAME, bulkheads);
        retryConfigs.registerInstanceSource(HttpClientInstances.NAME, retries);
    }
}
