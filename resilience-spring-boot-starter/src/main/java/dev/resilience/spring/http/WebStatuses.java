package dev.resilience.spring.http;

import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.client.RestClientResponseException;

/** spring-web types; loaded only when spring-web is on the classpath. */
final class WebStatuses {

    private WebStatuses() {
    }

    static int statusOf(Object resultOrException) {
        if (resultOrException instanceof ResponseEntity<?> entity) {
            return entity.getStatusCode().value();
        }
        if (resultOrException instanceof RestClientResponseException exception) {
            return exception.getStatusCode().value();
        }
        if (resultOrException instanceof ErrorResponse errorResponse) {
            return errorResponse.getStatusCode().value();
        }
        return -1;
    }
}
