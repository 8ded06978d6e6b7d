package dev.resilience.sample;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Lets a person make the downstream fail or slow down: {@code POST /chaos {"failureRate":1.0,"latencyMs":0}}. */
@RestController
class ChaosController {

    private final FlakyDownstream downstream;

    ChaosController(FlakyDownstream downstream) {
        this.downstream = downstream;
    }

    @GetMapping("/chaos")
    Map<String, Object> get() {
        Chaos chaos = downstream.chaos();
        return Map.of("failureRate", chaos.failureRate(), "latencyMs", chaos.latencyMs(),
                "downstreamCalls", downstream.calls());
    }

    @PostMapping("/chaos")
    Map<String, Object> set(@RequestBody Chaos chaos) {
        downstream.chaos(chaos);
        return get();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
