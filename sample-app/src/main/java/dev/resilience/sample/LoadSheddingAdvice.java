package dev.resilience.sample;

import dev.resilience.BulkheadFullException;
import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.RateLimitExceededException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns local overload into HTTP answers for every controller: a full bulkhead is the server's own
 * capacity, so 503 Service Unavailable; an exceeded rate limit is the client's pace, so 429 Too Many
 * Requests. An open circuit breaker that no controller handles itself (the outbound client's
 * {@code http-client[127.0.0.1]}, under {@code /recommendations} or {@code /slow}) is 503 as well. All carry
 * {@code Retry-After} in whole seconds, rounded up.
 */
@RestControllerAdvice
class LoadSheddingAdvice {

    @ExceptionHandler(BulkheadFullException.class)
    ResponseEntity<Map<String, String>> bulkheadFull(BulkheadFullException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Map.of("error", "bulkhead " + e.getName() + " is full", "reason", e.getReason().name()));
    }

    @ExceptionHandler(RateLimitExceededException.class)
    ResponseEntity<Map<String, String>> rateLimited(RateLimitExceededException e) {
        long seconds = Math.max(1, (e.getRetryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Map.of("error", "rate limit of " + e.getName() + " exceeded"));
    }

    @ExceptionHandler(CircuitBreakerOpenException.class)
    ResponseEntity<Map<String, String>> breakerOpen(CircuitBreakerOpenException e) {
        long seconds = Math.max(1, (e.getRemainingWait().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Map.of("error", "circuit breaker " + e.getName() + " is " + e.getState()));
    }
}
