package dev.resilience.sample;

import dev.resilience.annotation.Timeout;
import org.springframework.stereotype.Service;

/**
 * A report from the downstream that must not keep a request thread for long: at 500 ms the calling
 * thread is interrupted and the caller gets {@link dev.resilience.TimeoutExceededException}.
 */
@Service
public class SlowReportService {

    private final FlakyDownstream downstream;

    SlowReportService(FlakyDownstream downstream) {
        this.downstream = downstream;
    }

    /**
     * The report.
     *
     * @return the downstream's answer, if it came within 500 ms
     */
    @Timeout(name = "slow", value = "500ms")
    public String report() {
        return downstream.call("report");
    }
}
