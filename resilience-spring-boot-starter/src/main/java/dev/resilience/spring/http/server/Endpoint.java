package dev.resilience.spring.http.server;

/**
 * One protected endpoint: its id ({@code METHOD /route/{template}}, the key of its instances in the
 * registries) and which patterns protect it. Immutable.
 *
 * @param id the endpoint id, such as {@code GET /orders/{id}}
 * @param rateLimited whether a rate limiter admits its requests
 * @param bulkheaded whether a bulkhead bounds its concurrent requests
 */
record Endpoint(String id, boolean rateLimited, boolean bulkheaded) {

    /** @return whether any pattern protects the endpoint */
    boolean protectedByAny() {
        return rateLimited || bulkheaded;
    }
}
