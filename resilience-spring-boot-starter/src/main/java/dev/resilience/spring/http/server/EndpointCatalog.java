package dev.resilience.spring.http.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Resolves a request's HTTP method and matched route template to its {@link Endpoint}, once per pair:
 * afterwards a lookup is one map read and one array read, with no allocation. Route templates come from
 * the application's handler mappings, so the cache is bounded by its routes; HTTP methods outside the
 * standard eight share the id {@code OTHER <template>}, so that clients cannot grow it with made-up methods.
 *
 * <p>Thread safe. Two threads resolving the same pair at once may both build it; both results are equal
 * and either may stay, so no lock is needed.
 */
final class EndpointCatalog {

    private static final String[] METHODS = { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "OTHER" };
    private static final int OTHER = METHODS.length - 1;

    private final boolean rateLimitedEverywhere;
    private final boolean bulkheadedEverywhere;
    private final Set<String> rateLimitedEndpoints;
    private final Set<String> bulkheadedEndpoints;
    private final ConcurrentHashMap<String, AtomicReferenceArray<Endpoint>> byTemplate = new ConcurrentHashMap<>();

    /**
     * @param rateLimitedEverywhere whether every endpoint has a rate limiter
     * @param bulkheadedEverywhere whether every endpoint has a bulkhead
     * @param rateLimitedEndpoints ids of endpoints with a rate limiter section of their own
     * @param bulkheadedEndpoints ids of endpoints with a bulkhead section of their own
     */
    EndpointCatalog(boolean rateLimitedEverywhere, boolean bulkheadedEverywhere, Set<String> rateLimitedEndpoints,
            Set<String> bulkheadedEndpoints) {
        this.rateLimitedEverywhere = rateLimitedEverywhere;
        this.bulkheadedEverywhere = bulkheadedEverywhere;
        this.rateLimitedEndpoints = Set.copyOf(rateLimitedEndpoints);
        this.bulkheadedEndpoints = Set.copyOf(bulkheadedEndpoints);
    }

    /**
     * @param method the request's HTTP method
     * @param template the route template the handler mapping matched
     * @return the endpoint, the same object for a pair once resolved
     */
    Endpoint endpoint(String method, String template) {
        AtomicReferenceArray<Endpoint> byMethod = byTemplate.get(template);
        if (byMethod == null) {
            byMethod = byTemplate.computeIfAbsent(template, t -> new AtomicReferenceArray<>(METHODS.length));
        }
        int index = methodIndex(method);
        Endpoint endpoint = byMethod.get(index);
        if (endpoint == null) {
            endpoint = resolve(METHODS[index] + " " + template);
            byMethod.set(index, endpoint);
        }
        return endpoint;
    }

    private Endpoint resolve(String id) {
        return new Endpoint(id, rateLimitedEverywhere || rateLimitedEndpoints.contains(id),
                bulkheadedEverywhere || bulkheadedEndpoints.contains(id));
    }

    /** Whether {@code method} is one of the methods an endpoint id may start with. */
    static boolean isKnownMethod(String method) {
        for (String known : METHODS) {
            if (known.equals(method)) {
                return true;
            }
        }
        return false;
    }

    private static int methodIndex(String method) {
        return switch (method) {
            case "GET" -> 0;
            case "HEAD" -> 1;
            case "POST" -> 2;
            case "PUT" -> 3;
            case "PATCH" -> 4;
            case "DELETE" -> 5;
            case "OPTIONS" -> 6;
            case "TRACE" -> 7;
            default -> OTHER;
        };
    }
}
