package dev.resilience.spring.http.server;

import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.registry.InstanceId;
import dev.resilience.spring.config.InvalidPropertyException;
import dev.resilience.spring.config.PatternConfigs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The instances behind inbound HTTP protection: in the bulkhead and rate limiter registries, the keyed
 * instances of the name {@value #NAME}, one per endpoint id ({@code http-server[GET /orders/{id}]}), so that
 * the Actuator endpoint, health and metrics (tag {@code key}) show them and {@code max-keys} bounds them.
 *
 * <p>An endpoint's configuration is layered, lowest first: built-in defaults,
 * {@code resilience.<pattern>.defaults}, the preset, {@code resilience.<pattern>.instances.http-server},
 * {@code resilience.http.server.<pattern>}, {@code resilience.http.server.endpoints[<id>].<pattern>}; the
 * highest layer naming a {@code preset} picks it. Stateless.
 */
public final class HttpServerInstances {

    /** The instance name of every endpoint's bulkhead and rate limiter; the endpoint id is the key. */
    public static final String NAME = "http-server";

    private static final Pattern ENDPOINT_ID = Pattern.compile("([A-Z]+) (/\\S*)");

    private HttpServerInstances() {
    }

    /**
     * Gives the {@value #NAME} instances of both patterns their {@code resilience.http.server} sections and
     * validates every section the user wrote (endpoint ids and {@code bulkhead-retry-after} included), so
     * that a bad value fails startup.
     *
     * @param properties the bound {@code resilience.http.server} properties
     * @param bulkheadConfigs the bulkhead configurations
     * @param rateLimiterConfigs the rate limiter configurations
     * @throws InvalidPropertyException naming the yml path and the value of the first invalid setting
     */
    public static void register(HttpServerProperties properties, PatternConfigs<BulkheadConfig> bulkheadConfigs,
            PatternConfigs<RateLimiterConfig> rateLimiterConfigs) {
        Duration retryAfter = properties.getBulkheadRetryAfter();
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            throw new InvalidPropertyException(HttpServerProperties.PREFIX + ".bulkhead-retry-after", retryAfter,
                    "must be a duration greater than zero such as \"1s\"", null, null);
        }
        Map<String, HttpServerProperties.EndpointSettings> endpoints = properties.getEndpoints();
        endpoints.keySet().forEach(HttpServerInstances::checkEndpointId);
        bulkheadConfigs.registerKeySections(NAME, sections("bulkhead", key -> endpoints.get(key) != null
                && endpoints.get(key).getBulkhead() != null));
        rateLimiterConfigs.registerKeySections(NAME, sections("ratelimiter", key -> endpoints.get(key) != null
                && endpoints.get(key).getRatelimiter() != null));
        endpoints.forEach((id, settings) -> {
            if (settings.getBulkhead() != null) {
                bulkheadConfigs.configFor(new InstanceId(NAME, id));
            }
            if (settings.getRatelimiter() != null) {
                rateLimiterConfigs.configFor(new InstanceId(NAME, id));
            }
        });
    }

    /**
     * The sections of a key: the one for every endpoint, then the endpoint's own if it has one (an id
     * without a section of its own is never turned into a property name).
     */
    private static Function<String, List<String>> sections(String pattern, Predicate<String> hasOwnSection) {
        String everyEndpoint = HttpServerProperties.PREFIX + "." + pattern;
        return key -> key != null && hasOwnSection.test(key)
                ? List.of(everyEndpoint, HttpServerProperties.PREFIX + ".endpoints[" + key + "]." + pattern)
                : List.of(everyEndpoint);
    }

    private static void checkEndpointId(String id) {
        var matcher = ENDPOINT_ID.matcher(id);
        if (!matcher.matches() || !EndpointCatalog.isKnownMethod(matcher.group(1))) {
            throw new InvalidPropertyException(HttpServerProperties.PREFIX + ".endpoints[" + id + "]", id,
                    "must be an HTTP method (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE or OTHER), one space"
                            + " and a route template as Spring MVC matches it, such as 'GET /orders/{id}'", null, null);
        }
    }
}
