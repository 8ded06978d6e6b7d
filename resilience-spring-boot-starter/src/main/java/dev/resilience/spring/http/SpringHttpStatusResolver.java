package dev.resilience.spring.http;

import dev.resilience.circuitbreaker.StatusResolver;
import org.springframework.util.ClassUtils;

/**
 * Finds the HTTP status Spring's HTTP types carry, for the circuit breaker's {@code failure-status-codes}:
 * <ul>
 * <li>a returned {@code ResponseEntity};</li>
 * <li>a thrown {@code RestClientResponseException} ({@code RestClient}, {@code RestTemplate}) or
 *     {@code ErrorResponse} (such as {@code ResponseStatusException}), when spring-web is present;</li>
 * <li>a thrown {@code WebClientResponseException}, when spring-webflux is present.</li>
 * </ul>
 * Anything else gives -1 (no status). Both libraries are optional: which are present is decided once,
 * in the constructor, and a missing one is never touched (its types live in holder classes that are only
 * loaded when it is present).
 *
 * <p>Thread safe, lock free and allocation free: each check is an {@code instanceof} and a field read.
 */
public final class SpringHttpStatusResolver implements StatusResolver {

    private static final String SPRING_WEB = "org.springframework.web.client.RestClientResponseException";
    private static final String SPRING_WEBFLUX = "org.springframework.web.reactive.function.client.WebClientResponseException";

    private final boolean web;
    private final boolean webflux;

    /**
     * Creates a resolver for the types the class loader can see.
     *
     * @param classLoader the application's class loader
     */
    public SpringHttpStatusResolver(ClassLoader classLoader) {
        this.web = ClassUtils.isPresent(SPRING_WEB, classLoader);
        this.webflux = ClassUtils.isPresent(SPRING_WEBFLUX, classLoader);
    }

    @Override
    public int statusOf(Object resultOrException) {
        if (resultOrException == null) {
            return -1;
        }
        if (web) {
            int status = WebStatuses.statusOf(resultOrException);
            if (status != -1) {
                return status;
            }
        }
        return webflux ? WebClientStatuses.statusOf(resultOrException) : -1;
    }

    @Override
    public String toString() {
        return "SpringHttpStatusResolver[spring-web=" + web + ", spring-webflux=" + webflux + "]";
    }
}
