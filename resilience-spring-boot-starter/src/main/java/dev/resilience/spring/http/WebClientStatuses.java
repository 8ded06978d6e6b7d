package dev.resilience.spring.http;

import org.springframework.web.reactive.function.client.WebClientResponseException;

/** spring-webflux types; loaded only when spring-webflux is on the classpath. */
final class WebClientStatuses {

    private WebClientStatuses() {
    }

    static int statusOf(Object resultOrException) {
        if (resultOrException instanceof WebClientResponseException exception) {
            return exception.getStatusCode().value();
        }
        return -1;
    }
}
