package dev.resilience.sample;

import dev.resilience.TimeoutExceededException;
import dev.resilience.sample.RecommendationService.Recommendations;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /recommendations} (retry, then fallback) and {@code GET /slow} (timeout). A timeout answers
 * 504, a downstream failure that got through 502.
 */
@RestController
class RetryTimeoutController {

    private final RecommendationService recommendations;
    private final SlowReportService reports;

    RetryTimeoutController(RecommendationService recommendations, SlowReportService reports) {
        this.recommendations = recommendations;
        this.reports = reports;
    }

    @GetMapping("/recommendations")
    Recommendations recommendations(@RequestParam(defaultValue = "guest") String customer) {
        return recommendations.forCustomer(customer);
    }

    @GetMapping("/slow")
    Map<String, String> slow() {
        return Map.of("report", reports.report());
    }

    @ExceptionHandler(TimeoutExceededException.class)
    ResponseEntity<Map<String, String>> timedOut(TimeoutExceededException e) {
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
                .body(Map.of("error", "timeout " + e.getName() + " expired after " + e.getTimeout().toMillis() + " ms"));
    }

    @ExceptionHandler(DownstreamException.class)
    ResponseEntity<Map<String, String>> downstream(DownstreamException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", e.getMessage()));
    }
}
