package dev.resilience.sample;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that shed load: {@code GET /report} (bulkhead) and {@code GET /search} (rate limiter). */
@RestController
class LoadController {

    private final ReportService reports;
    private final SearchService search;

    LoadController(ReportService reports, SearchService search) {
        this.reports = reports;
        this.search = search;
    }

    @GetMapping("/report")
    Map<String, String> report(@RequestParam(defaultValue = "daily") String id) {
        return Map.of("id", id, "report", reports.report(id));
    }

    @GetMapping("/search")
    Map<String, Object> search(@RequestParam(defaultValue = "") String q) {
        List<String> results = search.search(q);
        return Map.of("query", q, "results", results);
    }
}
