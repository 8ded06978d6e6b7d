package dev.resilience.sample;

import dev.resilience.CircuitBreakerOpenException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shop's public API; every answer comes from the protected {@link CatalogService}. */
@RestController
class ShopController {

    private final CatalogService catalog;

    ShopController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/price/{sku}")
    Map<String, String> price(@PathVariable String sku) {
        return Map.of("sku", sku, "price", catalog.price(sku));
    }

    @GetMapping("/stock/{sku}")
    Map<String, String> stock(@PathVariable String sku, @RequestParam(defaultValue = "north") String warehouse) {
        return Map.of("sku", sku, "warehouse", warehouse, "stock", catalog.stock(warehouse, sku));
    }

    @ExceptionHandler(CircuitBreakerOpenException.class)
    ResponseEntity<Map<String, String>> open(CircuitBreakerOpenException e) {
        long seconds = Math.max(1, (e.getRemainingWait().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Map.of("error", "circuit breaker " + e.getName() + " is " + e.getState()));
    }

    @ExceptionHandler(DownstreamException.class)
    ResponseEntity<Map<String, String>> downstream(DownstreamException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", e.getMessage()));
    }
}
