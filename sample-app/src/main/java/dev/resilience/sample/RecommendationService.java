package dev.resilience.sample;

import dev.resilience.annotation.Fallback;
import dev.resilience.annotation.Retry;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Recommendations from the flaky downstream, retried ({@code recommendations} retry: 3 attempts) and,
 * when every attempt failed, answered with a default list so the page still renders.
 */
@Service
public class RecommendationService {

    /** What the shop shows when it cannot ask the downstream. */
    static final List<String> BESTSELLERS = List.of("bestseller-1", "bestseller-2", "bestseller-3");

    private final FlakyDownstream downstream;

    RecommendationService(FlakyDownstream downstream) {
        this.downstream = downstream;
    }

    /**
     * Personal recommendations.
     *
     * @param customer who asks
     * @return the downstream's recommendations, or the bestsellers after the retries failed
     */
    @Retry(name = "recommendations")
    @Fallback(method = "bestsellers")
    public Recommendations forCustomer(String customer) {
        String answer = downstream.call("recommendations for " + customer);
        return new Recommendations(List.of(answer), "downstream", null);
    }

    private Recommendations bestsellers(String customer, DownstreamException failure) {
        return new Recommendations(BESTSELLERS, "fallback", failure.getClass().getSimpleName()
                + " after " + (failure.getSuppressed().length + 1) + " attempts");
    }

    /**
     * What {@code GET /recommendations} answers.
     *
     * @param items the recommended items
     * @param source {@code downstream} or {@code fallback}
     * @param reason why the fallback answered, {@code null} otherwise
     */
    public record Recommendations(List<String> items, String source, String reason) {
    }
}
