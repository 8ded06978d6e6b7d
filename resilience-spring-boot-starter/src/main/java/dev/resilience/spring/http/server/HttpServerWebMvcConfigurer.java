package dev.resilience.spring.http.server;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the interceptor that protects every Spring MVC endpoint with its rate limiter and bulkhead
 * ({@code resilience.http.server}), on every path except the {@code exclude} patterns. An endpoint is an
 * HTTP method and the route template its handler mapping matched ({@code GET /orders/{id}}), so
 * {@code /orders/1} and {@code /orders/2} share one rate limiter and one bulkhead:
 * {@code http-server[GET /orders/{id}]} in the registries. Refused requests get 429 or 503 with
 * {@code Retry-After} and an RFC 9457 problem body; the controller never runs for them.
 *
 * <p>Built once at startup; what it registers is thread safe.
 */
public final class HttpServerWebMvcConfigurer implements WebMvcConfigurer {

    private final HttpServerProperties properties;
    private final EndpointInterceptor interceptor;

    /**
     * @param properties the bound {@code resilience.http.server} properties (already validated by
     *     {@link HttpServerInstances#register})
     * @param rateLimiters the rate limiter registry
     * @param bulkheads the bulkhead registry
     * @param converters the application's HTTP message converters, for problem bodies; asked on the first
     *     refusal
     */
    public HttpServerWebMvcConfigurer(HttpServerProperties properties, InstanceRegistry<RateLimiter> rateLimiters,
            InstanceRegistry<Bulkhead> bulkheads, Supplier<List<HttpMessageConverter<?>>> converters) {
        this.properties = properties;
        EndpointCatalog catalog = new EndpointCatalog(properties.getRatelimiter() != null, properties.getBulkhead() != null,
                endpointsWith(properties, true), endpointsWith(properties, false));
        this.interceptor = new EndpointInterceptor(catalog, rateLimiters, bulkheads, new Rejections(converters),
                properties.getBulkheadRetryAfter());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).excludePathPatterns(properties.getExclude());
    }

    private static Set<String> endpointsWith(HttpServerProperties properties, boolean rateLimiter) {
        Set<String> ids = new HashSet<>();
        properties.getEndpoints().forEach((id, settings) -> {
            if ((rateLimiter ? settings.getRatelimiter() : settings.getBulkhead()) != null) {
                ids.add(id);
            }
        });
        return ids;
    }
}
