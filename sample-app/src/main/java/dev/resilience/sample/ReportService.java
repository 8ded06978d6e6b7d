package dev.resilience.sample;

import dev.resilience.annotation.Bulkhead;
import org.springframework.stereotype.Service;

/** Builds reports from the slow downstream, behind a small bulkhead so that a burst cannot tie up every thread. */
@Service
public class ReportService {

    private final FlakyDownstream downstream;

    ReportService(FlakyDownstream downstream) {
        this.downstream = downstream;
    }

    /**
     * One report; at most {@code max-concurrent-calls} of the {@code report} bulkhead run at once, and any
     * further caller is rejected at once with {@link dev.resilience.BulkheadFullException}.
     *
     * @param id the report
     * @return the downstream's answer
     */
    @Bulkhead(name = "report")
    public String report(String id) {
        return downstream.call("report " + id);
    }
}
