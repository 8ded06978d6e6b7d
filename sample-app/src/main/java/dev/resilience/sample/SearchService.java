package dev.resilience.sample;

import dev.resilience.annotation.RateLimiter;
import java.util.List;
import org.springframework.stereotype.Service;

/** A search whose callers are held to a few queries per second by the {@code search} rate limiter. */
@Service
public class SearchService {

    /**
     * Searches the catalog; beyond {@code limit-for-period} calls per {@code limit-refresh-period} a caller
     * gets {@link dev.resilience.RateLimitExceededException} without the search running.
     *
     * @param query what to look for
     * @return the matching items
     */
    @RateLimiter(name = "search")
    public List<String> search(String query) {
        return List.of(query + "-1", query + "-2");
    }
}
